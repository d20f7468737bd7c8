import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ handler: { limits: { createPerUser: 3 }, allowedOrigins: ['https://shop.example'] } })
})
afterAll(() => stack.close())

const post = (path: string, body: string, headers: Record<string, string> = {}, user: string | null = 'alice') =>
  stack.api(path, { method: 'POST', user, headers: { 'Content-Type': 'application/json', ...headers }, body })

async function expectError(response: Response, status: number, type: string, code?: string) {
  expect(response.status).toBe(status)
  const body = await response.json()
  expect(body.error.type).toBe(type)
  expect(typeof body.error.message).toBe('string')
  if (code) expect(body.error.code).toBe(code)
  return body
}

describe('POST /sessions', () => {
  it('creates a FaceSign session (201) and returns the same open one after (200)', async () => {
    const first = await stack.create('carol')
    expect(first.status).toBe(201)
    const session = await first.json()
    expect(session).toMatchObject({ provider: 'facesign', status: 'requires_input', livemode: false })
    expect(session.clientSecret).toMatch(/_secret_/)
    expect(session.url).toContain(stack.sandbox.facesignFlowUrl)
    const again = await stack.create('carol')
    expect(again.status).toBe(200)
    expect((await again.json()).sessionId).toBe(session.sessionId)
  })

  it('is idempotent under a double click: concurrent creates give one session', async () => {
    const answers = await Promise.all([stack.create('dave'), stack.create('dave'), stack.create('dave')])
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).sessionId)))
    expect(ids.size).toBe(1)
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201])
  })

  it('creates a FaceVerify session with a country: a link and no client secret', async () => {
    const r = await stack.create('erin', { provider: 'faceverify', country: 'DE' })
    expect(r.status).toBe(201)
    const session = await r.json()
    expect(session.clientSecret).toBeUndefined()
    expect(session.url).toMatch(/\/faceverify\/s\/[0-9a-f]{32}$/)
  })

  it('never leaks a key in the answer', async () => {
    const text = await (await stack.create('frank', { provider: 'facesign' })).text()
    expect(text).not.toMatch(/sk_(test|live)_/)
  })

  it('400 for malformed JSON, a non-object, an unknown provider and a bad country', async () => {
    await expectError(await post('/sessions', '{"provider":'), 400, 'invalid_request_error', 'invalid_json')
    await expectError(await post('/sessions', '[1,2]'), 400, 'invalid_request_error', 'invalid_body')
    await expectError(await post('/sessions', '{"provider":"acme"}'), 400, 'invalid_request_error', 'invalid_provider')
    for (const country of ['USA', 'us', 'ZZ', 'U', 7]) {
      await expectError(
        await post('/sessions', JSON.stringify({ provider: 'faceverify', country })),
        400,
        'invalid_request_error',
        'invalid_country',
      )
    }
  })

  it('415 for another content type', async () => {
    await expectError(
      await post('/sessions', 'provider=facesign', { 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
      'invalid_request_error',
    )
  })

  it('413 for a 10 MB body, and the server stays up', async () => {
    const big = JSON.stringify({ provider: 'facesign', pad: 'x'.repeat(10 * 1024 * 1024) })
    await expectError(await post('/sessions', big), 413, 'invalid_request_error', 'body_too_large')
    expect((await stack.api('/sessions/vws_missing')).status).toBe(404)
  })

  it('401 without a user, 403 for a foreign Origin, allowed for a listed one', async () => {
    await expectError(await post('/sessions', '{"provider":"facesign"}', {}, null), 401, 'authentication_error')
    await expectError(
      await post('/sessions', '{"provider":"facesign"}', { Origin: 'https://evil.example' }),
      403,
      'permission_error',
      'origin_not_allowed',
    )
    const listed = await post('/sessions', '{"provider":"facesign"}', { Origin: 'https://shop.example' }, 'gina')
    expect(listed.status).toBe(201)
  })

  it('429 with Retry-After past the per-user creation limit', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await stack.create('harry')
      const { sessionId } = await r.json()
      await stack.api(`/sessions/${sessionId}/cancel`, { method: 'POST', user: 'harry' })
    }
    const limited = await stack.create('harry')
    await expectError(limited, 429, 'rate_limit_error', 'too_many_sessions')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('provider failures', () => {
  it('maps provider 401 and 429 to clear errors, and a 429 holds further calls back', async () => {
    const s = await startStack()
    try {
      s.sandbox.failNext('facesign', 401)
      await expectError(await s.create('ivan'), 502, 'api_error', 'provider_authentication_failed')
      s.sandbox.failNext('facesign', 429)
      const limited = await s.create('ivan')
      await expectError(limited, 429, 'rate_limit_error', 'provider_rate_limited')
      expect(limited.headers.get('retry-after')).toBe('60')
      await expectError(await s.create('ivan'), 429, 'rate_limit_error', 'provider_rate_limited')
      expect(s.sandbox.counts()['POST /facesign/v1/sessions']).toBe(2)
      expect(await s.store.findOpen('ivan', 'facesign')).toBeUndefined()
    } finally {
      await s.close()
    }
  })

  it('retries with the same Idempotency-Key, so one provider session results', async () => {
    const s = await startStack()
    try {
      s.sandbox.failNext('facesign', 500)
      s.sandbox.failNext('facesign', 'timeout')
      const r = await s.create('judy')
      expect(r.status).toBe(201)
      expect(s.sandbox.sessions()).toHaveLength(1)
      s.sandbox.failNext('facesign', 500, 3)
      await expectError(await s.create('kim'), 502, 'api_error', 'provider_unavailable')
      s.sandbox.failNext('facesign', 'timeout', 3)
      await expectError(await s.create('kim'), 504, 'api_error', 'provider_timeout')
      s.sandbox.failNext('faceverify', 500)
      await expectError(await s.create('kim', { provider: 'faceverify' }), 502, 'api_error')
      expect(await s.store.findOpen('kim', 'facesign')).toBeUndefined()
      expect(await s.store.findOpen('judy', 'facesign')).toBeDefined()
    } finally {
      await s.close()
    }
  })
})

describe('GET /sessions/:id and friends', () => {
  it('shows the owner the snapshot and everybody else a 404', async () => {
    const { sessionId } = await (await stack.create('lena')).json()
    const own = await stack.api(`/sessions/${sessionId}`, { user: 'lena' })
    expect(own.status).toBe(200)
    expect(await own.json()).toMatchObject({ sessionId, provider: 'facesign', status: 'requires_input', livemode: false })
    await expectError(await stack.api(`/sessions/${sessionId}`, { user: 'mallory' }), 404, 'not_found_error')
    await expectError(await stack.api('/sessions/vws_unknown', { user: 'lena' }), 404, 'not_found_error')
    await expectError(await stack.api(`/sessions/${sessionId}/cancel`, { method: 'POST', user: 'mallory' }), 404, 'not_found_error')
    await expectError(await stack.api(`/sessions/${sessionId}/refresh`, { method: 'POST', user: 'mallory' }), 404, 'not_found_error')
    await expectError(await stack.api(`/sessions/${sessionId}/events`, { user: 'mallory' }), 404, 'not_found_error')
  })

  it('refreshes a FaceSign client secret; refuses FaceVerify and finished sessions', async () => {
    const session = await (await stack.create('nina')).json()
    const r = await stack.api(`/sessions/${session.sessionId}/refresh`, { method: 'POST', user: 'nina' })
    expect(r.status).toBe(200)
    const refreshed = await r.json()
    expect(refreshed.sessionId).toBe(session.sessionId)
    expect(refreshed.clientSecret).not.toBe(session.clientSecret)
    expect(refreshed.url).toContain(encodeURIComponent(refreshed.clientSecret))
    const reopened = await (await stack.create('nina')).json()
    expect(reopened.clientSecret).toBe(refreshed.clientSecret)

    const fv = await (await stack.create('nina', { provider: 'faceverify' })).json()
    await expectError(
      await stack.api(`/sessions/${fv.sessionId}/refresh`, { method: 'POST', user: 'nina' }),
      400,
      'invalid_request_error',
      'refresh_not_supported',
    )
    await stack.api(`/sessions/${session.sessionId}/cancel`, { method: 'POST', user: 'nina' })
    await expectError(
      await stack.api(`/sessions/${session.sessionId}/refresh`, { method: 'POST', user: 'nina' }),
      400,
      'invalid_request_error',
      'session_finished',
    )
  })

  it('cancels, and cancel on a finished session returns it as is', async () => {
    const { sessionId } = await (await stack.create('oscar')).json()
    const canceled = await stack.api(`/sessions/${sessionId}/cancel`, { method: 'POST', user: 'oscar' })
    expect(canceled.status).toBe(200)
    const snapshot = await canceled.json()
    expect(snapshot.status).toBe('canceled')
    const again = await (await stack.api(`/sessions/${sessionId}/cancel`, { method: 'POST', user: 'oscar' })).json()
    expect(again).toEqual(snapshot)
    // A new create after a finished session starts a new one.
    const next = await stack.create('oscar')
    expect(next.status).toBe(201)
    expect((await next.json()).sessionId).not.toBe(sessionId)
  })

  it('405 with Allow for a wrong method and 404 for an unknown route', async () => {
    const r = await stack.api('/sessions', { method: 'GET' })
    await expectError(r, 405, 'invalid_request_error', 'method_not_allowed')
    expect(r.headers.get('allow')).toBe('POST')
    await expectError(await stack.api('/nothing-here'), 404, 'not_found_error')
    await expectError(await stack.api('/sessions/a/b/c'), 404, 'not_found_error')
  })
})

describe('a lost webhook', () => {
  it('does not hand out a session that ended at the provider: create checks it first', async () => {
    const s = await startStack({
      sandbox: { facesign: { webhookUrl: 'http://127.0.0.1:1/unreachable' } },
      handler: { statusFallbackAfterMs: 0 },
    })
    try {
      const first = await (await s.create('lost')).json()
      const providerId = s.sandbox.sessions()[0]!.id
      await s.sandbox.complete(providerId, 'pass')
      const second = await s.create('lost')
      expect(second.status).toBe(201)
      expect((await second.json()).sessionId).not.toBe(first.sessionId)
      expect((await (await s.api(`/sessions/${first.sessionId}`, { user: 'lost' })).json()).status).toBe('verified')
    } finally {
      await s.close()
    }
  })
})

describe('bad input at every POST route', () => {
  it('10 MB bodies and broken JSON are refused everywhere, and nothing stored changes', async () => {
    const s = await startStack()
    try {
      const session = await (await s.create('zoe')).json()
      const before = await s.store.get(session.sessionId)
      const big = 'x'.repeat(10 * 1024 * 1024)
      const routes = [
        '/sessions',
        `/sessions/${session.sessionId}/refresh`,
        `/sessions/${session.sessionId}/cancel`,
        '/webhooks/facesign',
        '/webhooks/faceverify',
      ]
      for (const path of routes) {
        const r = await s.api(path, { method: 'POST', user: 'zoe', headers: { 'Content-Type': 'application/json' }, body: big })
        expect(r.status, path).toBe(413)
        expect((await r.json()).error.code).toBe('body_too_large')
      }
      for (const path of ['/webhooks/facesign', '/webhooks/faceverify']) {
        const r = await s.api(path, { method: 'POST', user: null, headers: { 'Content-Type': 'application/json' }, body: '{"id":' })
        expect(r.status, path).toBe(401)
      }
      for (const path of [`/sessions/${session.sessionId}`, `/sessions/${session.sessionId}/events`]) {
        expect((await s.api(path, { user: 'zoe', method: 'POST' })).status, path).toBe(405)
        expect((await s.api(path, { user: null })).status, path).toBe(401)
      }
      expect(await s.store.get(session.sessionId)).toEqual(before)
      const again = await s.create('zoe')
      expect(again.status).toBe(200)
      expect((await again.json()).sessionId).toBe(session.sessionId)
    } finally {
      await s.close()
    }
  })

  it('the Web handler alone (no node adapter) also stops at the body limit', async () => {
    const chunk = new Uint8Array(1024 * 1024)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const request = new Request(`${stack.appUrl}/api/verify/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-test-user': 'yara' },
      body,
      duplex: 'half',
    } as RequestInit)
    const r = await stack.handler(request)
    expect(r.status).toBe(413)
    expect(sent).toBeLessThan(10)
  })
})
