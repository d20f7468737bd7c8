import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { createFaceVerifyClient, ProviderError } from '../../src/server'

const apiKey = 'sk_test_fv_client'
const secretKey = 'sk_test_fv_secret'

describe('createFaceVerifyClient', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ faceverify: { apiKey, secretKey } })
  })
  afterAll(() => sandbox.close())
  const client = (overrides = {}) =>
    createFaceVerifyClient({
      apiKey,
      secretKey,
      baseUrl: sandbox.faceverifyApiUrl,
      allowedHosts: [`127.0.0.1:${sandbox.port}`],
      ...overrides,
    })

  it('gets a session link, the same one for the same uniqueIdentifier', async () => {
    const a = await client().createSession({ country: 'US', uniqueIdentifier: 'user-1' })
    const b = await client().createSession({ uniqueIdentifier: 'user-1' })
    const c = await client().createSession({ uniqueIdentifier: 'user-2' })
    expect(a.url).toMatch(new RegExp(`^${sandbox.url}/faceverify/s/[0-9a-f]{32}$`))
    expect(b.url).toBe(a.url)
    expect(c.url).not.toBe(a.url)
  })

  it('is refused (401) with a wrong secret key or api key', async () => {
    await expect(client({ secretKey: 'sk_test_wrong' }).createSession({})).rejects.toMatchObject({
      type: 'authentication_error',
      status: 401,
    })
    await expect(client({ apiKey: 'sk_test_wrong' }).createSession({})).rejects.toMatchObject({ type: 'authentication_error', status: 401 })
  })

  it('refuses a link on a host that is not allowed, or over plain http', async () => {
    await expect(client({ allowedHosts: ['*.faceverify.ai'] }).createSession({})).rejects.toThrow(/not allowed/)
    const stub = (link: string) => async () => Response.json({ link })
    const evil = createFaceVerifyClient({ apiKey, secretKey, fetch: stub('https://evil.example/s/1') })
    await expect(evil.createSession({})).rejects.toBeInstanceOf(ProviderError)
    const plain = createFaceVerifyClient({ apiKey, secretKey, fetch: stub('http://start.faceverify.ai/s/1') })
    await expect(plain.createSession({})).rejects.toBeInstanceOf(ProviderError)
    const good = createFaceVerifyClient({ apiKey, secretKey, fetch: stub('https://start.faceverify.ai/s/1') })
    expect((await good.createSession({})).url).toBe('https://start.faceverify.ai/s/1')
  })

  it('reads the link under any of its undocumented names', async () => {
    for (const key of ['url', 'sessionUrl', 'link', 'session_url']) {
      const c = createFaceVerifyClient({ apiKey, secretKey, fetch: async () => Response.json({ [key]: 'https://x.faceverify.ai/s' }) })
      expect((await c.createSession({})).url).toBe('https://x.faceverify.ai/s')
    }
  })

  it('signs the exact body it sends', async () => {
    let seen: { body: string; signature: string | null } | undefined
    const c = createFaceVerifyClient({
      apiKey,
      secretKey,
      fetch: async (_url, init) => {
        seen = { body: String(init?.body), signature: new Headers(init?.headers).get('x-hmac-signature') }
        return Response.json({ url: 'https://start.faceverify.ai/s/1' })
      },
    })
    await c.createSession({ country: 'DE', uniqueIdentifier: 'u' })
    const { signFaceVerifyRequest } = await import('../../src/server')
    const expected = signFaceVerifyRequest({
      method: 'POST',
      url: 'https://start.faceverify.ai/api/v1/session',
      body: seen!.body,
      contentType: 'application/json',
      apiKey,
      secretKey,
    })
    expect(seen!.body).toBe('{"country":"DE","uniqueIdentifier":"u"}')
    expect(seen!.signature).toBe(expected)
  })
})
