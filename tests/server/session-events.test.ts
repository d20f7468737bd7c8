import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionStore, StoredSession } from '../../src/server'
import { createPostgresStore } from '../../src/server'
import { createSessionEvents } from '../../src/server/service/fanout'
import { freshSchema, testDatabaseUrl } from '../support/postgres'
import { transition } from './store-contract'

const opened: SessionStore[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})
function instances(n: number, schema = freshSchema('events')): SessionStore[] {
  const stores = Array.from({ length: n }, () => createPostgresStore({ connectionString: testDatabaseUrl(), schema }))
  opened.push(...stores)
  return stores
}

const session = (id: string): StoredSession => ({
  id,
  userId: 'u1',
  provider: 'facesign',
  providerSessionId: `vs_${id}`,
  status: 'requires_input',
  url: 'https://verify.facesign.ai/?client_secret=x',
  livemode: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
})

async function listeningConnections(schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() })
  await client.connect()
  try {
    const r = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN "${schema}_status"'`)
    return Number(r.rows[0]?.n)
  } finally {
    await client.end()
  }
}

describe('session events across instances', () => {
  it('publishes to this instance a change committed by another one, through the store watch', async () => {
    const schema = freshSchema('events')
    const [a, b] = instances(2, schema)
    await b!.insertOpen(session('x'))
    const events = createSessionEvents(a)
    const seen: string[] = []
    const unsubscribe = events.subscribe('x', (s) => seen.push(s.status))
    // Subscribing opens the watch; its first LISTEN asks for a re-read, which publishes the current state.
    await expect.poll(() => seen).toEqual(['requires_input'])
    await b!.transition(transition(session('x'), 'requires_input', 'processing'))
    await b!.transition(transition(session('x'), 'processing', 'verified'))
    await expect.poll(() => seen.at(-1)).toBe('verified')
    expect(seen).not.toContain('failed')
    unsubscribe()
    // The last stream gone, the listening connection is released (UNLISTEN, then closed).
    await expect.poll(() => listeningConnections(schema)).toBe(0)
  })

  it('after the store says it may have missed changes (undefined), every open stream re-reads', async () => {
    let listener: ((id: string | undefined) => void) | undefined
    const stored = new Map([
      ['p', session('p')],
      ['q', session('q')],
    ])
    const events = createSessionEvents({
      get: async (id) => stored.get(id),
      watch: (l) => {
        listener = l
        return () => {
          listener = undefined
        }
      },
    })
    const seen: string[] = []
    events.subscribe('p', (s) => seen.push(`p:${s.status}`))
    events.subscribe('q', (s) => seen.push(`q:${s.status}`))
    // Both ended while the store's connection was down: no notification named them.
    stored.set('p', { ...session('p'), status: 'verified' })
    stored.set('q', { ...session('q'), status: 'failed' })
    listener!(undefined)
    await expect.poll(() => [...seen].sort()).toEqual(['p:verified', 'q:failed'])
  })

  it('hears nothing from other processes with a store that cannot watch', async () => {
    const events = createSessionEvents({ get: async () => session('y') })
    const seen: string[] = []
    events.subscribe('y', (s) => seen.push(s.status))
    events.publish({ ...session('y'), status: 'verified' })
    expect(seen).toEqual(['verified'])
  })
})
