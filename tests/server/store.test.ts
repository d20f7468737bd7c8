import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionStore, StoredSession } from '../../src/server'
import { createMemoryStore, createSqliteStore } from '../../src/server'
import { startStack } from './harness'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vw-store-'))
  dirs.push(dir)
  return join(dir, 'nested', 'verify.sqlite')
}

const session = (id: string, overrides: Partial<StoredSession> = {}): StoredSession => ({
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

describe.each([
  ['memory', () => createMemoryStore()],
  ['sqlite', () => createSqliteStore({ path: tempDb() })],
])('%s store', (_name, make: () => SessionStore) => {
  it('stores, finds the open session and applies status monotonically', async () => {
    const store = make()
    await store.insert(session('a'))
    await store.insert(session('b', { createdAt: '2026-01-02T00:00:00.000Z' }))
    expect((await store.findOpen('u1', 'facesign'))?.id).toBe('b')
    expect((await store.findByProviderId('facesign', 'vs_a'))?.id).toBe('a')
    expect(await store.applyStatus('b', 'processing', 't1')).toMatchObject({
      changed: true,
      session: { status: 'processing', updatedAt: 't1' },
    })
    expect(await store.applyStatus('b', 'in_progress', 't2')).toMatchObject({ changed: false, session: { status: 'processing' } })
    expect(await store.applyStatus('b', 'verified', 't3')).toMatchObject({ changed: true })
    expect(await store.applyStatus('b', 'failed', 't4')).toMatchObject({ changed: false, session: { status: 'verified', updatedAt: 't3' } })
    expect((await store.findOpen('u1', 'facesign'))?.id).toBe('a')
    expect(await store.applyStatus('missing', 'verified', 't')).toBeUndefined()
    await store.patch('a', { clientSecret: 'new', url: 'https://verify.facesign.ai/?client_secret=new' })
    expect(await store.get('a')).toMatchObject({ clientSecret: 'new', url: 'https://verify.facesign.ai/?client_secret=new' })
    await expect(store.insert(session('a'))).rejects.toThrow()
    await store.close()
  })

  it('records each webhook event once', async () => {
    const store = make()
    const event = { provider: 'facesign' as const, eventId: 'evt_1', type: 'session.verified', receivedAt: 'now' }
    expect(await store.recordEvent(event)).toBe(true)
    expect(await store.recordEvent(event)).toBe(false)
    expect(await store.hasEvent('facesign', 'evt_1')).toBe(true)
    expect(await store.hasEvent('faceverify', 'evt_1')).toBe(false)
    await store.close()
  })
})

describe('sqlite store on disk', () => {
  it('uses WAL and keeps sessions and events across a restart', async () => {
    const path = tempDb()
    const first = createSqliteStore({ path })
    await first.insert(session('persist'))
    await first.applyStatus('persist', 'verified', 't')
    await first.recordEvent({ provider: 'facesign', eventId: 'evt_p', type: 'session.verified', receivedAt: 't' })
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
    await first.close()
    await first.close()

    const second = createSqliteStore({ path })
    expect(await second.get('persist')).toMatchObject({ status: 'verified', clientSecret: 'vs_persist_secret_x', livemode: false })
    expect(await second.recordEvent({ provider: 'facesign', eventId: 'evt_p', type: 'x', receivedAt: 't' })).toBe(false)
    await second.close()
  })

  it('a backend restart keeps the user session: the same open session comes back', async () => {
    const path = tempDb()
    const a = await startStack({ store: createSqliteStore({ path }) })
    const created = await (await a.create('restart')).json()
    await a.close()
    const b = await startStack({ store: createSqliteStore({ path }) })
    try {
      const again = await b.create('restart')
      expect(again.status).toBe(200)
      expect((await again.json()).sessionId).toBe(created.sessionId)
    } finally {
      await b.close()
    }
  })
})
