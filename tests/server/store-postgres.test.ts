import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionStore } from '../../src/server'
import { createPostgresStore } from '../../src/server'
import { POSTGRES_SCHEMA_VERSION } from '../../src/server/stores/postgres-schema'
import { freshDatabase, freshSchema, testDatabaseUrl } from '../support/postgres'
import { storedSession, transition } from './store-contract'

// Each test gets its own schema on the run's server; `instances(n)` are separate stores (separate
// pools), as separate backend processes would have.
const opened: SessionStore[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})
function instances(n: number, schema = freshSchema('store'), now?: () => number): SessionStore[] {
  const stores = Array.from({ length: n }, () => createPostgresStore({ connectionString: testDatabaseUrl(), schema, now }))
  opened.push(...stores)
  return stores
}

const session = storedSession

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

const schemaExists = (schema: string) =>
  admin(async (c) => (await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1)

describe('PostgreSQL store', () => {
  it('connects and migrates on first use only; importing and creating open nothing', async () => {
    const schema = freshSchema('lazy')
    // Nothing listens on port 1: a store that connected at creation would fail here.
    const unreachable = createPostgresStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none', schema })
    await unreachable.close()
    const [store] = instances(1, schema)
    expect(await schemaExists(schema)).toBe(false)
    expect(await store!.get('missing')).toBeUndefined()
    expect(await schemaExists(schema)).toBe(true)
  })

  it('migrates once when several instances start at the same moment', async () => {
    const schema = freshSchema('migrate')
    const stores = instances(6, schema)
    await Promise.all(stores.map((s, i) => s.insertOpen(session(`m${i}`, { userId: `u${i}` }))))
    const versions = await admin(async (c) => (await c.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`)).rows)
    expect(versions).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })))
  })

  it('refuses a schema a newer version migrated, on every call, and lets go of its connections', async () => {
    // A database of its own, so that only this store's connections are counted.
    const url = await freshDatabase('newer')
    const database = new URL(url).pathname.slice(1)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query('CREATE SCHEMA verify_widget')
    await client.query(
      'CREATE TABLE verify_widget.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    await client.query('INSERT INTO verify_widget.schema_migrations (version) VALUES (99)')
    await client.end()
    const connections = () =>
      admin(async (c) =>
        Number((await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database])).rows[0]?.n),
      )
    const store = createPostgresStore({ connectionString: url })
    opened.push(store)
    await expect(store.get('x')).rejects.toThrow(/version 99, newer than this version of verify-widget knows/)
    await expect(store.get('x')).rejects.toThrow(/newer/)
    await expect.poll(connections).toBe(0)
  })

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => createPostgresStore({ connectionString: testDatabaseUrl(), schema: 'x"; DROP TABLE y; --' })).toThrow(/plain identifier/)
  })

  it('keeps one open session per user and provider when 40 inserts race on two instances', async () => {
    const [a, b] = instances(2)
    await a!.get('warm-up')
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a! : b!).insertOpen(session(`race${i}`, { createdAt: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z` })),
      ),
    )
    const created = results.filter((r) => r.created)
    expect(created).toHaveLength(1)
    expect(new Set(results.map((r) => r.session.id))).toEqual(new Set([created[0]!.session.id]))
    // Once it ends, the next insert opens a new one.
    expect(await a!.transition(transition(created[0]!.session, 'requires_input', 'verified'))).toBe('applied')
    expect((await b!.insertOpen(session('after', { createdAt: '2026-01-02T00:00:00.000Z' }))).created).toBe(true)
    expect((await a!.latest('u1'))?.id).toBe('after')
    expect(await a!.latest('u1', 'faceverify')).toBeUndefined()
  })

  it('sets a status only from the one it was read as, with one outbox row per transition', async () => {
    const [store] = instances(1)
    await store!.insertOpen(session('s'))
    expect(await store!.transition(transition(session('s'), 'requires_input', 'processing', 't1'))).toBe('applied')
    expect(await store!.get('s')).toMatchObject({ status: 'processing', updatedAt: 't1' })
    expect(await store!.transition(transition(session('s'), 'requires_input', 'in_progress', 't2'))).toBe('conflict')
    expect(await store!.transition(transition(session('s'), 'processing', 'verified', 't3'))).toBe('applied')
    expect(await store!.transition(transition(session('s'), 'processing', 'failed', 't4'))).toBe('conflict')
    expect(await store!.get('s')).toMatchObject({ status: 'verified', updatedAt: 't3', url: '' })
    expect(await store!.transition(transition(session('missing'), 'requires_input', 'verified'))).toBe('missing')
    const claimed = await store!.claimOutbox(10, 60_000)
    expect(claimed.map((e) => e.id)).toEqual(['s.processing'])
    await store!.completeOutbox('s.processing')
    expect((await store!.claimOutbox(10, 60_000)).map((e) => e.id)).toEqual(['s.verified'])
  })

  it('records and applies 50 duplicate webhook deliveries split over two instances once', async () => {
    const [a, b] = instances(2)
    await a!.insertOpen(session('w'))
    await b!.get('warm-up')
    const event = { provider: 'facesign' as const, eventId: 'evt_1', type: 'session.verified', sessionId: 'w', receivedAt: 't1' }
    const verified = transition(session('w'), 'requires_input', 'verified')
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a! : b!).recordEvent(event, verified)))
    expect(results.filter((r) => r === 'recorded')).toHaveLength(1)
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(49)
    expect(await b!.get('w')).toMatchObject({ status: 'verified' })
    expect(await a!.claimOutbox(100, 60_000)).toHaveLength(1)
  })

  it('records nothing when the apply fails, so a redelivery applies', async () => {
    const [store] = instances(1)
    await store!.insertOpen(session('f'))
    const event = { provider: 'facesign' as const, eventId: 'evt_bad', type: 'session.verified', sessionId: 'f', receivedAt: 't1' }
    // A status the SQL cannot take (NUL is not allowed in text) fails inside the transaction.
    await expect(store!.recordEvent(event, transition(session('f'), 'requires_input', 'verified\u0000' as 'verified'))).rejects.toThrow()
    expect(await store!.recordEvent(event, transition(session('f'), 'requires_input', 'verified'))).toBe('recorded')
    expect(await store!.get('f')).toMatchObject({ status: 'verified' })
    expect(await store!.recordEvent(event)).toBe('duplicate')
  })

  it('hands each outbox entry to one instance at a time, oldest first per session', async () => {
    let t = 1_000_000
    const [a, b] = instances(2, freshSchema('outbox'), () => t)
    for (const id of ['o1', 'o2', 'o3']) {
      await a!.insertOpen(session(id, { userId: id }))
      await a!.transition(transition(session(id, { userId: id }), 'requires_input', 'processing', 't1'))
      await a!.transition(transition(session(id, { userId: id }), 'processing', 'verified', 't2'))
    }
    const [fromA, fromB] = await Promise.all([a!.claimOutbox(10, 5000), b!.claimOutbox(10, 5000)])
    const ids = [...fromA, ...fromB].map((e) => e.id).sort()
    expect(ids).toEqual(['o1.processing', 'o2.processing', 'o3.processing'])
    expect([...fromA, ...fromB].every((e) => e.attempts === 0)).toBe(true)
    // Leased: nobody gets them again until the lease ends or they are settled.
    expect(await b!.claimOutbox(10, 5000)).toEqual([])
    await a!.completeOutbox('o1.processing')
    await a!.failOutbox('o2.processing', 'hook threw', new Date(t + 10_000).toISOString())
    await a!.failOutbox('o3.processing', 'gave up', null)
    // o1's next entry is due; o2 waits for its retry time; o3's dead entry no longer blocks its next.
    expect((await b!.claimOutbox(10, 20_000)).map((e) => e.id).sort()).toEqual(['o1.verified', 'o3.verified'])
    t += 10_000
    expect(await b!.claimOutbox(10, 5000)).toMatchObject([{ id: 'o2.processing', attempts: 1 }])
    // A lease that runs out makes the entry claimable again.
    t += 10_000
    expect((await a!.claimOutbox(10, 5000)).map((e) => e.id).sort()).toEqual(['o1.verified', 'o2.processing', 'o3.verified'])
  })

  it('counts slots on a sliding window shared by every instance, all keys or none', async () => {
    let t = 5_000_000
    const [a, b] = instances(2, freshSchema('slots'), () => t)
    const claims = [
      { key: 'create:u1', limit: 10, ttlMs: 60_000 },
      { key: 'create:all', limit: 100, ttlMs: 60_000 },
    ]
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a! : b!).acquire(claims, `h${i}`)))
    expect(results.filter((r) => r.allowed)).toHaveLength(10)
    expect(results.find((r) => !r.allowed)).toEqual({ allowed: false, retryAfterMs: 60_000 })
    // Refused claims took nothing from the global key either: 90 more fit there.
    const others = await Promise.all(
      Array.from({ length: 95 }, (_, i) => a!.acquire([{ key: 'create:all', limit: 100, ttlMs: 60_000 }], `o${i}`)),
    )
    expect(others.filter((r) => r.allowed)).toHaveLength(90)
    t += 30_000
    expect(await a!.acquire(claims, 'late')).toEqual({ allowed: false, retryAfterMs: 30_000 })
    t += 30_000
    expect(await b!.acquire(claims, 'later')).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(await b!.acquire([{ key: 'other', limit: 0, ttlMs: 1000 }], 'none')).toEqual({ allowed: false, retryAfterMs: 1000 })
  })

  it('gives a lease to exactly one of many racing instances, again after it runs out', async () => {
    let t = 9_000_000
    const stores = instances(3, freshSchema('lease'), () => t)
    const taken = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]!.lease('read:s1', 5000)))
    expect(taken.filter(Boolean)).toHaveLength(1)
    t += 4999
    expect(await stores[1]!.lease('read:s1', 5000)).toBe(false)
    t += 1
    expect(await stores[2]!.lease('read:s1', 5000)).toBe(true)
  })
})

describe('PostgreSQL store watch', () => {
  it('tells every instance of a status change committed on any of them', async () => {
    const [a, b] = instances(2)
    await a!.insertOpen(session('n'))
    const heard: (string | undefined)[] = []
    const stop = b!.watch!((id) => heard.push(id))
    // The first LISTEN in place says so with undefined (re-read): changes before it were not heard.
    await expect.poll(() => heard.includes(undefined)).toBe(true)
    await a!.transition(transition(session('n'), 'requires_input', 'processing', 't1'))
    await expect.poll(() => heard.filter((id) => id === 'n')).toHaveLength(1)
    // No change, no notification: a transition that does not apply is not announced.
    expect(await a!.transition(transition(session('n'), 'requires_input', 'processing', 't2'))).toBe('conflict')
    await a!.transition(transition(session('n'), 'processing', 'verified', 't3'))
    await expect.poll(() => heard.filter((id) => id === 'n')).toHaveLength(2)
    stop()
    await a!.transition(transition(session('n'), 'verified', 'failed', 't4'))
  })

  it('reconnects after the connection is dropped and asks listeners to re-read', async () => {
    const schema = freshSchema('drop')
    const [a, b] = instances(2, schema)
    await a!.insertOpen(session('d'))
    const heard: (string | undefined)[] = []
    b!.watch!((id) => heard.push(id))
    await expect.poll(() => heard.length).toBe(1)
    // Cut the listening connection from the server side, then change the status while it is down.
    const killed = await admin(async (c) => {
      const r = await c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "${schema}_status"' AND pid <> pg_backend_pid()`,
      )
      return r.rowCount
    })
    expect(killed).toBe(1)
    await a!.transition(transition(session('d'), 'requires_input', 'verified', 't1'))
    // Whether or not this NOTIFY was heard, the listener is told to re-read once it listens again.
    await expect.poll(() => heard.filter((id) => id === undefined).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
    expect((await b!.get('d'))?.status).toBe('verified')
    await a!.insertOpen(session('d2'))
    await a!.transition(transition(session('d2'), 'requires_input', 'processing', 't3'))
    await expect.poll(() => heard.includes('d2')).toBe(true)
  })
})
