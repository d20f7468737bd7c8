import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { createFaceSignClient, ProviderError, parseFaceSignSession } from '../../src/server'

const KEY = 'sk_test_client_tests'

describe('parseFaceSignSession', () => {
  it('reads the flat shape', () => {
    const s = parseFaceSignSession({ id: 'vs_1', clientSecret: 'vs_1_secret_x', createdAt: 1, status: 'requiresInput' })
    expect(s).toMatchObject({ id: 'vs_1', status: 'requires_input', clientSecret: 'vs_1_secret_x' })
  })

  it('reads the wrapped shape with the secret url and expiry', () => {
    const s = parseFaceSignSession({
      session: { id: 'vs_2', status: 'complete', report: { isVerified: true } },
      clientSecret: { secret: 'vs_2_secret_y', url: 'https://verify.facesign.ai/x', expireAt: 1_800_000_000 },
    })
    expect(s).toMatchObject({ id: 'vs_2', status: 'verified', clientSecret: 'vs_2_secret_y', url: 'https://verify.facesign.ai/x' })
    expect(s.expiresAt).toBe(new Date(1_800_000_000_000).toISOString())
  })

  it('keeps an unknown status as undefined instead of guessing, and rejects a body without id', () => {
    expect(parseFaceSignSession({ id: 'vs_3', status: 'somethingNew' }).status).toBeUndefined()
    expect(() => parseFaceSignSession({ status: 'complete' })).toThrow(ProviderError)
    expect(() => parseFaceSignSession('nope')).toThrow(ProviderError)
  })
})

describe('createFaceSignClient against the sandbox', () => {
  let sandbox: Sandbox
  beforeEach(async () => {
    sandbox = await startSandbox({ facesign: { apiKeys: [KEY] } })
  })
  afterEach(() => sandbox.close())

  const client = (overrides = {}) =>
    createFaceSignClient({ apiKey: KEY, baseUrl: sandbox.facesignApiUrl, flowUrl: sandbox.facesignFlowUrl, timeoutMs: 1000, ...overrides })

  it('creates, retrieves and refreshes a session', async () => {
    const c = client()
    const created = await c.createSession({ idempotencyKey: 'k1' })
    expect(created.status).toBe('requires_input')
    expect(c.flowUrl({ clientSecret: created.clientSecret! })).toBe(`${sandbox.facesignFlowUrl}?client_secret=${created.clientSecret}`)
    await sandbox.complete(created.id, 'pass')
    expect((await c.retrieveSession(created.id)).status).toBe('verified')
    const again = await c.createSession({ idempotencyKey: 'k2' })
    const refreshed = await c.refreshClientSecret(again.id)
    expect(refreshed.clientSecret).not.toBe(again.clientSecret)
    expect(refreshed.url).toContain(encodeURIComponent(refreshed.clientSecret))
  })

  it("hands out the API's flow URL only on an allowed host", () => {
    const c = client()
    const own = `${sandbox.facesignFlowUrl}?client_secret=s`
    expect(c.flowUrl({ clientSecret: 's', url: own })).toBe(own)
    expect(c.flowUrl({ clientSecret: 's', url: 'https://verify.facesign.ai/?client_secret=s' })).toBe(
      'https://verify.facesign.ai/?client_secret=s',
    )
    for (const url of ['https://evil.example/?client_secret=s', 'http://verify.facesign.ai/?client_secret=s', 'javascript:alert(1)'])
      expect(() => c.flowUrl({ clientSecret: 's', url })).toThrowError(expect.objectContaining({ type: 'api_error' }))
    const strict = client({ allowedHosts: ['flows.example.com'] })
    expect(() => strict.flowUrl({ clientSecret: 's', url: own })).toThrow(/not allowed/)
    expect(strict.flowUrl({ clientSecret: 's', url: 'https://flows.example.com/f' })).toBe('https://flows.example.com/f')
  })

  it('answers the same session for the same Idempotency-Key', async () => {
    const c = client()
    const a = await c.createSession({ idempotencyKey: 'same' })
    const b = await c.createSession({ idempotencyKey: 'same' })
    expect(b.id).toBe(a.id)
  })

  it('parses the wrapped shape from the API', async () => {
    await sandbox.close()
    sandbox = await startSandbox({ facesign: { apiKeys: [KEY], shape: 'wrapped' } })
    const created = await client().createSession()
    expect(created.url).toContain('/facesign/flow?client_secret=')
    expect(created.clientSecret).toMatch(/_secret_/)
  })

  it('turns a 401 into an authentication_error without retrying', async () => {
    const error = await client({ apiKey: 'sk_test_wrong' })
      .retrieveSession('vs_x')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toMatchObject({ type: 'authentication_error', status: 401 })
    expect(sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(1)
  })

  it('retries a GET on 500 and on a timeout, then succeeds', async () => {
    const c = client()
    const created = await c.createSession()
    sandbox.failNext('facesign', 500)
    sandbox.failNext('facesign', 'timeout')
    expect((await c.retrieveSession(created.id)).id).toBe(created.id)
    expect(sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(3)
  })

  it('gives up after the capped retries with a timeout error', async () => {
    sandbox.failNext('facesign', 'timeout', 3)
    const error = await client({ maxRetries: 2 })
      .retrieveSession('vs_x')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ type: 'api_error', options: { code: 'timeout' } })
    expect(sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(3)
  })

  it('on 429 waits per Retry-After: fails fast and sends nothing more until the time is up', async () => {
    const c = client()
    sandbox.failNext('facesign', 429)
    const first = await c.retrieveSession('vs_x').catch((e: unknown) => e)
    expect(first).toMatchObject({ type: 'rate_limit_error', options: { retryAfterMs: 60_000 } })
    for (let i = 0; i < 5; i++) await expect(c.retrieveSession('vs_x')).rejects.toMatchObject({ type: 'rate_limit_error' })
    expect(sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(1)
  })

  it('hits the documented 100 requests per minute limit with the exact body', async () => {
    for (let i = 0; i < 100; i++) {
      const r = await fetch(`${sandbox.facesignApiUrl}/sessions/vs_none`, { headers: { Authorization: `Bearer ${KEY}` } })
      expect(r.status).toBe(404)
    }
    const limited = await fetch(`${sandbox.facesignApiUrl}/sessions/vs_none`, { headers: { Authorization: `Bearer ${KEY}` } })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toEqual({
      error: { type: 'rate_limit_error', message: 'Too many requests. Please retry after 60 seconds.' },
    })
  })
})
