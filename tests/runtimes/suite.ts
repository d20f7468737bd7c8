import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SignJWT } from 'jose'
import { Webhook } from 'standardwebhooks'
import { expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'

/** The app's outcome endpoint in the test process: what it took, checked with the reference Standard Webhooks library. */
export interface OutcomeReceiver {
  url: string
  secret: string
  /** Verified payloads (`type`, `data`) with their `webhook-id`. */
  received: { id: string; type: string; data: { userId: string; status: string; eventId: string } }[]
  refused: number
  close(): Promise<void>
}

export async function startOutcomeReceiver(secret: string): Promise<OutcomeReceiver> {
  const verifier = new Webhook(secret)
  const receiver: OutcomeReceiver = { url: '', secret, received: [], refused: 0, close: async () => {} }
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      try {
        const payload = verifier.verify(body, req.headers as Record<string, string>) as OutcomeReceiver['received'][number]
        receiver.received.push({ ...payload, id: String(req.headers['webhook-id']) })
        res.writeHead(204).end()
      } catch {
        receiver.refused++
        res.writeHead(400).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/outcomes`
  receiver.close = async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return receiver
}

/** A backend under test: its origin (it serves `/api/verify`) and the sandbox it talks to. */
export interface Backend {
  url: string
  sandbox: Sandbox
  facesignWebhookSecret: string
  faceverifySecretKey: string
  /** What the app's backend signs identity tokens with. */
  tokens: { secret: string; audience: string }
  outcomes: OutcomeReceiver
}

type Api = (path: string, init?: RequestInit & { user?: string | null }) => Promise<Response>

const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('hex')

const statusEvents = (text: string) =>
  [...text.matchAll(/event: status\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!) as { status: string; sessionId: string })

/** Reads an event stream until the server ends it, calling `onText` with everything read so far. */
async function readStream(response: Response, onText: (text: string) => void): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text
    text += value
    onText(text)
  }
}

async function expectError(response: Response, status: number, type: string, code?: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toContain('application/json')
  const { error } = await response.json()
  expect(error).toMatchObject({ type, message: expect.any(String), ...(code ? { code } : {}) })
}

/**
 * The backend's HTTP contract, black box: only requests to `backend().url` and the sandbox's
 * controls. Every runtime of the matrix passes it with the memory store; the routes, webhooks and
 * SSE in depth are tests/server's.
 */
export function describeBackendSuite(backend: () => Backend): void {
  const api: Api = (path, { user = 'ada', ...init } = {}) => {
    const headers = new Headers(init.headers)
    if (user) headers.set('x-test-user', user)
    return fetch(`${backend().url}/api/verify${path}`, { ...init, headers })
  }
  const post = (path: string, body: string, user: string | null, headers: Record<string, string> = {}) =>
    api(path, { method: 'POST', user, body, headers: { 'Content-Type': 'application/json', ...headers } })
  const create = (user: string, body: object = { provider: 'facesign' }) => post('/sessions', JSON.stringify(body), user)
  const snapshot = async (sessionId: string, user: string) => (await api(`/sessions/${sessionId}`, { user })).json()
  const webhook = (provider: 'facesign' | 'faceverify', body: string, headers: Record<string, string>) =>
    fetch(`${backend().url}/api/verify/webhooks/${provider}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    })
  async function facesignSession(user: string) {
    const session = await (await create(user)).json()
    const remote = backend()
      .sandbox.sessions()
      .find((s) => s.url === session.url)
    if (!remote) throw new Error(`The sandbox has no session behind ${session.url}.`)
    return { ...session, providerId: remote.id } as { sessionId: string; clientSecret: string; url: string; providerId: string }
  }

  it('creates a session once: concurrent creates share it, and the answer holds no key', async () => {
    const answers = await Promise.all([create('create'), create('create'), create('create')])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201])
    const texts = await Promise.all(answers.map((r) => r.text()))
    const sessions = texts.map((t) => JSON.parse(t))
    expect(new Set(sessions.map((s) => s.sessionId)).size).toBe(1)
    expect(sessions[0]).toMatchObject({ provider: 'facesign', status: 'requires_input', livemode: false })
    expect(sessions[0].clientSecret).toMatch(/_secret_/)
    expect(sessions[0].url.startsWith(backend().sandbox.facesignFlowUrl)).toBe(true)
    for (const text of texts) expect(text).not.toMatch(/sk_(test|live)_/)
  })

  it('reads a session: its owner gets the snapshot, anyone else a 404, nobody a 401', async () => {
    const { sessionId } = await facesignSession('owner')
    const own = await api(`/sessions/${sessionId}`, { user: 'owner' })
    expect(own.status).toBe(200)
    expect(await own.json()).toMatchObject({ sessionId, provider: 'facesign', status: 'requires_input' })
    await expectError(await api(`/sessions/${sessionId}`, { user: 'stranger' }), 404, 'not_found_error')
    await expectError(await api(`/sessions/${sessionId}`, { user: null }), 401, 'authentication_error')
  })

  it('streams the status: the snapshot at once, the change a signed sandbox webhook brings, then the end', async () => {
    const { sessionId, providerId } = await facesignSession('stream')
    const response = await api(`/sessions/${sessionId}/events`, { user: 'stream' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    let driven = false
    const text = await readStream(response, (sofar) => {
      // The person passes once the stream has sent its first snapshot.
      if (!driven && statusEvents(sofar).length === 1) {
        driven = true
        void backend().sandbox.complete(providerId, 'pass')
      }
    })
    expect(text.startsWith('retry: ')).toBe(true)
    const events = statusEvents(text)
    expect(events[0]?.status).toBe('requires_input')
    expect(events.at(-1)?.status).toBe('verified')
    expect(events.every((e) => e.sessionId === sessionId)).toBe(true)
    expect((await snapshot(sessionId, 'stream')).status).toBe('verified')
    await backend().sandbox.webhooksSettled()
    const delivered = backend()
      .sandbox.deliveries()
      .filter((d) => d.body.includes(providerId))
    expect(delivered.map((d) => [d.type, d.lastResult])).toEqual([['session.verified', 200]])
  })

  it('refreshes a client secret, and cancels: a finished session is returned as is', async () => {
    const session = await facesignSession('refresh')
    const refreshed = await api(`/sessions/${session.sessionId}/refresh`, { method: 'POST', user: 'refresh' })
    expect(refreshed.status).toBe(200)
    const { clientSecret, url } = await refreshed.json()
    expect(clientSecret).not.toBe(session.clientSecret)
    expect(url).toContain(encodeURIComponent(clientSecret))
    const canceled = await api(`/sessions/${session.sessionId}/cancel`, { method: 'POST', user: 'refresh' })
    expect(canceled.status).toBe(200)
    const first = await canceled.json()
    expect(first.status).toBe('canceled')
    expect(await (await api(`/sessions/${session.sessionId}/cancel`, { method: 'POST', user: 'refresh' })).json()).toEqual(first)
    await expectError(
      await api(`/sessions/${session.sessionId}/refresh`, { method: 'POST', user: 'refresh' }),
      400,
      'invalid_request_error',
      'session_finished',
    )
  })

  it('answers bad requests with a typed JSON error and the right status', async () => {
    await expectError(await post('/sessions', '{"provider":', 'errors'), 400, 'invalid_request_error', 'invalid_json')
    await expectError(await post('/sessions', '{"provider":"acme"}', 'errors'), 400, 'invalid_request_error', 'invalid_provider')
    await expectError(await post('/sessions', '{"provider":"facesign"}', null), 401, 'authentication_error')
    await expectError(
      await post('/sessions', '{"provider":"facesign"}', 'errors', { Origin: 'https://evil.example' }),
      403,
      'permission_error',
      'origin_not_allowed',
    )
    await expectError(await api('/nothing-here', { user: 'errors' }), 404, 'not_found_error')
    const wrongMethod = await api('/sessions', { user: 'errors' })
    expect(wrongMethod.headers.get('allow')).toBe('POST')
    await expectError(wrongMethod, 405, 'invalid_request_error', 'method_not_allowed')
    const big = JSON.stringify({ provider: 'facesign', pad: 'x'.repeat(1024 * 1024) })
    await expectError(await post('/sessions', big, 'errors'), 413, 'invalid_request_error', 'body_too_large')
    await expectError(
      await post('/sessions', 'provider=facesign', 'errors', { 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
      'invalid_request_error',
    )
    // Still serving after all of that.
    expect((await create('errors')).status).toBe(201)
  })

  it('refuses a webhook that is forged, unsigned or not hex, and applies the genuine one', async () => {
    const { sessionId, providerId } = await facesignSession('forged')
    const body = JSON.stringify({ id: 'evt_runtime_forged', type: 'session.verified', data: { id: providerId } })
    const secret = backend().facesignWebhookSecret
    await expectError(
      await webhook('facesign', body, { 'FaceSign-Signature': sign(body, 'sk_test_not_the_secret') }),
      401,
      'authentication_error',
      'invalid_signature',
    )
    expect((await webhook('facesign', body, {})).status).toBe(401)
    expect((await webhook('facesign', body, { 'FaceSign-Signature': 'not-hex' })).status).toBe(401)
    expect((await webhook('facesign', body, { 'FaceSign-Signature': sign(body, secret).slice(0, 10) })).status).toBe(401)
    expect((await snapshot(sessionId, 'forged')).status).toBe('requires_input')
    // The refused deliveries recorded nothing: the genuine one with the same event id applies.
    expect((await webhook('facesign', body, { 'FaceSign-Signature': sign(body, secret) })).status).toBe(200)
    expect((await snapshot(sessionId, 'forged')).status).toBe('verified')
  })

  it('records a duplicated delivery once and changes nothing', async () => {
    const { sessionId, providerId } = await facesignSession('duplicate')
    await backend().sandbox.complete(providerId, 'cancel')
    await backend().sandbox.webhooksSettled()
    const event = backend()
      .sandbox.deliveries()
      .find((d) => d.body.includes(providerId))!
    const before = await snapshot(sessionId, 'duplicate')
    expect(before.status).toBe('canceled')
    await backend().sandbox.redeliver(event.eventId)
    const again = await webhook('facesign', event.body, { 'FaceSign-Signature': sign(event.body, backend().facesignWebhookSecret) })
    expect(await again.json()).toEqual({ received: true, duplicate: true })
    // A late "verified" for a canceled session changes nothing either: terminal is final.
    const late = JSON.stringify({ id: 'evt_runtime_late', type: 'session.verified', data: { id: providerId } })
    expect((await webhook('facesign', late, { 'FaceSign-Signature': sign(late, backend().facesignWebhookSecret) })).status).toBe(200)
    expect(await snapshot(sessionId, 'duplicate')).toEqual(before)
  })

  it('FaceVerify: creates over the HMAC-signed API and applies its signed outcome', async () => {
    const created = await create('faceverify', { provider: 'faceverify', country: 'DE' })
    expect(created.status).toBe(201)
    const session = await created.json()
    expect(session.clientSecret).toBeUndefined()
    expect(session.url).toMatch(/\/faceverify\/s\/[0-9a-f]{32}$/)
    const verified = JSON.stringify({ id: 'evt_runtime_fv', type: 'session.verified', uniqueIdentifier: session.sessionId })
    // Signed with FaceSign's secret, not FaceVerify's: refused.
    expect((await webhook('faceverify', verified, { 'x-hmac-signature': sign(verified, backend().facesignWebhookSecret) })).status).toBe(
      401,
    )
    await backend().sandbox.complete(session.sessionId, 'fail')
    await backend().sandbox.webhooksSettled()
    expect((await snapshot(session.sessionId, 'faceverify')).status).toBe('failed')
    // Genuine but late: accepted, and the finished session stays as it is.
    expect((await webhook('faceverify', verified, { 'x-hmac-signature': sign(verified, backend().faceverifySecretKey) })).status).toBe(200)
    expect((await snapshot(session.sessionId, 'faceverify')).status).toBe('failed')
  })

  it('identity tokens from the app’s backend, CORS for its page, and outcomes as Standard Webhooks', async () => {
    const { tokens } = backend()
    const token = (sub: string, secret = tokens.secret) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setAudience(tokens.audience)
        .setIssuedAt()
        .setExpirationTime('2m')
        .sign(new TextEncoder().encode(secret))
    const page = 'https://shop.example'
    const preflight = await fetch(`${backend().url}/api/verify/sessions`, {
      method: 'OPTIONS',
      headers: { origin: page, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(page)
    const forged = await post('/sessions', '{"provider":"facesign"}', null, {
      authorization: `Bearer ${await token('tok', 'x'.repeat(40))}`,
    })
    await expectError(forged, 401, 'authentication_error', 'token_signature_invalid')
    const created = await post('/sessions', '{"provider":"facesign"}', null, {
      authorization: `Bearer ${await token('tok')}`,
      origin: page,
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('access-control-allow-origin')).toBe(page)
    const session = await created.json()
    const remote = backend()
      .sandbox.sessions()
      .find((s) => s.url === session.url)
    await backend().sandbox.complete(remote!.id, 'pass')
    await backend().sandbox.webhooksSettled()
    // Delivered by the runtime's outbox, signed on its Web Crypto, verified by the reference library.
    for (let i = 0; i < 200 && !backend().outcomes.received.some((r) => r.data.userId === 'tok'); i++)
      await new Promise((r) => setTimeout(r, 25))
    const mine = backend().outcomes.received.filter((r) => r.data.userId === 'tok')
    expect(mine.map((r) => [r.type, r.data.status, r.id === r.data.eventId])).toEqual([['verification.verified', 'verified', true]])
    expect(backend().outcomes.refused).toBe(0)
  })
}
