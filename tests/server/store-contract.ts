import { afterEach, describe, expect, it } from 'vitest'
import type { SessionStore, StoredSession, WebhookEventRecord } from '../../src/server'

/** The store's clock, moved by the suite instead of waiting. */
export interface ContractClock {
  now: () => number
}

export interface StoreContractOptions {
  /**
   * Makes the store's next status writes fail (a trigger, a revoked grant…) until the returned
   * function is called. Given by stores that can fail for real; proves a failed apply records nothing.
   */
  breakStatusWrites?: (store: SessionStore) => Promise<() => Promise<void>>
}

const T0 = Date.parse('2026-01-01T00:00:00.000Z')

export const storedSession = (id: string, overrides: Partial<StoredSession> = {}): StoredSession => ({
  id,
  userId: 'u1',
  provider: 'facesign',
  providerSessionId: `vs_${id}`,
  status: 'requires_input',
  clientSecret: `vs_${id}_secret_x`,
  url: 'https://verify.facesign.ai/?client_secret=x',
  livemode: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
})

const event = (eventId: string, sessionId?: string, provider: 'facesign' | 'faceverify' = 'facesign'): WebhookEventRecord => ({
  provider,
  eventId,
  type: 'session.verified',
  ...(sessionId ? { sessionId } : {}),
  receivedAt: '2026-01-01T00:01:00.000Z',
})

/**
 * The SessionStore contract: every store we ship runs it, and an integrator's own store should.
 * `makeStore` gets a clock the store must read for hits, leases and outbox due times.
 */
export function describeStoreContract(
  name: string,
  makeStore: (clock: ContractClock) => SessionStore | Promise<SessionStore>,
  options: StoreContractOptions = {},
): void {
  describe(`${name} store contract`, () => {
    let t = T0
    const opened: SessionStore[] = []
    const advance = (ms: number) => {
      t += ms
    }
    const open = async () => {
      t = T0
      const store = await makeStore({ now: () => t })
      opened.push(store)
      return store
    }
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close()
    })

    describe('sessions', () => {
      it('insertOpen keeps one open session per user and provider', async () => {
        const store = await open()
        expect(await store.insertOpen(storedSession('a'))).toEqual({ session: storedSession('a'), created: true })
        const second = await store.insertOpen(storedSession('b', { createdAt: '2026-01-02T00:00:00.000Z' }))
        expect(second).toEqual({ session: storedSession('a'), created: false })
        expect(await store.get('b')).toBeUndefined()
        expect((await store.insertOpen(storedSession('c', { provider: 'faceverify' }))).created).toBe(true)
        expect((await store.insertOpen(storedSession('d', { userId: 'u2' }))).created).toBe(true)
        await store.applyStatus('a', 'verified', 't1')
        expect(await store.insertOpen(storedSession('e'))).toMatchObject({ created: true, session: { id: 'e' } })
        expect((await store.findOpen('u1', 'facesign'))?.id).toBe('e')
      })

      it('insertOpen under concurrent callers creates exactly one session', async () => {
        const store = await open()
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.insertOpen(storedSession(`r${i}`))))
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.map((r) => r.session.id)).size).toBe(1)
      })

      it('an id that exists is refused', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.applyStatus('a', 'failed', 't1')
        await expect(store.insertOpen(storedSession('a'))).rejects.toThrow()
      })

      it('get, findOpen, findByProviderId and patch', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a', { expiresAt: '2026-01-01T01:00:00.000Z' }))
        expect(await store.get('a')).toEqual(storedSession('a', { expiresAt: '2026-01-01T01:00:00.000Z' }))
        expect(await store.get('missing')).toBeUndefined()
        expect((await store.findOpen('u1', 'facesign'))?.id).toBe('a')
        expect(await store.findOpen('u1', 'faceverify')).toBeUndefined()
        expect((await store.findByProviderId('facesign', 'vs_a'))?.id).toBe('a')
        expect(await store.findByProviderId('faceverify', 'vs_a')).toBeUndefined()
        expect(await store.patch('a', { clientSecret: 'new', url: 'https://verify.facesign.ai/?client_secret=new' })).toMatchObject({
          clientSecret: 'new',
          url: 'https://verify.facesign.ai/?client_secret=new',
          expiresAt: '2026-01-01T01:00:00.000Z',
        })
        expect(await store.patch('missing', { clientSecret: 'x' })).toBeUndefined()
      })

      it('latest is the user’s newest session of any status, optionally for one provider, and only theirs', async () => {
        const store = await open()
        expect(await store.latest('u1')).toBeUndefined()
        await store.insertOpen(storedSession('old'))
        await store.applyStatus('old', 'verified', 't1')
        await store.insertOpen(storedSession('fv', { provider: 'faceverify', createdAt: '2026-01-02T00:00:00.000Z' }))
        await store.insertOpen(storedSession('other', { userId: 'u2', createdAt: '2026-01-03T00:00:00.000Z' }))
        expect((await store.latest('u1'))?.id).toBe('fv')
        expect(await store.latest('u1', 'facesign')).toMatchObject({ id: 'old', status: 'verified' })
        expect((await store.latest('u2'))?.id).toBe('other')
        expect(await store.latest('u2', 'faceverify')).toBeUndefined()
        expect(await store.latest('nobody')).toBeUndefined()
      })
    })

    describe('status and the outbox', () => {
      it('applyStatus moves forward only and writes one outbox entry per transition', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const first = await store.applyStatus('a', 'processing', '2026-01-01T00:00:01.000Z')
        expect(first).toMatchObject({ changed: true, session: { status: 'processing', updatedAt: '2026-01-01T00:00:01.000Z' } })
        expect(first?.change).toEqual({
          eventId: expect.any(String),
          userId: 'u1',
          session: { sessionId: 'a', provider: 'facesign', status: 'processing', livemode: false, updatedAt: '2026-01-01T00:00:01.000Z' },
          previousStatus: 'requires_input',
          status: 'processing',
          at: '2026-01-01T00:00:01.000Z',
        })
        expect(await store.applyStatus('a', 'in_progress', 't2')).toEqual({
          changed: false,
          session: expect.objectContaining({ status: 'processing' }),
        })
        const verified = await store.applyStatus('a', 'verified', '2026-01-01T00:00:03.000Z')
        expect(verified?.change).toMatchObject({ previousStatus: 'processing', status: 'verified' })
        expect(verified?.change?.eventId).not.toBe(first?.change?.eventId)
        expect(await store.applyStatus('a', 'failed', 't4')).toMatchObject({ changed: false, session: { status: 'verified' } })
        expect(await store.applyStatus('missing', 'verified', 't')).toBeUndefined()

        const claimed = await store.claimOutbox(10, 60_000)
        expect(claimed).toEqual([{ id: first?.change?.eventId, sessionId: 'a', change: first?.change, attempts: 0 }])
        await store.completeOutbox(claimed[0]!.id)
        expect(await store.claimOutbox(10, 60_000)).toEqual([
          { id: verified?.change?.eventId, sessionId: 'a', change: verified?.change, attempts: 0 },
        ])
      })

      it('concurrent applyStatus calls write one transition', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const results = await Promise.all(Array.from({ length: 6 }, () => store.applyStatus('a', 'verified', 't1')))
        expect(results.filter((r) => r?.changed)).toHaveLength(1)
        expect(await store.claimOutbox(10, 60_000)).toHaveLength(1)
      })

      it('applyEvent records each event once and applies its status with it', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const applied = await store.applyEvent(event('evt_1', 'a'), 'verified')
        expect(applied).toMatchObject({ duplicate: false, result: { changed: true, session: { status: 'verified' } } })
        expect(applied.result?.change?.status).toBe('verified')
        expect(await store.applyEvent(event('evt_1', 'a'), 'verified')).toEqual({ duplicate: true })
        // The same id from the other provider is another event.
        expect((await store.applyEvent(event('evt_1', 'a', 'faceverify'), undefined)).duplicate).toBe(false)
        // An event for no known session, or with no status, is still recorded once.
        expect(await store.applyEvent(event('evt_2'), 'failed')).toEqual({ duplicate: false })
        expect(await store.applyEvent(event('evt_2'), 'failed')).toEqual({ duplicate: true })
        expect((await store.applyEvent(event('evt_3', 'a'), 'failed')).result).toMatchObject({ changed: false })
        expect(await store.claimOutbox(10, 60_000)).toHaveLength(1)
      })

      it('concurrent deliveries of one event apply it once', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const results = await Promise.all(Array.from({ length: 6 }, () => store.applyEvent(event('evt_c', 'a'), 'verified')))
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
      })

      if (options.breakStatusWrites) {
        const breakStatusWrites = options.breakStatusWrites
        it('a failed apply records nothing, so the redelivery applies', async () => {
          const store = await open()
          await store.insertOpen(storedSession('a'))
          const repair = await breakStatusWrites(store)
          await expect(store.applyEvent(event('evt_f', 'a'), 'verified')).rejects.toThrow()
          await repair()
          expect(await store.get('a')).toMatchObject({ status: 'requires_input' })
          expect(await store.claimOutbox(10, 60_000)).toEqual([])
          expect(await store.applyEvent(event('evt_f', 'a'), 'verified')).toMatchObject({ duplicate: false, result: { changed: true } })
          expect(await store.get('a')).toMatchObject({ status: 'verified' })
        })
      }

      it('claimOutbox hands out one entry per session, oldest first, and sessions side by side', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.insertOpen(storedSession('b', { userId: 'u2' }))
        const a1 = (await store.applyStatus('a', 'in_progress', 't1'))?.change
        const b1 = (await store.applyStatus('b', 'processing', 't2'))?.change
        const a2 = (await store.applyStatus('a', 'processing', 't3'))?.change
        const a3 = (await store.applyStatus('a', 'verified', 't4'))?.change
        const first = await store.claimOutbox(10, 60_000)
        expect(first.map((e) => e.id)).toEqual([a1?.eventId, b1?.eventId])
        // Claimed entries are someone's until settled or their lease runs out; a's next waits for a1.
        expect(await store.claimOutbox(10, 60_000)).toEqual([])
        await store.completeOutbox(a1!.eventId)
        expect((await store.claimOutbox(10, 60_000)).map((e) => e.id)).toEqual([a2?.eventId])
        await store.completeOutbox(a2!.eventId)
        await store.completeOutbox(b1!.eventId)
        expect((await store.claimOutbox(1, 60_000)).map((e) => e.change)).toEqual([a3])
      })

      it('claimOutbox respects the limit and concurrent claimers never share an entry', async () => {
        const store = await open()
        for (let i = 0; i < 6; i++) {
          await store.insertOpen(storedSession(`s${i}`, { userId: `u${i}` }))
          await store.applyStatus(`s${i}`, 'verified', 't1')
        }
        expect(await store.claimOutbox(2, 60_000)).toHaveLength(2)
        const claims = await Promise.all([store.claimOutbox(3, 60_000), store.claimOutbox(3, 60_000), store.claimOutbox(3, 60_000)])
        const ids = claims.flat().map((e) => e.id)
        expect(ids).toHaveLength(4)
        expect(new Set(ids).size).toBe(4)
      })

      it('a claim whose lease ran out is handed out again, counting the attempt', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.applyStatus('a', 'verified', 't1')
        expect((await store.claimOutbox(10, 1000))[0]?.attempts).toBe(0)
        advance(999)
        expect(await store.claimOutbox(10, 1000)).toEqual([])
        advance(1)
        expect((await store.claimOutbox(10, 1000))[0]?.attempts).toBe(1)
      })

      it('failOutbox retries at retryAt; with no retryAt the entry is dead, kept, and the next one is due', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const c1 = (await store.applyStatus('a', 'processing', 't1'))?.change
        const c2 = (await store.applyStatus('a', 'verified', 't2'))?.change
        await store.claimOutbox(10, 60_000)
        await store.failOutbox(c1!.eventId, 'hook threw', new Date(t + 5000).toISOString())
        expect(await store.claimOutbox(10, 60_000)).toEqual([])
        advance(5000)
        const retried = await store.claimOutbox(10, 60_000)
        expect(retried).toEqual([{ id: c1?.eventId, sessionId: 'a', change: c1, attempts: 1 }])
        await store.failOutbox(c1!.eventId, 'hook threw again', null)
        expect((await store.claimOutbox(10, 60_000)).map((e) => e.id)).toEqual([c2?.eventId])
        await store.completeOutbox(c2!.eventId)
        advance(60_000)
        expect(await store.claimOutbox(10, 60_000)).toEqual([])
        // Settling twice, or an unknown id, changes nothing.
        await store.completeOutbox(c2!.eventId)
        await store.failOutbox('unknown', 'x', null)
      })
    })

    describe('hit and lease', () => {
      it('hit is a sliding window per key that counts only allowed hits', async () => {
        const store = await open()
        for (let i = 0; i < 3; i++) {
          expect(await store.hit('k', 3, 1000)).toEqual({ allowed: true, retryAfterMs: 0 })
          advance(100)
        }
        // Hits at 0, 100 and 200; now 300: the one at 0 leaves the window at 1000.
        expect(await store.hit('k', 3, 1000)).toEqual({ allowed: false, retryAfterMs: 700 })
        expect(await store.hit('other', 3, 1000)).toMatchObject({ allowed: true })
        advance(699)
        expect(await store.hit('k', 3, 1000)).toEqual({ allowed: false, retryAfterMs: 1 })
        advance(1)
        expect(await store.hit('k', 3, 1000)).toMatchObject({ allowed: true })
        // Refused hits were not counted: the next slot opens when the hit at 100 leaves.
        expect(await store.hit('k', 3, 1000)).toEqual({ allowed: false, retryAfterMs: 100 })
        advance(100)
        expect(await store.hit('k', 3, 1000)).toMatchObject({ allowed: true })
      })

      it('hit holds its limit under concurrent callers', async () => {
        const store = await open()
        const results = await Promise.all(Array.from({ length: 12 }, () => store.hit('budget', 5, 60_000)))
        expect(results.filter((r) => r.allowed)).toHaveLength(5)
        expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterMs === 60_000)).toBe(true)
      })

      it('lease is taken by one caller until it runs out', async () => {
        const store = await open()
        expect(await store.lease('read:a', 5000)).toBe(true)
        expect(await store.lease('read:a', 5000)).toBe(false)
        expect(await store.lease('read:b', 5000)).toBe(true)
        advance(4999)
        expect(await store.lease('read:a', 5000)).toBe(false)
        advance(1)
        expect(await store.lease('read:a', 5000)).toBe(true)
        const racers = await Promise.all(Array.from({ length: 8 }, () => store.lease('create:u1', 1000)))
        expect(racers.filter(Boolean)).toHaveLength(1)
      })
    })
  })
}
