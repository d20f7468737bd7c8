import { afterEach, describe, expect, it } from 'vitest'
import type { SessionStore, WebhookEventRecord } from '../../src/server'
import { storedSession, transition } from './store-fixtures'

export { storedSession, transition } from './store-fixtures'

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
const at = (ms: number) => new Date(T0 + ms).toISOString()

const event = (eventId: string, sessionId?: string, provider = 'facesign'): WebhookEventRecord => ({
  provider,
  eventId,
  type: 'session.verified',
  ...(sessionId ? { sessionId } : {}),
  receivedAt: '2026-01-01T00:01:00.000Z',
})

/**
 * The SessionStore contract: every store we ship runs it, and an integrator's own store should.
 * `makeStore` gets a clock the store must read for slots, leases and outbox due times.
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
        expect(await store.transition(transition(storedSession('a'), 'requires_input', 'verified'))).toBe('applied')
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
        await store.transition(transition(storedSession('a'), 'requires_input', 'failed'))
        await expect(store.insertOpen(storedSession('a'))).rejects.toThrow()
      })

      it('get, findOpen, findByProviderId and update (null clears an optional field)', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a', { expiresAt: '2026-01-01T01:00:00.000Z' }))
        expect(await store.get('a')).toEqual(storedSession('a', { expiresAt: '2026-01-01T01:00:00.000Z' }))
        expect(await store.get('missing')).toBeUndefined()
        expect((await store.findOpen('u1', 'facesign'))?.id).toBe('a')
        expect(await store.findOpen('u1', 'faceverify')).toBeUndefined()
        expect((await store.findByProviderId('facesign', 'vs_a'))?.id).toBe('a')
        expect(await store.findByProviderId('faceverify', 'vs_a')).toBeUndefined()
        expect(await store.update('a', { clientSecret: 'new', url: 'https://verify.facesign.ai/?client_secret=new' })).toEqual(
          storedSession('a', {
            clientSecret: 'new',
            url: 'https://verify.facesign.ai/?client_secret=new',
            expiresAt: '2026-01-01T01:00:00.000Z',
          }),
        )
        expect(await store.update('a', { clientSecret: null, expiresAt: null, livemode: true })).toEqual(
          storedSession('a', { clientSecret: undefined, url: 'https://verify.facesign.ai/?client_secret=new', livemode: true }),
        )
        expect(await store.update('missing', { clientSecret: 'x' })).toBeUndefined()
      })

      it('a session starts without a provider session and is found by its provider id once update gives one', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a', { providerSessionId: '', url: '', clientSecret: undefined }))
        expect(await store.findOpen('u1', 'facesign')).toMatchObject({ id: 'a', providerSessionId: '', url: '' })
        await store.update('a', { providerSessionId: 'vs_late', url: 'https://verify.facesign.ai/?client_secret=y', clientSecret: 'y' })
        expect(await store.findByProviderId('facesign', 'vs_late')).toMatchObject({ id: 'a', clientSecret: 'y' })
      })

      it('discardUnstarted deletes only a session never started and old enough, making room for a new one', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a', { providerSessionId: '', url: '' }))
        expect(await store.discardUnstarted('a', '2025-12-31T23:59:59.000Z')).toBe(false)
        expect(await store.discardUnstarted('a', '2026-01-01T00:00:00.000Z')).toBe(true)
        expect(await store.get('a')).toBeUndefined()
        expect(await store.findOpen('u1', 'facesign')).toBeUndefined()
        expect((await store.insertOpen(storedSession('b'))).created).toBe(true)
        expect(await store.discardUnstarted('b', '2027-01-01T00:00:00.000Z')).toBe(false)
        expect(await store.discardUnstarted('missing', '2027-01-01T00:00:00.000Z')).toBe(false)
      })

      it('latest is the user’s newest session of any status, optionally for one provider, and only theirs', async () => {
        const store = await open()
        expect(await store.latest('u1')).toBeUndefined()
        await store.insertOpen(storedSession('old'))
        await store.transition(transition(storedSession('old'), 'requires_input', 'verified'))
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
      it('transition is a compare-and-set that writes its outbox row, and a finished session keeps no secret', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const first = transition(storedSession('a'), 'requires_input', 'processing', at(1000))
        expect(await store.transition(first)).toBe('applied')
        expect(await store.get('a')).toEqual(storedSession('a', { status: 'processing', updatedAt: at(1000) }))
        // `from` no longer holds: nothing is written.
        expect(await store.transition(transition(storedSession('a'), 'requires_input', 'in_progress'))).toBe('conflict')
        const verified = transition(storedSession('a'), 'processing', 'verified', at(3000))
        expect(await store.transition(verified)).toBe('applied')
        const after = await store.get('a')
        expect(after).toMatchObject({ status: 'verified', updatedAt: at(3000), url: '' })
        expect(after?.clientSecret).toBeUndefined()
        expect(await store.transition(transition(storedSession('missing'), 'requires_input', 'verified'))).toBe('missing')

        const claimed = await store.claimOutbox(10, 60_000)
        expect(claimed).toEqual([{ id: first.outbox.id, sessionId: 'a', change: first.outbox.change, attempts: 0 }])
        await store.completeOutbox(claimed[0]!.id)
        expect(await store.claimOutbox(10, 60_000)).toEqual([
          { id: verified.outbox.id, sessionId: 'a', change: verified.outbox.change, attempts: 0 },
        ])
      })

      it('concurrent transitions from one status apply once', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const results = await Promise.all(
          Array.from({ length: 6 }, () => store.transition(transition(storedSession('a'), 'requires_input', 'verified'))),
        )
        expect(results.filter((r) => r === 'applied')).toHaveLength(1)
        expect(results.filter((r) => r === 'conflict')).toHaveLength(5)
        expect(await store.claimOutbox(10, 60_000)).toHaveLength(1)
      })

      it('recordEvent records each event once and applies its transition with it', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        expect(await store.recordEvent(event('evt_1', 'a'), transition(storedSession('a'), 'requires_input', 'verified'))).toBe('recorded')
        expect(await store.get('a')).toMatchObject({ status: 'verified' })
        expect(await store.recordEvent(event('evt_1', 'a'), transition(storedSession('a'), 'verified', 'failed'))).toBe('duplicate')
        expect(await store.get('a')).toMatchObject({ status: 'verified' })
        // The same id from the other provider is another event.
        expect(await store.recordEvent(event('evt_1', 'a', 'faceverify'))).toBe('recorded')
        // An event for no known session, or with no status, is still recorded once.
        expect(await store.recordEvent(event('evt_2'))).toBe('recorded')
        expect(await store.recordEvent(event('evt_2'))).toBe('duplicate')
        expect(await store.claimOutbox(10, 60_000)).toHaveLength(1)
      })

      it('a conflicting transition records nothing, so the retry records the event', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.transition(transition(storedSession('a'), 'requires_input', 'processing'))
        expect(await store.recordEvent(event('evt_c', 'a'), transition(storedSession('a'), 'requires_input', 'verified'))).toBe('conflict')
        expect(await store.get('a')).toMatchObject({ status: 'processing' })
        expect(await store.recordEvent(event('evt_c', 'a'), transition(storedSession('a'), 'processing', 'verified'))).toBe('recorded')
        expect(await store.get('a')).toMatchObject({ status: 'verified' })
      })

      it('concurrent deliveries of one event record it once', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const results = await Promise.all(
          Array.from({ length: 6 }, () =>
            store.recordEvent(event('evt_c', 'a'), transition(storedSession('a'), 'requires_input', 'verified')),
          ),
        )
        expect(results.filter((r) => r === 'recorded')).toHaveLength(1)
        expect(await store.claimOutbox(10, 60_000)).toHaveLength(1)
      })

      if (options.breakStatusWrites) {
        const breakStatusWrites = options.breakStatusWrites
        it('a failed apply records nothing, so the redelivery applies', async () => {
          const store = await open()
          await store.insertOpen(storedSession('a'))
          const repair = await breakStatusWrites(store)
          const verified = transition(storedSession('a'), 'requires_input', 'verified')
          await expect(store.recordEvent(event('evt_f', 'a'), verified)).rejects.toThrow()
          await repair()
          expect(await store.get('a')).toMatchObject({ status: 'requires_input' })
          expect(await store.claimOutbox(10, 60_000)).toEqual([])
          expect(await store.recordEvent(event('evt_f', 'a'), verified)).toBe('recorded')
          expect(await store.get('a')).toMatchObject({ status: 'verified' })
        })
      }

      it('claimOutbox hands out one entry per session, oldest first, and sessions side by side', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.insertOpen(storedSession('b', { userId: 'u2' }))
        const a1 = transition(storedSession('a'), 'requires_input', 'in_progress')
        const b1 = transition(storedSession('b', { userId: 'u2' }), 'requires_input', 'processing')
        const a2 = transition(storedSession('a'), 'in_progress', 'processing')
        const a3 = transition(storedSession('a'), 'processing', 'verified')
        for (const step of [a1, b1, a2, a3]) expect(await store.transition(step)).toBe('applied')
        const first = await store.claimOutbox(10, 60_000)
        expect(first.map((e) => e.id)).toEqual([a1.outbox.id, b1.outbox.id])
        // Claimed entries are someone's until settled or their lease runs out; a's next waits for a1.
        expect(await store.claimOutbox(10, 60_000)).toEqual([])
        await store.completeOutbox(a1.outbox.id)
        expect((await store.claimOutbox(10, 60_000)).map((e) => e.id)).toEqual([a2.outbox.id])
        await store.completeOutbox(a2.outbox.id)
        await store.completeOutbox(b1.outbox.id)
        expect((await store.claimOutbox(1, 60_000)).map((e) => e.change)).toEqual([a3.outbox.change])
        expect(await store.outboxStats()).toEqual({ pending: 1, dead: 0 })
      })

      it('claimOutbox respects the limit and concurrent claimers never share an entry', async () => {
        const store = await open()
        for (let i = 0; i < 6; i++) {
          await store.insertOpen(storedSession(`s${i}`, { userId: `u${i}` }))
          await store.transition(transition(storedSession(`s${i}`, { userId: `u${i}` }), 'requires_input', 'verified'))
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
        await store.transition(transition(storedSession('a'), 'requires_input', 'verified'))
        expect((await store.claimOutbox(10, 1000))[0]?.attempts).toBe(0)
        advance(999)
        expect(await store.claimOutbox(10, 1000)).toEqual([])
        advance(1)
        expect((await store.claimOutbox(10, 1000))[0]?.attempts).toBe(1)
      })

      it('failOutbox retries at retryAt; with no retryAt the entry is dead, kept, and the next one is due', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        const c1 = transition(storedSession('a'), 'requires_input', 'processing')
        const c2 = transition(storedSession('a'), 'processing', 'verified')
        await store.transition(c1)
        await store.transition(c2)
        await store.claimOutbox(10, 60_000)
        await store.failOutbox(c1.outbox.id, 'hook threw', new Date(t + 5000).toISOString())
        expect(await store.claimOutbox(10, 60_000)).toEqual([])
        advance(5000)
        const retried = await store.claimOutbox(10, 60_000)
        expect(retried).toEqual([{ id: c1.outbox.id, sessionId: 'a', change: c1.outbox.change, attempts: 1 }])
        await store.failOutbox(c1.outbox.id, 'hook threw again', null)
        expect(await store.outboxStats()).toEqual({ pending: 1, dead: 1 })
        expect((await store.claimOutbox(10, 60_000)).map((e) => e.id)).toEqual([c2.outbox.id])
        await store.completeOutbox(c2.outbox.id)
        advance(60_000)
        expect(await store.claimOutbox(10, 60_000)).toEqual([])
        expect(await store.outboxStats()).toEqual({ pending: 0, dead: 1 })
        // Settling twice, or an unknown id, changes nothing.
        await store.completeOutbox(c2.outbox.id)
        await store.failOutbox('unknown', 'x', null)
      })

      it('deadLetters lists what was given up, newest first; reviveDeadLetters makes them due again once', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.insertOpen(storedSession('b', { userId: 'u2' }))
        const c1 = transition(storedSession('a'), 'requires_input', 'processing')
        const c2 = transition(storedSession('a'), 'processing', 'verified')
        const b1 = transition(storedSession('b', { userId: 'u2' }), 'requires_input', 'failed')
        for (const step of [c1, c2, b1]) await store.transition(step)
        expect(await store.deadLetters(10)).toEqual([])
        await store.claimOutbox(10, 60_000)
        await store.failOutbox(c1.outbox.id, 'app answered 500', null)
        advance(1000)
        await store.failOutbox(b1.outbox.id, 'app timed out', null)
        expect(await store.deadLetters(10)).toEqual([
          { id: b1.outbox.id, sessionId: 'b', change: b1.outbox.change, attempts: 1, lastError: 'app timed out', deadAt: at(1000) },
          { id: c1.outbox.id, sessionId: 'a', change: c1.outbox.change, attempts: 1, lastError: 'app answered 500', deadAt: at(0) },
        ])
        expect((await store.deadLetters(1)).map((d) => d.id)).toEqual([b1.outbox.id])
        // The session's next entry went ahead while c1 was dead.
        const next = await store.claimOutbox(10, 60_000)
        expect(next.map((e) => e.id)).toEqual([c2.outbox.id])
        await store.completeOutbox(c2.outbox.id)

        expect(await store.reviveDeadLetters([c1.outbox.id, 'unknown', c1.outbox.id, c2.outbox.id])).toBe(1)
        expect(await store.outboxStats()).toEqual({ pending: 1, dead: 1 })
        expect(await store.claimOutbox(10, 60_000)).toEqual([{ id: c1.outbox.id, sessionId: 'a', change: c1.outbox.change, attempts: 0 }])
        await store.completeOutbox(c1.outbox.id)
        expect(await store.reviveDeadLetters([c1.outbox.id])).toBe(0)
        // Operators racing to revive the same entry revive it once.
        const raced = await Promise.all([1, 2, 3].map(() => store.reviveDeadLetters([b1.outbox.id])))
        expect(raced.reduce((n, r) => n + r, 0)).toBe(1)
        expect(await store.deadLetters(10)).toEqual([])
        expect(await store.reviveDeadLetters([])).toBe(0)
      })
    })

    describe('slots and leases', () => {
      const perSecond = (key: string, limit: number) => ({ key, limit, ttlMs: 1000 })

      it('acquire is a sliding window per key that counts only what it allowed', async () => {
        const store = await open()
        for (let i = 0; i < 3; i++) {
          expect(await store.acquire([perSecond('k', 3)], `h${i}`)).toEqual({ allowed: true, retryAfterMs: 0 })
          advance(100)
        }
        // Slots from 0, 100 and 200; now 300: the one from 0 lapses at 1000.
        expect(await store.acquire([perSecond('k', 3)], 'h3')).toEqual({ allowed: false, retryAfterMs: 700 })
        expect(await store.acquire([perSecond('other', 3)], 'h4')).toMatchObject({ allowed: true })
        advance(699)
        expect(await store.acquire([perSecond('k', 3)], 'h5')).toEqual({ allowed: false, retryAfterMs: 1 })
        advance(1)
        expect(await store.acquire([perSecond('k', 3)], 'h6')).toMatchObject({ allowed: true })
        // Refusals took nothing: the next room opens when the slot from 100 lapses.
        expect(await store.acquire([perSecond('k', 3)], 'h7')).toEqual({ allowed: false, retryAfterMs: 100 })
        advance(100)
        expect(await store.acquire([perSecond('k', 3)], 'h8')).toMatchObject({ allowed: true })
      })

      it('acquire takes every key or none, and release gives a holder’s slots back', async () => {
        const store = await open()
        expect(await store.acquire([perSecond('user', 5), perSecond('all', 1)], 'a')).toMatchObject({ allowed: true })
        // `all` is full: `user` is not counted either.
        expect(await store.acquire([perSecond('user', 5), perSecond('all', 1)], 'b')).toEqual({ allowed: false, retryAfterMs: 1000 })
        expect(await store.acquire([perSecond('user', 1)], 'c')).toMatchObject({ allowed: false })
        expect(await store.countSlots('user')).toBe(1)
        await store.release('a')
        expect(await store.countSlots('user')).toBe(0)
        expect(await store.acquire([perSecond('user', 1), perSecond('all', 1)], 'c')).toMatchObject({ allowed: true })
        advance(1000)
        expect(await store.countSlots('all')).toBe(0)
        expect(await store.countSlots('never-used')).toBe(0)
        await store.release('nobody')
      })

      it('renew keeps a holder’s slots alive; lapsed ones cannot be renewed', async () => {
        const store = await open()
        expect(await store.acquire([perSecond('streams', 1)], 's1')).toMatchObject({ allowed: true })
        advance(900)
        expect(await store.renew('s1', 1000)).toBe(true)
        advance(900)
        expect(await store.acquire([perSecond('streams', 1)], 's2')).toEqual({ allowed: false, retryAfterMs: 100 })
        advance(100)
        expect(await store.renew('s1', 1000)).toBe(false)
        expect(await store.acquire([perSecond('streams', 1)], 's2')).toMatchObject({ allowed: true })
      })

      it('acquire holds its limit under concurrent callers', async () => {
        const store = await open()
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) => store.acquire([{ key: 'budget', limit: 5, ttlMs: 60_000 }], `c${i}`)),
        )
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

    describe('handoffs to a second device', () => {
      const handoff = (tokenHash: string, sessionId = 'a', expiresAt = at(60_000)) => ({
        tokenHash,
        sessionId,
        createdAt: at(0),
        expiresAt,
        deviceUntil: at(3_600_000),
      })

      it('the first claim binds its device and opens the session; a second is taken, an old one expired, a guess missing', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        expect(await store.createHandoff(handoff('t1'))).toBe(true)
        expect(await store.get('a')).toMatchObject({ handoff: 'waiting' })
        expect(await store.claimHandoff('t1', 'phone', at(1000))).toEqual({ result: 'claimed', sessionId: 'a' })
        expect(await store.get('a')).toMatchObject({ handoff: 'opened' })
        expect(await store.claimHandoff('t1', 'second-phone', at(2000))).toEqual({ result: 'taken', sessionId: 'a' })
        expect(await store.claimHandoff('nope', 'phone', at(2000))).toEqual({ result: 'missing' })
        expect(await store.deviceSession('phone', at(2000))).toBe('a')
        expect(await store.deviceSession('second-phone', at(2000))).toBeUndefined()
        // The device's access ends with its time.
        expect(await store.deviceSession('phone', at(3_600_000))).toBeUndefined()

        await store.insertOpen(storedSession('b', { userId: 'u2' }))
        await store.createHandoff(handoff('t2', 'b', at(5000)))
        expect(await store.claimHandoff('t2', 'late', at(5000))).toEqual({ result: 'expired', sessionId: 'b' })
        expect(await store.get('b')).toMatchObject({ handoff: 'waiting' })
      })

      it('a new link replaces the old one (and the device it bound); a finished session takes none', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.createHandoff(handoff('old'))
        await store.claimHandoff('old', 'phone', at(1000))
        expect(await store.createHandoff(handoff('new'))).toBe(true)
        expect(await store.get('a')).toMatchObject({ handoff: 'waiting' })
        expect(await store.claimHandoff('old', 'other', at(2000))).toEqual({ result: 'missing' })
        expect(await store.deviceSession('phone', at(2000))).toBeUndefined()
        await store.transition(transition(storedSession('a'), 'requires_input', 'canceled'))
        expect(await store.createHandoff(handoff('after'))).toBe(false)
        expect(await store.createHandoff(handoff('nowhere', 'missing'))).toBe(false)
      })

      it('concurrent claims of one link bind exactly one device', async () => {
        const store = await open()
        await store.insertOpen(storedSession('a'))
        await store.createHandoff(handoff('race'))
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.claimHandoff('race', `phone${i}`, at(1000))))
        expect(results.filter((r) => r.result === 'claimed')).toHaveLength(1)
        expect(results.filter((r) => r.result === 'taken')).toHaveLength(7)
      })
    })

    describe('retention', () => {
      it('prune deletes old finished sessions, events and settled outbox rows in bounded batches, and nothing else', async () => {
        const store = await open()
        // Three finished sessions of January 1st, one still open, one finished later.
        for (const id of ['f1', 'f2', 'f3']) {
          await store.insertOpen(storedSession(id, { userId: id }))
          const done = transition(storedSession(id, { userId: id }), 'requires_input', 'verified', at(1000))
          await store.recordEvent({ ...event(`evt_${id}`, id), receivedAt: at(1000) }, done)
          await store.claimOutbox(10, 60_000)
          if (id === 'f3') await store.failOutbox(done.outbox.id, 'gave up', null)
          else await store.completeOutbox(done.outbox.id)
        }
        await store.insertOpen(storedSession('open', { userId: 'o' }))
        await store.insertOpen(storedSession('late', { userId: 'l' }))
        await store.transition(transition(storedSession('late', { userId: 'l' }), 'requires_input', 'failed', '2026-03-01T00:00:00.000Z'))
        // An undelivered outcome keeps its session.
        await store.insertOpen(storedSession('undelivered', { userId: 'u' }))
        await store.transition(transition(storedSession('undelivered', { userId: 'u' }), 'requires_input', 'failed', at(1000)))

        const before = {
          sessions: '2026-02-01T00:00:00.000Z',
          events: '2026-02-01T00:00:00.000Z',
          delivered: '2100-01-01T00:00:00.000Z',
          dead: '2100-01-01T00:00:00.000Z',
        }
        expect(await store.prune(before, 2)).toEqual({ sessions: 2, events: 2, delivered: 2, dead: 1 })
        expect(await store.prune(before, 2)).toEqual({ sessions: 1, events: 1, delivered: 0, dead: 0 })
        expect(await store.prune(before, 2)).toEqual({ sessions: 0, events: 0, delivered: 0, dead: 0 })
        for (const id of ['f1', 'f2', 'f3']) expect(await store.get(id)).toBeUndefined()
        for (const id of ['open', 'late', 'undelivered']) expect(await store.get(id)).toBeDefined()
        // The outcomes of `late` and `undelivered` are still to be delivered.
        expect(await store.outboxStats()).toEqual({ pending: 2, dead: 0 })
        // A pruned event id is new again (its session is gone, so it changes nothing).
        expect(await store.recordEvent(event('evt_f1'))).toBe('recorded')
      })

      it('staleOpen lists open sessions created before a time, oldest first, up to a limit', async () => {
        const store = await open()
        const day = (d: number) => `2026-01-0${d}T00:00:00.000Z`
        await store.insertOpen(storedSession('new', { userId: 'n', createdAt: day(5) }))
        await store.insertOpen(storedSession('old2', { userId: 'b', createdAt: day(2) }))
        await store.insertOpen(storedSession('old1', { userId: 'a', createdAt: day(1) }))
        await store.insertOpen(storedSession('done', { userId: 'd', createdAt: day(1) }))
        await store.transition(transition(storedSession('done', { userId: 'd' }), 'requires_input', 'failed'))
        expect((await store.staleOpen(day(4), 10)).map((s) => s.id)).toEqual(['old1', 'old2'])
        expect((await store.staleOpen(day(4), 1)).map((s) => s.id)).toEqual(['old1'])
        expect(await store.staleOpen(day(1), 10)).toEqual([])
      })
    })
  })
}
