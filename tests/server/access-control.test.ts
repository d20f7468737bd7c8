import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMemoryStore, createVerificationHandler } from '../../src/server'
import { type Stack, startStack } from './harness'
import { errorCode, head, rawRequest } from './raw-http'

let stack: Stack
let port: number
beforeAll(async () => {
  stack = await startStack()
  port = Number(new URL(stack.appUrl).port)
})
afterAll(() => stack.close())

/** A POST of alice's from the page at `origin`, sent as exact bytes with `target` as the request target. */
const cancelFrom = (origin: string, target: string, host = `127.0.0.1:${port}`) =>
  rawRequest(port, head(`POST ${target} HTTP/1.1`, host, `X-Test-User: alice\r\nOrigin: ${origin}\r\nContent-Length: 0\r\n`))

describe('the Origin check', () => {
  // A page on another localhost port is same-site: the Lax cookie rides along, so only Origin stops it.
  const attacker = 'http://127.0.0.1:5555'

  it('refuses another origin with 403 permission_error, whatever the request target says', async () => {
    const { sessionId } = await (await stack.create('alice')).json()
    const path = `/api/verify/sessions/${sessionId}/cancel`
    for (const target of [path, `//127.0.0.1:5555${path}`, `${attacker}${path}`]) {
      const response = await cancelFrom(attacker, target)
      expect(response.status, target).toBeGreaterThanOrEqual(400)
      expect(response.status, target).toBeLessThan(500)
    }
    const refused = await cancelFrom(attacker, path)
    expect(refused.status).toBe(403)
    expect(JSON.parse(refused.body).error).toMatchObject({ type: 'permission_error', code: 'origin_not_allowed' })
    expect((await (await stack.api(`/sessions/${sessionId}`)).json()).status).toBe('requires_input')
    // The backend's own origin (from Host) passes.
    expect((await cancelFrom(stack.appUrl, path)).status).toBe(200)
  })

  it('takes its own origin from Host, not from the URL a framework hands over', async () => {
    const handler = createVerificationHandler({ identify: () => ({ id: 'u' }), store: createMemoryStore() })
    const request = new Request(`${attacker}/api/verify/sessions/vws_x/cancel`, {
      method: 'POST',
      headers: { Origin: attacker, Host: 'shop.example' },
    })
    const response = await handler(request)
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('origin_not_allowed')
    await handler.close()
  })

  it('with publicOrigin configured, that origin and no other', async () => {
    const handler = createVerificationHandler({
      identify: () => ({ id: 'u' }),
      store: createMemoryStore(),
      publicOrigin: 'https://shop.example',
    })
    const post = (origin: string) =>
      handler(
        new Request('http://10.0.0.5:8080/api/verify/sessions/vws_x/cancel', {
          method: 'POST',
          headers: { Origin: origin, Host: '10.0.0.5:8080' },
        }),
      )
    expect((await post('https://shop.example')).status).toBe(404)
    expect((await post('http://10.0.0.5:8080')).status).toBe(403)
    await handler.close()
  })

  it('a non-canonical path never reaches a route, even from another framework', async () => {
    const handler = createVerificationHandler({ identify: () => ({ id: 'u' }), store: createMemoryStore() })
    for (const path of ['/api/verify//sessions', '/api/verify/sessions%2Fvws_x/cancel', '/api/verify/sessions/%E0%A4%A']) {
      const response = await handler(new Request(`http://app.test${path}`, { method: 'POST' }))
      expect(response.status, path).toBe(400)
    }
    await handler.close()
  })
})

describe('the sandbox flow page return_url', () => {
  it('leads back only to a configured app origin (no open redirect)', async () => {
    const { url } = await (await stack.create('rita')).json()
    const pageFor = async (back: string) => (await fetch(`${url}&return_url=${encodeURIComponent(back)}`)).text()
    // Default app origins: http loopback on any port.
    expect(await pageFor('http://127.0.0.1:4321/back')).toContain('data-redirect="http://127.0.0.1:4321/back"')
    for (const evil of ['https://evil.example/', 'http://127.0.0.1.evil.example:80/', 'javascript:alert(1)', '//evil.example/']) {
      expect(await pageFor(evil), evil).not.toContain('data-redirect')
    }
    const js = await (await fetch(`${stack.sandbox.url}/sandbox/flow.js`)).text()
    expect(js).not.toContain("params.get('return_url')")
  })
})

describe('the raw guard in front of the backend', () => {
  it('an absolute-form target is refused before routing', async () => {
    const response = await rawRequest(port, head(`GET ${stack.appUrl}/api/verify/sessions/x HTTP/1.1`, `127.0.0.1:${port}`))
    expect(response.status).toBe(400)
    expect(errorCode(response)).toBe('invalid_path')
  })
})

describe('the Origin check’s own origin in production', () => {
  const base = { identify: () => ({ id: 'u' }), store: createMemoryStore() }
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('without publicOrigin, NODE_ENV=production or a live key refuses to start, naming the setting', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(() => createVerificationHandler(base)).toThrow(/publicOrigin is required when NODE_ENV is production/)
    vi.stubEnv('NODE_ENV', 'development')
    expect(() =>
      createVerificationHandler({ ...base, facesign: { apiKey: 'sk_live_made_up', baseUrl: 'https://api.facesign.test/v1' } }),
    ).toThrow(/publicOrigin is required with live keys \(FaceSign\)/)
    expect(() => createVerificationHandler({ ...base, publicOrigin: 'not a url' })).toThrow(/publicOrigin must hold origins/)
  })

  it('with publicOrigin, a page that chose its own Host (DNS rebinding) is refused', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const handler = createVerificationHandler({ ...base, publicOrigin: 'https://shop.example' })
    const post = (origin: string, host: string) =>
      handler(
        new Request(`http://${host}/api/verify/sessions`, {
          method: 'POST',
          headers: { Origin: origin, Host: host, 'Content-Type': 'application/json' },
          body: '{"provider":"facesign"}',
        }),
      )
    const rebound = await post('http://attacker.example', 'attacker.example')
    expect(rebound.status).toBe(403)
    expect((await rebound.json()).error.code).toBe('origin_not_allowed')
    // The configured origin passes the check (and meets the next one: no provider configured here).
    expect((await (await post('https://shop.example', 'shop.example')).json()).error.code).toBe('provider_not_configured')
    await handler.close()
  })
})
