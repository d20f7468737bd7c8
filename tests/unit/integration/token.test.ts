// @vitest-environment node
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createVerifyClient, type SessionSnapshot, trackSessionStatus, type VerifyError } from '../../../src/core'
import { createTokenIdentity } from '../../../src/server'
import { type Stack, startStack } from '../../server/harness'

// The widget's core against the real backend over HTTP, identifying its user by the app's identity
// token as `verify-widget serve` does: real JWTs, the real token check, the status stream read with
// fetch (Node has no EventSource, and with a token none is used), and the service ending streams.

const SECRET = 'integration-identity-secret-0123456789abcdef'
const AUDIENCE = 'verify-widget'
const now = () => Math.floor(Date.now() / 1000)
let counter = 0

/** A token as the app's backend signs it, for `lifeSeconds` (each one distinct, as a fresh signature is). */
function sign(sub: string, lifeSeconds = 120, issuedAgo = 0, secret = SECRET): Promise<string> {
  const iat = now() - issuedAgo
  return new SignJWT({ sub, aud: AUDIENCE, iat, exp: iat + lifeSeconds, n: ++counter })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret))
}

let stack: Stack
type Seen = { url: string; authorization: string | null }
const seen: Seen[] = []
const waiting = new Set<[(r: Seen[]) => boolean, () => void]>()

/** Resolves once the requests made so far satisfy `done` (checked as each request goes out). */
function requestsUntil(done: (requests: Seen[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(seen)) resolve()
    else waiting.add([done, resolve])
  })
}

beforeAll(async () => {
  stack = await startStack({
    handler: {
      identify: createTokenIdentity({ secret: SECRET, audience: AUDIENCE, maxAgeSeconds: 300, clockToleranceSeconds: 0 }).identify,
      statusCacheMs: 0,
      // The service ends each stream this soon (5 minutes in production); the page reconnects with a fresh token.
      limits: { streamLifetimeMs: 1500 },
    },
  })
})
afterAll(async () => {
  await stack?.close()
})

/** The page's network edge: the real fetch, every request recorded. */
const edge: typeof fetch = (input, init) => {
  seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') })
  for (const entry of waiting)
    if (entry[0](seen)) {
      waiting.delete(entry)
      entry[1]()
    }
  return fetch(input, init)
}

const providerSessionFor = (url: string) => stack.sandbox.sessions().find((s) => url.includes(s.id))!.id

describe('the identity token against the real backend', () => {
  it('creates as the token’s user, follows the stream read with fetch across the service’s reconnections with fresh tokens, and settles on verified', {
    timeout: 60_000,
  }, async () => {
    const getToken = vi.fn(async () => ({ token: await sign('token-alice', 2), expiresAt: (now() + 2) * 1000 }))
    const client = createVerifyClient({ endpoint: `${stack.appUrl}/api/verify`, fetch: edge, getToken })
    const created = await client.createSession({ provider: 'facesign' })
    expect((await stack.handler.latestSession('token-alice'))?.sessionId).toBe(created.sessionId)

    const snapshots: SessionSnapshot[] = []
    const errors: VerifyError[] = []
    // The tracker stops by itself at the terminal status.
    const verified = new Promise<void>((resolve) => {
      trackSessionStatus({
        client,
        sessionId: created.sessionId,
        onSnapshot: (s) => {
          snapshots.push(s)
          if (s.status === 'verified') resolve()
        },
        onError: (e) => errors.push(e),
      })
    })
    const streamCalls = (requests: Seen[]) => requests.filter((r) => r.url.endsWith(`${created.sessionId}/events`))
    // The service ends the first stream; the page comes back with a token it asked for after the first had run out.
    await requestsUntil((requests) => streamCalls(requests).length >= 2)
    const [first, second] = streamCalls(seen)
    expect(first!.authorization).toMatch(/^Bearer eyJ/)
    expect(second!.authorization).toMatch(/^Bearer eyJ/)
    expect(second!.authorization).not.toBe(first!.authorization)
    await stack.sandbox.complete(providerSessionFor(created.url), 'pass')
    await verified
    expect(snapshots.at(-1)?.status).toBe('verified')
    expect(errors).toEqual([])
    // Statuses came over the stream: no poll was needed.
    expect(seen.filter((r) => r.url.endsWith(`/sessions/${created.sessionId}`))).toHaveLength(0)
    for (const r of seen) expect(r.url).not.toMatch(/eyJ/)
  })

  it('a token past its maximum age is refused as token_expired: one new token, and the call goes through', async () => {
    const tokens = [sign('token-bob', 120, 400), sign('token-bob')]
    const getToken = vi.fn(() => tokens[getToken.mock.calls.length - 1]!)
    const client = createVerifyClient({ endpoint: `${stack.appUrl}/api/verify`, fetch: edge, getToken })
    const created = await client.createSession({ provider: 'facesign' })
    expect(getToken).toHaveBeenCalledTimes(2)
    expect((await stack.handler.latestSession('token-bob'))?.sessionId).toBe(created.sessionId)
  })

  it('a token signed with another secret is refused with its own code, once, and named in the console', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const forged = await sign('token-mallory', 120, 0, 'another-secret-that-the-service-does-not-hold')
    const client = createVerifyClient({ endpoint: `${stack.appUrl}/api/verify`, fetch: edge, getToken: () => forged })
    const before = seen.length
    const error = await client.createSession({ provider: 'facesign' }).catch((e: VerifyError) => e)
    expect(error).toMatchObject({ code: 'token_signature_invalid', status: 401, retryable: false })
    expect(seen.length - before).toBe(1)
    expect(consoleError.mock.calls.flat().join(' ')).toContain('VERIFY_TOKEN_SECRET')
    expect(consoleError.mock.calls.flat().join(' ')).not.toContain(forged)
    consoleError.mockRestore()
  })
})

describe('token-url outside a browser', () => {
  it('is refused naming getToken, before any request', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const before = seen.length
    const client = createVerifyClient({ endpoint: `${stack.appUrl}/api/verify`, fetch: edge, tokenUrl: '/verify-token' })
    const error = await client.createSession({ provider: 'facesign' }).catch((e: VerifyError) => e)
    expect(error).toMatchObject({ code: 'token_unavailable' })
    expect((error as VerifyError).message).toContain('give getToken otherwise')
    expect(seen.length).toBe(before)
    consoleError.mockRestore()
  })
})
