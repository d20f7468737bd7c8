import { describe, expect, it } from 'vitest'
import { createMemoryStore, createVerificationHandler, type SessionStore, type SlotClaim } from '../../src/server'
import { eventually, startStack } from './harness'

/** FaceSign API calls the sandbox received, all routes together. */
const facesignCalls = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([key]) => key.includes('/facesign/v1/'))
    .reduce((sum, [, n]) => sum + n, 0)

/** Anonymous visitors, as the demo identity makes them: a new user on every request. */
let anonymous = 0
const anonymousIdentity = { identify: () => ({ id: `anon_${++anonymous}`, anonymous: true }) }
/** The client address a test says it comes from (the socket is always 127.0.0.1 here). */
const addressFromTest = { clientAddress: (request: Request) => request.headers.get('x-test-addr') ?? undefined }

const createFrom = (appUrl: string, address: string) =>
  fetch(`${appUrl}/api/verify/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Test-Addr': address },
    body: '{"provider":"facesign"}',
  })

describe('the provider-call budget', () => {
  it('one address minting a new user per request gets only its per-address creates; the rest 429 with Retry-After', async () => {
    const s = await startStack({ handler: { ...anonymousIdentity, ...addressFromTest, limits: { createPerAddress: undefined } } })
    try {
      const answers = await Promise.all(Array.from({ length: 60 }, () => createFrom(s.appUrl, '203.0.113.7')))
      const statuses = answers.map((r) => r.status)
      // The create share of the 80/min budget is 36; one address may take a quarter of it.
      expect(statuses.filter((n) => n === 201)).toHaveLength(9)
      expect(statuses.filter((n) => n === 429)).toHaveLength(51)
      const limited = answers.find((r) => r.status === 429)!
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await limited.json()).error).toMatchObject({ type: 'rate_limit_error', code: 'too_many_sessions' })
      // A real person elsewhere is not locked out.
      expect((await createFrom(s.appUrl, '198.51.100.1')).status).toBe(201)
    } finally {
      await s.close()
    }
  })

  it('200 anonymous creates from 200 addresses stay under the key limit, and webhooks still land', async () => {
    const s = await startStack({ handler: { ...anonymousIdentity, ...addressFromTest } })
    try {
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => createFrom(s.appUrl, `192.0.2.${i}`)))
      const created = answers.filter((r) => r.status === 201)
      expect(created.length).toBeGreaterThan(0)
      expect(answers.every((r) => r.status === 201 || r.status === 429)).toBe(true)
      // The create share of the 80/min budget (80 % of the documented 100/min) is 36: anonymous users get half.
      expect(created).toHaveLength(18)
      expect(facesignCalls(s.sandbox.counts())).toBeLessThanOrEqual(80)
      const session = s.sandbox.sessions()[0]!
      const ours = await s.store.findByProviderId('facesign', session.id)
      await s.sandbox.complete(session.id, 'pass')
      await eventually(async () => expect((await s.store.get(ours!.id))?.status).toBe('verified'))
    } finally {
      await s.close()
    }
  })

  it('reads of many open sessions polled without webhooks never pass the budget; status answers stay 200', async () => {
    const s = await startStack({
      handler: {
        statusCacheMs: 0,
        statusFallbackAfterMs: 0,
        limits: { createPerUser: 1000, createPerAddress: 1000, createGlobal: 1000 },
      },
      sandbox: { facesign: { webhookUrl: 'http://127.0.0.1:1/unreachable' } },
    })
    try {
      const users = Array.from({ length: 36 }, (_, i) => `poller${i}`)
      const ids = await Promise.all(users.map(async (u) => (await (await s.create(u)).json()).sessionId as string))
      for (let round = 0; round < 5; round++) {
        const answers = await Promise.all(users.map((u, i) => s.api(`/sessions/${ids[i]}`, { user: u })))
        expect(answers.map((r) => r.status).every((n) => n === 200)).toBe(true)
      }
      // Creates get 45 % of the 80/min budget (36), reads 35 % (28), whatever the polling.
      expect(s.handler.providerCalls).toBeLessThanOrEqual(80)
      expect(facesignCalls(s.sandbox.counts())).toBeLessThanOrEqual(80)
      expect(s.sandbox.counts()['POST /facesign/v1/sessions']).toBe(36)
      const reads = s.sandbox.counts()['GET /facesign/v1/sessions/:id'] ?? 0
      expect(reads).toBeGreaterThan(0)
      expect(reads).toBeLessThanOrEqual(28)
      // Reads can never take the creates' share, nor creates the reads': the 37th create waits for the window.
      expect((await s.create('newcomer')).status).toBe(429)
    } finally {
      await s.close()
    }
  })

  it('spent: a create answers 429 with Retry-After and makes no provider call', async () => {
    const s = await startStack({ handler: { providerBudget: { limitPerMinute: 10, share: 1 }, limits: { createGlobal: 100 } } })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) statuses.push((await s.create(`u${i}`)).status)
      // Creates may use 45 % of 10 calls: 4.
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429])
      const refused = await s.create('late')
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await refused.json()).error.type).toBe('rate_limit_error')
      expect(s.sandbox.counts()['POST /facesign/v1/sessions']).toBe(4)
      // Webhooks need no provider call: they still land while the budget is spent.
      const first = s.sandbox.sessions()[0]!
      const ours = await s.store.findByProviderId('facesign', first.id)
      await s.sandbox.complete(first.id, 'fail')
      await eventually(async () => expect((await s.store.get(ours!.id))?.status).toBe('failed'))
      expect((await s.create('later')).status).toBe(429)
    } finally {
      await s.close()
    }
  })

  it('the key reaches the store only as a hash', async () => {
    const keys: string[] = []
    const inner = createMemoryStore()
    const store: SessionStore = Object.assign(Object.create(inner) as SessionStore, {
      acquire: (claims: SlotClaim[], holder: string) => {
        keys.push(...claims.map((c) => c.key), holder)
        return inner.acquire(claims, holder)
      },
    })
    const s = await startStack({ store })
    try {
      expect((await s.create('hash')).status).toBe(201)
      expect(keys.some((k) => k.startsWith('budget:'))).toBe(true)
      expect(keys.join(' ')).not.toContain('sk_test_')
    } finally {
      await s.close()
    }
  })
})

describe('webhooks are the status source', () => {
  it('with a webhook secret, 50 tabs polling and 3 streams cause no provider read while the session is fresh', async () => {
    const s = await startStack()
    try {
      const { sessionId } = await (await s.create('tabs')).json()
      const streams = await Promise.all(Array.from({ length: 3 }, () => s.api(`/sessions/${sessionId}/events`, { user: 'tabs' })))
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(Array.from({ length: 50 }, () => s.api(`/sessions/${sessionId}`, { user: 'tabs' })))
        expect(answers.every((r) => r.status === 200)).toBe(true)
      }
      expect(s.sandbox.counts()['GET /facesign/v1/sessions/:id'] ?? 0).toBe(0)
      await s.sandbox.complete(s.sandbox.sessions()[0]!.id, 'pass')
      const text = await streams[0]!.text()
      expect(text).toContain('"status":"verified"')
      for (const stream of streams.slice(1)) await stream.body?.cancel()
    } finally {
      await s.close()
    }
  })

  it('a session not heard of for a while is read once, however many tabs ask', async () => {
    const s = await startStack({ handler: { statusFallbackAfterMs: 0 } })
    try {
      const { sessionId } = await (await s.create('quiet')).json()
      const answers = await Promise.all(Array.from({ length: 50 }, () => s.api(`/sessions/${sessionId}`, { user: 'quiet' })))
      expect(answers.every((r) => r.status === 200)).toBe(true)
      expect(s.sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(1)
    } finally {
      await s.close()
    }
  })

  it('a provider failure on a fallback read leaves the stored status in place', async () => {
    const s = await startStack({ handler: { statusFallbackAfterMs: 0 } })
    try {
      const { sessionId } = await (await s.create('p2')).json()
      s.sandbox.failNext('facesign', 500, 3)
      const r = await s.api(`/sessions/${sessionId}`, { user: 'p2' })
      expect(r.status).toBe(200)
      expect((await r.json()).status).toBe('requires_input')
    } finally {
      await s.close()
    }
  })
})

describe('status streams per user', () => {
  it('past the cap a stream answers 429 JSON; closing one frees its place', async () => {
    const s = await startStack({ handler: { limits: { streamsPerUser: 2 } } })
    try {
      const { sessionId } = await (await s.create('streamer')).json()
      const open = () => s.api(`/sessions/${sessionId}/events`, { user: 'streamer' })
      const [a, b] = [await open(), await open()]
      expect([a.status, b.status]).toEqual([200, 200])
      const third = await open()
      expect(third.status).toBe(429)
      expect((await third.json()).error).toMatchObject({ type: 'rate_limit_error', code: 'too_many_streams' })
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
      // Another user is not affected.
      const { sessionId: other } = await (await s.create('neighbour')).json()
      const theirs = await s.api(`/sessions/${other}/events`, { user: 'neighbour' })
      expect(theirs.status).toBe(200)
      await theirs.body?.cancel()
      await a.body?.cancel()
      await eventually(async () => {
        const again = await open()
        expect(again.status).toBe(200)
        await again.body?.cancel()
      })
      await b.body?.cancel()
    } finally {
      await s.close()
    }
  })
})

describe('the client address', () => {
  const spoofed = (appUrl: string, forwardedFor: string) =>
    fetch(`${appUrl}/api/verify/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
      body: '{"provider":"facesign"}',
    })

  it('is the socket peer: a made-up X-Forwarded-For does not buy a fresh per-address limit', async () => {
    const s = await startStack({ handler: { ...anonymousIdentity, limits: { createPerAddress: 3 } } })
    try {
      const statuses = []
      for (let i = 0; i < 5; i++) statuses.push((await spoofed(s.appUrl, `10.0.0.${i}`)).status)
      expect(statuses).toEqual([201, 201, 201, 429, 429])
    } finally {
      await s.close()
    }
  })

  it('unknown (a Request from another framework, no clientAddress): no shared per-address bucket', async () => {
    let n = 0
    const handler = createVerificationHandler({
      facesign: {
        apiKey: 'sk_test_unknown_address',
        baseUrl: 'https://api.facesign.test/v1',
        fetch: async () => Response.json({ id: `vs_${++n}`, clientSecret: `vs_${n}_secret_x`, status: 'requiresInput' }, { status: 201 }),
      },
      ...anonymousIdentity,
      store: createMemoryStore(),
      limits: { createPerAddress: 1 },
    })
    const create = () =>
      handler(
        new Request('http://app.test/api/verify/sessions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"provider":"facesign"}',
        }),
      )
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await create()).status)
    expect(statuses).toEqual([201, 201, 201])
    await handler.close()
  })

  it('comes from X-Forwarded-For only with trustProxy', async () => {
    const s = await startStack({ handler: { ...anonymousIdentity, limits: { createPerAddress: 1 }, trustProxy: true } })
    try {
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push((await spoofed(s.appUrl, `spoof, 10.0.0.${i}`)).status)
      expect(statuses).toEqual([201, 201, 201])
      expect((await spoofed(s.appUrl, 'other, 10.0.0.0')).status).toBe(429)
    } finally {
      await s.close()
    }
  })
})
