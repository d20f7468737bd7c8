import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { type FaceSignOptions, ProviderError, parseFaceSignSession } from '../../../src/server'
import { faceSign } from '../../../src/server/providers/facesign'
import { openDeps } from './deps'

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

describe('the FaceSign adapter against the sandbox', () => {
  let sandbox: Sandbox
  beforeEach(async () => {
    sandbox = await startSandbox({ facesign: { apiKeys: [KEY] } })
  })
  afterEach(() => sandbox.close())

  const client = (overrides: Partial<FaceSignOptions> = {}, deps = openDeps()) =>
    faceSign.create({ apiKey: KEY, baseUrl: sandbox.facesignApiUrl, flowUrl: sandbox.facesignFlowUrl, timeoutMs: 1000, ...overrides }, deps)
  /** An adapter whose API answers `body` to every call. */
  const stubbed = (body: unknown, overrides: Partial<FaceSignOptions> = {}) =>
    faceSign.create(
      { apiKey: KEY, baseUrl: 'https://api.facesign.test/v1', fetch: async () => Response.json(body, { status: 201 }), ...overrides },
      openDeps(),
    )

  it('creates, retrieves and refreshes a session, each call on its tier of the budget', async () => {
    const deps = openDeps()
    const c = client({}, deps)
    const created = await c.create({ sessionId: 'k1' }, 'create')
    expect(created.status).toBe('requires_input')
    expect(created.url).toBe(`${sandbox.facesignFlowUrl}?client_secret=${created.clientSecret}`)
    expect(created.livemode).toBe(false)
    await sandbox.complete(created.providerSessionId, 'pass')
    expect(await c.retrieve!(created.providerSessionId, 'background')).toEqual({ status: 'verified', raw: 'complete' })
    const again = await c.create({ sessionId: 'k2' }, 'create')
    const refreshed = await c.renewSecret!(again.providerSessionId, 'refresh')
    expect(refreshed.clientSecret).not.toBe(again.clientSecret)
    expect(refreshed.url).toContain(encodeURIComponent(refreshed.clientSecret!))
    expect(deps.tiers).toEqual(['create', 'background', 'create', 'refresh'])
  })

  it("hands out the API's flow URL only on an allowed host", async () => {
    const own = `${sandbox.facesignFlowUrl}?client_secret=s`
    const wrapped = (url: string) => ({ session: { id: 'vs_1', status: 'requiresInput' }, clientSecret: { secret: 's', url } })
    const flowHost = { flowUrl: sandbox.facesignFlowUrl }
    expect((await stubbed(wrapped(own), flowHost).create({ sessionId: 'a' }, 'create')).url).toBe(own)
    const real = 'https://verify.facesign.ai/?client_secret=s'
    expect((await stubbed(wrapped(real)).create({ sessionId: 'a' }, 'create')).url).toBe(real)
    for (const url of ['https://evil.example/?client_secret=s', 'http://verify.facesign.ai/?client_secret=s', 'javascript:alert(1)']) {
      const error = await stubbed(wrapped(url))
        .create({ sessionId: 'a' }, 'create')
        .catch((e: unknown) => e)
      expect(error).toMatchObject({ type: 'api_error' })
      // The refusal names no secret: the URL carries one.
      expect(String((error as Error).message)).not.toContain('client_secret')
    }
    const strict = { allowedHosts: ['flows.example.com'] }
    await expect(stubbed(wrapped(own), strict).create({ sessionId: 'a' }, 'create')).rejects.toThrow(/not allowed/)
    expect((await stubbed(wrapped('https://flows.example.com/f'), strict).create({ sessionId: 'a' }, 'create')).url).toBe(
      'https://flows.example.com/f',
    )
  })

  it('answers the same session for the same session id (its Idempotency-Key)', async () => {
    const c = client()
    const a = await c.create({ sessionId: 'same' }, 'create')
    const b = await c.create({ sessionId: 'same' }, 'create')
    expect(b.providerSessionId).toBe(a.providerSessionId)
  })

  it('parses the wrapped shape from the API', async () => {
    await sandbox.close()
    sandbox = await startSandbox({ facesign: { apiKeys: [KEY], shape: 'wrapped' } })
    const created = await client().create({ sessionId: 'w' }, 'create')
    expect(created.url).toContain('/facesign/flow?client_secret=')
    expect(created.clientSecret).toMatch(/_secret_/)
  })

  it('a huge or unreadable expiry from the API is no expiry, not a crash', async () => {
    for (const expireAt of [1e300, Number.MAX_VALUE, -1e20]) {
      const created = await stubbed({ id: 'vs_1', status: 'requiresInput', clientSecret: { secret: 's', expireAt } }).create(
        { sessionId: 'a' },
        'create',
      )
      expect(created.expiresAt).toBeUndefined()
    }
  })

  it('turns a 401 into an authentication_error without retrying', async () => {
    const error = await client({ apiKey: 'sk_test_wrong' }).retrieve!('vs_x', 'background').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).toMatchObject({ type: 'authentication_error', status: 401 })
    expect(sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(1)
  })

  it('retries a GET on 500 and on a timeout, then succeeds', async () => {
    const c = client()
    const created = await c.create({ sessionId: 'r' }, 'create')
    sandbox.failNext('facesign', 500)
    sandbox.failNext('facesign', 'timeout')
    expect(await c.retrieve!(created.providerSessionId, 'background')).toMatchObject({ status: 'requires_input' })
    expect(sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(3)
  })

  it('gives up after the capped retries with a timeout error', async () => {
    sandbox.failNext('facesign', 'timeout', 3)
    const error = await client({ maxRetries: 2 }).retrieve!('vs_x', 'background').catch((e: unknown) => e)
    expect(error).toMatchObject({ type: 'api_error', options: { code: 'timeout' } })
    expect(sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(3)
  })

  it('on 429 waits per Retry-After: fails fast and sends nothing more until the time is up', async () => {
    const c = client()
    sandbox.failNext('facesign', 429)
    const first = await c.retrieve!('vs_x', 'background').catch((e: unknown) => e)
    expect(first).toMatchObject({ type: 'rate_limit_error', options: { retryAfterMs: 60_000 } })
    for (let i = 0; i < 5; i++) await expect(c.retrieve!('vs_x', 'background')).rejects.toMatchObject({ type: 'rate_limit_error' })
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
