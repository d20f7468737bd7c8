import { afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest'
import { createVerifyClient, type IdentityToken } from '../../../src/core'
import { failure, session, snapshot } from '../support/backend'
import { recordingFetch, refuseToken } from '../support/token'

// A made-up HS256 JWT of the shape the app's backend signs (header.payload.signature, base64url).
const jwt = (n: number) => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzQyIiwibiI6${n}fQ.c2lnbmF0dXJlLW9mLXRva2VuLQ${n}`
const T1 = jwt(1)
const T2 = jwt(2)

let consoleError: MockInstance<typeof console.error>

beforeAll(async () => {
  // The client loads the token's code on first use: loaded once here, as a browser keeps it cached.
  await import('../../../src/core/token')
})
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Everything the console was told, as text. */
const logged = () =>
  consoleError.mock.calls.map((args) => args.map((a) => (a instanceof Error ? `${a.message} ${a.cause}` : String(a))).join(' '))

/** A backend that accepts the tokens in `valid` and refuses any other with `refusal`. */
function backend(valid: string[], refusal = 'token_expired') {
  const s = session()
  const guard = (request: { headers: Headers }, answer: () => Response) =>
    valid.some((t) => request.headers.get('authorization') === `Bearer ${t}`) ? answer() : refuseToken(refusal)
  const edge = recordingFetch({
    'POST /sessions': (r) => guard(r, () => Response.json(s, { status: 201 })),
    'GET /sessions/:id': (r) => guard(r, () => Response.json(snapshot(s, 'in_progress'))),
    'POST /sessions/:id/refresh': (r) =>
      guard(r, () => Response.json({ sessionId: s.sessionId, clientSecret: 'vs_new_secret', url: s.url })),
    'POST /sessions/:id/cancel': (r) => guard(r, () => Response.json(snapshot(s, 'canceled'))),
    'GET /sessions/:id/events': (r) =>
      guard(
        r,
        () =>
          new Response(`event: status\ndata: ${JSON.stringify(snapshot(s, 'in_progress'))}\n\n`, {
            headers: { 'content-type': 'text/event-stream' },
          }),
      ),
  })
  return { s, edge }
}

describe('the identity token on every call', () => {
  it('goes as Authorization: Bearer on create, read, refresh, cancel and the stream, never in a URL, fetched once while fresh', async () => {
    const { s, edge } = backend([T1])
    const getToken = vi.fn(async (): Promise<IdentityToken> => ({ token: T1, expiresAt: new Date(Date.now() + 120_000).toISOString() }))
    const client = createVerifyClient({ fetch: edge.fetch, getToken })
    expect(client.usesToken).toBe(true)
    await client.createSession({ provider: 'facesign' })
    await client.getSession(s.sessionId)
    await client.refreshSecret(s.sessionId)
    await client.cancelSession(s.sessionId)
    const stream = await client.send(client.eventsUrl(s.sessionId), { headers: { accept: 'text/event-stream' } })
    expect(stream.status).toBe(200)
    expect(edge.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /sessions',
      `GET /sessions/${s.sessionId}`,
      `POST /sessions/${s.sessionId}/refresh`,
      `POST /sessions/${s.sessionId}/cancel`,
      `GET /sessions/${s.sessionId}/events`,
    ])
    expect(edge.seen.map((r) => r.headers.get('authorization'))).toEqual(Array(5).fill(`Bearer ${T1}`))
    for (const r of edge.seen) expect(r.url).not.toContain(T1)
    expect(getToken).toHaveBeenCalledTimes(1)
  })

  it('takes the token alone too, and sends none without getToken or tokenUrl', async () => {
    const { edge } = backend([T1])
    await createVerifyClient({ fetch: edge.fetch, getToken: () => T1 }).createSession({ provider: 'facesign' })
    const plain = createVerifyClient({ fetch: edge.fetch })
    expect(plain.usesToken).toBe(false)
    await failure(plain.createSession({ provider: 'facesign' }))
    expect(edge.authorizations(/^\/sessions$/)).toEqual([`Bearer ${T1}`, null])
  })

  it('asks for a new token 30 s before expiresAt (epoch seconds, as the Python example answers), and not before', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T10:00:00Z') })
    const tokens = [T1, T2]
    const { s, edge } = backend(tokens)
    const getToken = vi.fn(async () => ({ token: tokens[getToken.mock.calls.length - 1]!, expiresAt: Math.floor(Date.now() / 1000) + 120 }))
    const client = createVerifyClient({ fetch: edge.fetch, getToken })
    await client.getSession(s.sessionId)
    vi.setSystemTime(Date.now() + 89_000)
    await client.getSession(s.sessionId)
    expect(getToken).toHaveBeenCalledTimes(1)
    vi.setSystemTime(Date.now() + 2000)
    await client.getSession(s.sessionId)
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(edge.authorizations(/^\/sessions\//)).toEqual([`Bearer ${T1}`, `Bearer ${T1}`, `Bearer ${T2}`])
  })

  it('renews a short-lived token a quarter of its life before it ends (ISO 8601 and epoch ms)', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T10:00:00Z') })
    const { s, edge } = backend([T1])
    for (const expiresAt of [() => new Date(Date.now() + 20_000).toISOString(), () => Date.now() + 20_000]) {
      const getToken = vi.fn(() => ({ token: T1, expiresAt: expiresAt() }))
      const client = createVerifyClient({ fetch: edge.fetch, getToken })
      await client.getSession(s.sessionId)
      vi.setSystemTime(Date.now() + 14_900)
      await client.getSession(s.sessionId)
      expect(getToken).toHaveBeenCalledTimes(1)
      vi.setSystemTime(Date.now() + 200)
      await client.getSession(s.sessionId)
      expect(getToken).toHaveBeenCalledTimes(2)
    }
  })

  it('makes calls made together share one token request', async () => {
    const { s, edge } = backend([T1])
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const getToken = vi.fn(async () => {
      await gate
      return { token: T1, expiresAt: Date.now() + 120_000 }
    })
    const client = createVerifyClient({ fetch: edge.fetch, getToken })
    const calls = [client.getSession(s.sessionId), client.createSession({ provider: 'facesign' }), client.getSession(s.sessionId)]
    release()
    await Promise.all(calls)
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(edge.seen).toHaveLength(3)
  })
})

describe('a refused token', () => {
  it('token_expired: one new token, and the same call once more', async () => {
    const { edge } = backend([T2])
    const tokens = [T1, T2]
    const getToken = vi.fn(() => tokens[getToken.mock.calls.length - 1]!)
    const client = createVerifyClient({ fetch: edge.fetch, getToken })
    await expect(client.createSession({ provider: 'facesign', country: 'FR' })).resolves.toMatchObject({ provider: 'facesign' })
    expect(edge.authorizations(/^\/sessions$/)).toEqual([`Bearer ${T1}`, `Bearer ${T2}`])
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('token_expired twice: the backend’s error, and the fix in the console (the token never in it)', async () => {
    const { s, edge } = backend([])
    const getToken = vi.fn(() => ({ token: T1, expiresAt: Date.now() + 120_000 }))
    const error = await failure(createVerifyClient({ fetch: edge.fetch, getToken }).getSession(s.sessionId))
    expect(error).toMatchObject({ code: 'token_expired', status: 401, retryable: false })
    expect(edge.seen).toHaveLength(2)
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(logged().join('\n')).toContain('hand out a new token on every request')
    expect(logged().join('\n')).not.toContain(T1)
  })

  it('any other refusal is not retried: the backend’s code, and the fix named in the console', async () => {
    const { edge } = backend([], 'token_signature_invalid')
    const getToken = vi.fn(() => T1)
    const error = await failure(createVerifyClient({ fetch: edge.fetch, getToken }).createSession({ provider: 'facesign' }))
    expect(error).toMatchObject({ code: 'token_signature_invalid', status: 401, retryable: false })
    expect(edge.seen).toHaveLength(1)
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(logged()).toEqual([expect.stringContaining('VERIFY_TOKEN_SECRET')])
    expect(logged()[0]).toContain('token_signature_invalid')
  })

  it('calls refused together fetch one new token, not one each', async () => {
    const tokens = [T1, T2, jwt(3)]
    const { s, edge } = backend([T2])
    const getToken = vi.fn(() => tokens[getToken.mock.calls.length - 1]!)
    const client = createVerifyClient({ fetch: edge.fetch, getToken })
    await Promise.all([client.getSession(s.sessionId), client.getSession(s.sessionId), client.createSession({ provider: 'facesign' })])
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(edge.seen.filter((r) => r.headers.get('authorization') === `Bearer ${T2}`)).toHaveLength(3)
  })

  it('a late refusal of the old token leaves the new one alone', async () => {
    const tokens = [T1, T2, jwt(3)]
    const { s } = backend([])
    let releaseLate!: () => void
    const late = new Promise<void>((resolve) => (releaseLate = resolve))
    let first = true
    const edge = recordingFetch({
      'GET /sessions/:id': async (r) => {
        if (r.headers.get('authorization') === `Bearer ${T2}`) return Response.json(snapshot(s, 'in_progress'))
        // The second call with the old token is answered only after the first has its new token.
        if (!first) await late
        first = false
        return refuseToken('token_expired')
      },
    })
    const getToken = vi.fn(() => tokens[getToken.mock.calls.length - 1]!)
    const client = createVerifyClient({ fetch: edge.fetch, getToken })
    const early = client.getSession(s.sessionId)
    const slow = client.getSession(s.sessionId)
    await early
    releaseLate()
    await slow
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(edge.authorizations(/^\/sessions\//)).toEqual([`Bearer ${T1}`, `Bearer ${T1}`, `Bearer ${T2}`, `Bearer ${T2}`])
  })

  it('without a token, a token_missing answer names getToken and token-url in the console', async () => {
    const edge = recordingFetch({ 'POST /sessions': () => refuseToken('token_missing', 'Send your backend’s identity token.') })
    const error = await failure(createVerifyClient({ fetch: edge.fetch }).createSession({ provider: 'facesign' }))
    expect(error.code).toBe('token_missing')
    expect(logged()).toEqual([expect.stringMatching(/getToken.*token-url/)])
  })
})

describe('a token that cannot be had', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'getToken throws',
      () => {
        throw new Error('signed out')
      },
      /getToken failed/,
    ],
    ['getToken rejects', () => Promise.reject(new Error('signed out')), /getToken failed/],
    ['no token in the answer', () => ({ expiresAt: 1 }), /getToken must give the token/],
    ['an empty token', () => '', /getToken must give the token/],
    ['a token that would break the header', () => `${T1}\r\nX-Injected: 1`, /getToken must give the token/],
    ['an expiresAt that is no time', () => ({ token: T1, expiresAt: 'soon' }), /expiresAt must be an ISO 8601 date/],
  ]
  for (const [name, getToken, message] of cases)
    it(`${name}: token_unavailable, in the console, and no call to the backend`, async () => {
      const { edge } = backend([T1])
      const error = await failure(
        createVerifyClient({ fetch: edge.fetch, getToken: getToken as () => string }).createSession({ provider: 'facesign' }),
      )
      expect(error.code).toBe('token_unavailable')
      expect(error.message).toMatch(message)
      expect(edge.seen).toHaveLength(0)
      expect(logged().join('\n')).toMatch(message)
    })

  it('is asked for again on the next call (a failure is never kept)', async () => {
    const { edge } = backend([T1])
    let fail = true
    const client = createVerifyClient({
      fetch: edge.fetch,
      getToken: () => {
        if (fail) throw new Error('offline')
        return T1
      },
    })
    await failure(client.createSession({ provider: 'facesign' }))
    fail = false
    await expect(client.createSession({ provider: 'facesign' })).resolves.toBeTruthy()
  })
})

describe('tokenUrl: the page’s own route', () => {
  function withRoute(answer: () => Response) {
    const s = session()
    const edge = recordingFetch({
      'GET /verify-token': answer,
      'POST /sessions': (r) =>
        r.headers.get('authorization') === `Bearer ${T1}` ? Response.json(s, { status: 201 }) : refuseToken('token_missing'),
    })
    return { s, edge, client: createVerifyClient({ fetch: edge.fetch, tokenUrl: '/verify-token' }) }
  }

  it('is fetched from the page’s origin with its cookies, never cached, and its token sent to the backend', async () => {
    const { edge, client } = withRoute(() => Response.json({ token: T1, expiresAt: Math.floor(Date.now() / 1000) + 120 }))
    await client.createSession({ provider: 'facesign' })
    const [route, create] = edge.seen
    expect(route).toMatchObject({ method: 'GET', url: `${location.origin}/verify-token`, credentials: 'same-origin' })
    expect(route!.headers.get('authorization')).toBeNull()
    expect(create!.headers.get('authorization')).toBe(`Bearer ${T1}`)
  })

  it('a 500 from it: token_unavailable naming the route and its answer, retryable; a 401 (signed out) is not', async () => {
    const broken = withRoute(() => new Response('oops', { status: 500 }))
    const error = await failure(broken.client.createSession({ provider: 'facesign' }))
    expect(error).toMatchObject({ code: 'token_unavailable', status: 500, retryable: true })
    expect(logged()).toEqual([expect.stringContaining('/verify-token answered 500')])
    expect(broken.edge.seen.map((r) => r.path)).toEqual(['/verify-token'])
    const signedOut = withRoute(() => Response.json({ error: { code: 'signed_out' } }, { status: 401 }))
    expect(await failure(signedOut.client.createSession({ provider: 'facesign' }))).toMatchObject({
      code: 'token_unavailable',
      status: 401,
      retryable: false,
    })
  })

  it('an answer that is not JSON, or has no token, is token_unavailable', async () => {
    for (const answer of [() => new Response('<html>'), () => Response.json({ tok: T1 })]) {
      const { client } = withRoute(answer)
      expect((await failure(client.createSession({ provider: 'facesign' }))).code).toBe('token_unavailable')
    }
  })

  it('on another origin it is refused without a request (the page’s cookies would not go with it)', async () => {
    const edge = recordingFetch({})
    const client = createVerifyClient({ fetch: edge.fetch, tokenUrl: 'https://auth.example/verify-token' })
    const error = await failure(client.createSession({ provider: 'facesign' }))
    expect(error.code).toBe('token_unavailable')
    expect(error.message).toContain("must be a route on this page's origin")
    expect(edge.seen).toHaveLength(0)
  })

  it('with getToken as well: named in the console, and getToken is the one used', async () => {
    const { edge } = backend([T1])
    await createVerifyClient({ fetch: edge.fetch, getToken: () => T1, tokenUrl: '/verify-token' }).createSession({ provider: 'facesign' })
    expect(edge.seen.map((r) => r.path)).toEqual(['/sessions'])
    expect(logged()).toEqual([expect.stringContaining('tokenUrl is left unused')])
  })
})

describe('where the token never goes', () => {
  it('not into storage, a URL or any console line, whatever happens', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const refusal of ['token_expired', 'token_audience_invalid']) {
      const { s, edge } = backend([], refusal)
      const client = createVerifyClient({ fetch: edge.fetch, getToken: () => ({ token: T1, expiresAt: Date.now() + 60_000 }) })
      await failure(client.createSession({ provider: 'facesign' }))
      await failure(client.getSession(s.sessionId))
      for (const r of edge.seen) expect(r.url).not.toContain(T1)
    }
    const everything = [...consoleError.mock.calls, ...log.mock.calls, ...warn.mock.calls].flat().map(String).join('\n')
    expect(everything).toContain('token_audience_invalid')
    expect(everything).not.toContain(T1)
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(T1)
    expect(JSON.stringify({ ...localStorage })).not.toContain(T1)
    expect(document.cookie).not.toContain(T1)
  })
})
