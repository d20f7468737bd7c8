import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { type FaceVerifyOptions, ProviderError, signFaceVerifyRequest } from '../../../src/server'
import { faceVerify } from '../../../src/server/providers/faceverify'
import { openDeps } from './deps'

const apiKey = 'sk_test_fv_client'
const secretKey = 'sk_test_fv_secret'

const createFaceVerifyClient = (options: FaceVerifyOptions) => faceVerify.create(options, openDeps())

describe('the FaceVerify adapter', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ faceverify: { apiKey, secretKey } })
  })
  afterAll(() => sandbox.close())
  const client = (overrides: Partial<FaceVerifyOptions> = {}) =>
    createFaceVerifyClient({
      apiKey,
      secretKey,
      baseUrl: sandbox.faceverifyApiUrl,
      allowedHosts: [`127.0.0.1:${sandbox.port}`],
      ...overrides,
    })

  it('gets a session link, the same one for the same session id (its uniqueIdentifier)', async () => {
    const a = await client().create({ country: 'US', sessionId: 'user-1' }, 'create')
    const b = await client().create({ sessionId: 'user-1' }, 'create')
    const c = await client().create({ sessionId: 'user-2' }, 'create')
    expect(a.url).toMatch(new RegExp(`^${sandbox.url}/faceverify/s/[0-9a-f]{32}$`))
    expect(b.url).toBe(a.url)
    expect(c.url).not.toBe(a.url)
  })

  it('is refused (401) with a wrong secret key or api key', async () => {
    await expect(client({ secretKey: 'sk_test_wrong' }).create({ sessionId: 's' }, 'create')).rejects.toMatchObject({
      type: 'authentication_error',
      status: 401,
    })
    await expect(client({ apiKey: 'sk_test_wrong' }).create({ sessionId: 's' }, 'create')).rejects.toMatchObject({
      type: 'authentication_error',
      status: 401,
    })
  })

  it('refuses a link on a host that is not allowed, or over plain http', async () => {
    await expect(client({ allowedHosts: ['*.faceverify.ai'] }).create({ sessionId: 's' }, 'create')).rejects.toThrow(/not allowed/)
    const stub = (link: string) => async () => Response.json({ link })
    const evil = createFaceVerifyClient({ apiKey, secretKey, fetch: stub('https://evil.example/s/1') })
    await expect(evil.create({ sessionId: 's' }, 'create')).rejects.toBeInstanceOf(ProviderError)
    const plain = createFaceVerifyClient({ apiKey, secretKey, fetch: stub('http://start.faceverify.ai/s/1') })
    await expect(plain.create({ sessionId: 's' }, 'create')).rejects.toBeInstanceOf(ProviderError)
    const good = createFaceVerifyClient({ apiKey, secretKey, fetch: stub('https://start.faceverify.ai/s/1') })
    expect((await good.create({ sessionId: 's' }, 'create')).url).toBe('https://start.faceverify.ai/s/1')
  })

  it('reads the link under any of its undocumented names', async () => {
    for (const key of ['url', 'sessionUrl', 'link', 'session_url']) {
      const c = createFaceVerifyClient({ apiKey, secretKey, fetch: async () => Response.json({ [key]: 'https://x.faceverify.ai/s' }) })
      expect((await c.create({ sessionId: 's' }, 'create')).url).toBe('https://x.faceverify.ai/s')
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
    await c.create({ country: 'DE', sessionId: 'u' }, 'create')
    const expected = await signFaceVerifyRequest({
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
