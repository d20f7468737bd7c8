import { SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTokenIdentity, HttpError } from '../../src/server'
import { eventually, type Stack, startStack } from './harness'

const SECRET = 'identity-secret-0123456789abcdef-0123456789'
const OLD_SECRET = 'identity-secret-before-rotation-0123456789ab'
const AUDIENCE = 'https://verify.shop.example'
const now = () => Math.floor(Date.now() / 1000)
const key = (secret: string) => new TextEncoder().encode(secret)

interface Claims {
  sub?: string
  aud?: string | string[]
  iss?: string
  iat?: number
  exp?: number
  nbf?: number
}

/** A token as the app's backend signs it (any library; jose here). */
function sign(claims: Claims = {}, secret = SECRET, alg = 'HS256'): Promise<string> {
  const t = now()
  const all: Claims = { sub: 'alice', aud: AUDIENCE, iat: t, exp: t + 120, ...claims }
  const payload = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined))
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key(secret))
}

const identity = createTokenIdentity({ secrets: [SECRET, OLD_SECRET], audience: AUDIENCE, maxAgeSeconds: 300 })

async function refusal(token: string | undefined, header = token === undefined ? undefined : `Bearer ${token}`): Promise<string> {
  const request = new Request('http://verify.test/api/verify/sessions', { headers: header ? { authorization: header } : {} })
  try {
    await identity.identify(request)
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(401)
    return (error as HttpError).code
  }
  throw new Error('the token was accepted')
}

describe('createTokenIdentity', () => {
  it('accepts a fresh HS256 token for its audience, signed with any of the rotating secrets', async () => {
    const request = (token: string) => new Request('http://verify.test/', { headers: { authorization: `Bearer ${token}` } })
    expect(await identity.identify(request(await sign()))).toEqual({ id: 'alice' })
    expect(await identity.identify(request(await sign({ sub: 'bob' }, OLD_SECRET)))).toEqual({ id: 'bob' })
    expect(await identity.identify(request(await sign({ aud: ['other', AUDIENCE] })))).toEqual({ id: 'alice' })
    const claims = await identity.verify(await sign({ sub: 'carol' }))
    expect(claims).toMatchObject({ sub: 'carol', aud: AUDIENCE })
    expect(claims.exp - claims.iat).toBe(120)
  })

  it('refuses each bad token with its own 401 code', async () => {
    const t = now()
    expect(await refusal(undefined)).toBe('token_missing')
    expect(await refusal(undefined, '   ')).toBe('token_missing')
    expect(await refusal(undefined, `Basic ${btoa('alice:pw')}`)).toBe('token_malformed')
    expect(await refusal('not-a-jwt')).toBe('token_malformed')
    expect(await refusal('a.b.c')).toBe('token_malformed')
    expect(await refusal(undefined, `Bearer ${'a'.repeat(5000)}.b.c`)).toBe('token_malformed')
    // Forged: signed with a secret this service does not hold.
    expect(await refusal(await sign({}, 'an-attacker-secret-0123456789abcdef-xyz'))).toBe('token_signature_invalid')
    // A valid token with its payload changed keeps a signature that no longer matches.
    const [head, , sig] = (await sign()).split('.')
    const tampered = btoa(JSON.stringify({ sub: 'mallory', aud: AUDIENCE, iat: t, exp: t + 60 })).replace(/=+$/, '')
    expect(await refusal(`${head}.${tampered}.${sig}`)).toBe('token_signature_invalid')
    // Unsigned (alg "none"), and algorithms other than HS256, whatever their claims.
    expect(await refusal(new UnsecuredJWT({ sub: 'alice', aud: AUDIENCE, iat: t, exp: t + 60 }).encode())).toBe(
      'token_algorithm_not_allowed',
    )
    expect(await refusal(await sign({}, `${SECRET}${SECRET}`, 'HS512'))).toBe('token_algorithm_not_allowed')
    expect(await refusal(await sign({ iat: t - 200, exp: t - 100 }))).toBe('token_expired')
    expect(await refusal(await sign({ aud: 'https://another-service.example' }))).toBe('token_audience_invalid')
    expect(await refusal(await sign({ aud: undefined }))).toBe('token_claim_missing')
    expect(await refusal(await sign({ sub: undefined }))).toBe('token_claim_missing')
    expect(await refusal(await sign({ exp: undefined }))).toBe('token_claim_missing')
    expect(await refusal(await sign({ iat: undefined }))).toBe('token_claim_missing')
    expect(await refusal(await sign({ sub: 'x'.repeat(201) }))).toBe('token_claim_invalid')
    expect(await refusal(await sign({ iat: t + 600, exp: t + 700 }))).toBe('token_not_yet_valid')
    expect(await refusal(await sign({ nbf: t + 600 }))).toBe('token_not_yet_valid')
    // Signed for a day: over the documented maximum lifetime, refused at once.
    expect(await refusal(await sign({ exp: t + 86_400 }))).toBe('token_lifetime_too_long')
  })

  it('a token replayed after the maximum lifetime is refused, whatever exp it claims', async () => {
    const t = now()
    // Issued 301 s ago (the maximum is 300): refused even though exp lies in the future.
    expect(await refusal(await sign({ iat: t - 301, exp: t + 10 }))).toBe('token_lifetime_too_long')
    expect(await refusal(await sign({ iat: t - 400, exp: t - 100 }))).toBe('token_expired')
    const strict = createTokenIdentity({ secret: SECRET, audience: AUDIENCE, maxAgeSeconds: 60, clockToleranceSeconds: 0 })
    // Captured 90 s ago with a minute's life: refused as issued too long ago, before anything else is looked at.
    await expect(strict.verify(await sign({ iat: t - 90, exp: t + 30 }))).rejects.toMatchObject({
      code: 'token_expired',
      message: expect.stringContaining('more than 60 s ago'),
    })
    await expect(strict.verify(await sign({ iat: t - 30, exp: t + 30 }))).resolves.toMatchObject({ sub: 'alice' })
  })

  it('checks the issuer when one is configured', async () => {
    const withIssuer = createTokenIdentity({ secret: SECRET, audience: AUDIENCE, issuer: 'https://shop.example' })
    await expect(withIssuer.verify(await sign({ iss: 'https://shop.example' }))).resolves.toMatchObject({ iss: 'https://shop.example' })
    await expect(withIssuer.verify(await sign({ iss: 'https://evil.example' }))).rejects.toMatchObject({ code: 'token_issuer_invalid' })
    await expect(withIssuer.verify(await sign())).rejects.toMatchObject({ code: 'token_claim_missing' })
  })

  it('refuses settings that cannot be safe, naming each', () => {
    expect(() => createTokenIdentity({ audience: AUDIENCE })).toThrow(/needs secret/)
    expect(() => createTokenIdentity({ secret: 'short', audience: AUDIENCE })).toThrow(/secret must be at least 32 bytes/)
    expect(() => createTokenIdentity({ secrets: [SECRET, 'short'], audience: AUDIENCE })).toThrow(/secrets\[1\] must be at least 32/)
    expect(() => createTokenIdentity({ secret: SECRET, audience: '' })).toThrow(/needs audience/)
    expect(() => createTokenIdentity({ secret: SECRET, audience: AUDIENCE, maxAgeSeconds: 7200 })).toThrow(/maxAgeSeconds .* 1 to 3600/)
    expect(() => createTokenIdentity({ secret: SECRET, audience: AUDIENCE, maxAgeSeconds: 0 })).toThrow(/maxAgeSeconds/)
  })
})

describe('token identity in the handler', () => {
  let stack: Stack
  const bearer = async (claims: Claims = {}) => ({ authorization: `Bearer ${await sign(claims)}` })
  const post = async (path: string, headers: Record<string, string>, body: unknown = {}) =>
    stack.api(path, { method: 'POST', user: null, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  beforeAll(async () => {
    stack = await startStack({ handler: { identify: identity.identify } })
  })
  afterAll(() => stack.close())

  it('creates, reads and streams for the token’s user; every refusal is a 401 with its code and a Bearer challenge', async () => {
    const created = await post('/sessions', await bearer(), { provider: 'facesign' })
    expect(created.status).toBe(201)
    const { sessionId } = (await created.json()) as { sessionId: string }
    expect((await stack.api(`/sessions/${sessionId}`, { user: null, headers: await bearer() })).status).toBe(200)
    // Another user's valid token finds nothing of alice's.
    expect((await stack.api(`/sessions/${sessionId}`, { user: null, headers: await bearer({ sub: 'bob' }) })).status).toBe(404)

    const cases: [Record<string, string>, string][] = [
      [{}, 'token_missing'],
      [await bearer({ exp: now() - 60, iat: now() - 120 }), 'token_expired'],
      [{ authorization: `Bearer ${await sign({}, 'an-attacker-secret-0123456789abcdef-xyz')}` }, 'token_signature_invalid'],
      [await bearer({ aud: 'elsewhere' }), 'token_audience_invalid'],
      [
        { authorization: `Bearer ${new UnsecuredJWT({ sub: 'alice', aud: AUDIENCE }).setIssuedAt().setExpirationTime('1m').encode()}` },
        'token_algorithm_not_allowed',
      ],
    ]
    for (const [headers, code] of cases) {
      for (const response of [
        await post('/sessions', headers, { provider: 'facesign' }),
        await stack.api(`/sessions/${sessionId}`, { user: null, headers }),
        await stack.api(`/sessions/${sessionId}/events`, { user: null, headers }),
      ]) {
        expect(response.status).toBe(401)
        expect(await response.json()).toMatchObject({ error: { type: 'authentication_error', code } })
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="verify-widget"/)
      }
    }
  })

  it('the status stream authenticates with the Authorization header (a fetch-based reader), never with a token in the URL', async () => {
    const created = await post('/sessions', await bearer({ sub: 'stream-user' }), { provider: 'facesign' })
    const session = (await created.json()) as { sessionId: string; clientSecret: string }
    const token = await sign({ sub: 'stream-user' })
    const inUrl = await stack.api(`/sessions/${session.sessionId}/events?token=${token}&access_token=${token}`, { user: null })
    expect(inUrl.status).toBe(401)
    expect(await inUrl.json()).toMatchObject({ error: { code: 'token_missing' } })

    const stream = await stack.api(`/sessions/${session.sessionId}/events`, { user: null, headers: { authorization: `Bearer ${token}` } })
    expect(stream.status).toBe(200)
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    const providerId = session.clientSecret.split('_secret_')[0]!
    await stack.sandbox.complete(providerId, 'pass')
    // The stream ends by itself at the terminal status.
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      text += value
    }
    expect(text).toContain('"status":"verified"')
    await eventually(async () => expect((await stack.handler.latestSession('stream-user'))?.status).toBe('verified'))
  })
})
