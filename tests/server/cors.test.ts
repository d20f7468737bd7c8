import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryStore, createVerificationHandler } from '../../src/server'
import { type Stack, startStack } from './harness'

const PAGE = 'https://shop.example'
const OTHER = 'https://evil.example'

describe('CORS for the configured origins only', () => {
  let stack: Stack
  let withCookies: Stack
  beforeAll(async () => {
    stack = await startStack({ handler: { cors: { origins: [PAGE, 'http://localhost:5173'] } } })
    withCookies = await startStack({ handler: { cors: { origins: [PAGE], credentials: true, maxAgeSeconds: 60 } } })
  })
  afterAll(async () => {
    await stack.close()
    await withCookies.close()
  })

  const preflight = (target: Stack, path: string, origin: string, method = 'POST', headers = 'authorization, content-type') =>
    target.api(path, {
      method: 'OPTIONS',
      user: null,
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
    })

  it('a configured page’s preflight is answered with exactly its origin, the route’s methods and the headers it may send', async () => {
    const create = await preflight(stack, '/sessions', PAGE)
    expect(create.status).toBe(204)
    expect(create.headers.get('access-control-allow-origin')).toBe(PAGE)
    expect(create.headers.get('access-control-allow-methods')).toBe('POST')
    expect(create.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Last-Event-ID')
    expect(create.headers.get('access-control-max-age')).toBe('600')
    expect(create.headers.get('access-control-allow-credentials')).toBeNull()
    expect(create.headers.get('vary')).toContain('Origin')
    // The status stream: a GET carrying the Authorization header.
    const events = await preflight(stack, '/sessions/vws_abc/events', 'http://localhost:5173', 'GET', 'authorization, last-event-id')
    expect(events.status).toBe(204)
    expect(events.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(events.headers.get('access-control-allow-methods')).toBe('GET')
  })

  it('any other origin, a method the route has not, and a provider’s webhook route get no Access-Control headers', async () => {
    for (const response of [
      await preflight(stack, '/sessions', OTHER),
      await preflight(stack, '/sessions', 'null'),
      await preflight(stack, '/sessions', 'https://shop.example.evil.example'),
      await preflight(stack, '/sessions', 'http://shop.example'),
    ]) {
      expect(response.status).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      const body = (await response.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('cors_origin_not_allowed')
      expect(body.error.message).toContain('VERIFY_CORS_ORIGINS')
    }
    const wrongMethod = await preflight(stack, '/sessions', PAGE, 'DELETE')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('access-control-allow-origin')).toBeNull()
    const webhook = await preflight(stack, '/webhooks/facesign', PAGE)
    expect(webhook.headers.get('access-control-allow-origin')).toBeNull()
    expect(webhook.status).toBe(405)
    expect((await preflight(stack, '/nowhere', PAGE)).status).toBe(404)
  })

  it('answers to the page carry its origin (errors too, so the page can read why), to others none', async () => {
    const created = await stack.api('/sessions', {
      method: 'POST',
      headers: { origin: PAGE, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'facesign' }),
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('access-control-allow-origin')).toBe(PAGE)
    expect(created.headers.get('access-control-expose-headers')).toBe('Retry-After, WWW-Authenticate')
    expect(created.headers.get('vary')).toContain('Origin')
    // The status stream too: a fetch-based reader on the page reads it.
    const { sessionId } = (await created.json()) as { sessionId: string }
    const stream = await stack.api(`/sessions/${sessionId}/events`, { headers: { origin: PAGE } })
    expect(stream.status).toBe(200)
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(stream.headers.get('access-control-allow-origin')).toBe(PAGE)
    await stream.body?.cancel()

    const refused = await stack.api('/sessions', { method: 'POST', user: null, headers: { origin: PAGE }, body: '{}' })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE)

    // A page on another origin: its POST is refused by the Origin check, and its script may not read the answer.
    const foreign = await stack.api('/sessions', {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'facesign' }),
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const read = await stack.api('/sessions/vws_missing', { headers: { origin: OTHER } })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    expect(read.headers.get('vary')).toContain('Origin')
  })

  it('credentials only when configured, and then never with a wildcard', async () => {
    const answer = await preflight(withCookies, '/sessions', PAGE)
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(answer.headers.get('access-control-allow-origin')).toBe(PAGE)
    expect(answer.headers.get('access-control-max-age')).toBe('60')
    const read = await withCookies.api('/sessions/vws_missing', { headers: { origin: PAGE } })
    expect(read.headers.get('access-control-allow-credentials')).toBe('true')
    expect(read.headers.get('access-control-allow-origin')).toBe(PAGE)
  })

  it('without a cors setting a preflight is refused with the setting that allows it', async () => {
    const plain = await startStack()
    try {
      const response = await preflight(plain, '/sessions', PAGE)
      expect(response.status).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect(response.headers.get('vary')).toBeNull()
    } finally {
      await plain.close()
    }
  })

  it('refuses a policy that would let any page in, naming the setting', () => {
    const make = (cors: unknown) => () =>
      createVerificationHandler({ identify: () => null, cors: cors as never, store: createMemoryStore() })
    expect(make({ origins: ['*'] })).toThrow(/cors.origins must list exact origins/)
    expect(make({ origins: ['null'] })).toThrow(/cors.origins must list exact origins/)
    expect(make({ origins: ['shop.example'] })).toThrow(/cors.origins must hold origins such as/)
    expect(make({ origins: [] })).toThrow(/cors.origins is empty/)
    expect(make({ origins: [PAGE], maxAgeSeconds: -1 })).toThrow(/cors.maxAgeSeconds/)
    expect(make({ origins: [PAGE], credentials: 'yes' })).toThrow(/cors.credentials/)
    expect(make('https://shop.example')).toThrow(/cors must be \{ origins/)
  })
})
