import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../src/server/node'
import { SCHEMA_VERSION } from '../../src/server/node/sqlite-schema'
import { createVerificationHandler } from '../../src/server/node-index'
import { storedSession as session, transition } from './store-contract'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vw-store-'))
  dirs.push(dir)
  return join(dir, 'nested', 'verify.sqlite')
}

describe('sqlite store on disk', () => {
  it('uses WAL and keeps sessions, events and the outbox across a restart', async () => {
    const path = tempDb()
    const first = createSqliteStore({ path })
    await first.insertOpen(session('persist'))
    await first.recordEvent(
      { provider: 'facesign', eventId: 'evt_p', type: 'session.verified', sessionId: 'persist', receivedAt: 't' },
      transition(session('persist'), 'requires_input', 'verified'),
    )
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
    await first.close()
    await first.close()

    const second = createSqliteStore({ path })
    // Finished: kept, without its client secret and flow URL.
    expect(await second.get('persist')).toMatchObject({ status: 'verified', url: '', livemode: false })
    expect((await second.get('persist'))?.clientSecret).toBeUndefined()
    expect(await second.recordEvent({ provider: 'facesign', eventId: 'evt_p', type: 'x', receivedAt: 't' })).toBe('duplicate')
    // The undelivered transition is still in the outbox after the restart.
    expect(await second.claimOutbox(10, 1000)).toMatchObject([{ id: 'persist.verified', change: { status: 'verified', userId: 'u1' } }])
    await second.close()
  })

  it('a backend restart keeps the user session: the same open session comes back', async () => {
    const path = tempDb()
    // A provider that keeps its sessions across our restart (the sandbox of one stack would not).
    const sessions = new Set<string>()
    const backend = () =>
      createVerificationHandler({
        facesign: {
          apiKey: 'sk_test_restart',
          baseUrl: 'https://api.facesign.test/v1',
          fetch: async (url, init) => {
            if (init?.method === 'POST') {
              const id = `vs_restart_${sessions.size + 1}`
              sessions.add(id)
              return Response.json({ id, clientSecret: `${id}_secret_x`, status: 'requiresInput' }, { status: 201 })
            }
            const id = String(url).split('/').pop()!
            return sessions.has(id) ? Response.json({ id, status: 'requiresInput' }) : Response.json({ error: {} }, { status: 404 })
          },
        },
        identify: () => ({ id: 'restart' }),
        dataDir: dirname(path),
      })
    const create = (handler: ReturnType<typeof backend>) =>
      handler(
        new Request('http://app.test/api/verify/sessions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"provider":"facesign"}',
        }),
      )
    const a = backend()
    const created = await (await create(a)).json()
    await a.close()
    const b = backend()
    try {
      const again = await create(b)
      expect(again.status).toBe(200)
      expect((await again.json()).sessionId).toBe(created.sessionId)
    } finally {
      await b.close()
    }
  })
})

describe('sqlite schema versions', () => {
  // The file as the release before versioned migrations wrote it (user_version 0), with two open
  // sessions for one user, which that release could leave behind across two processes.
  const writeOldFile = (path: string) => {
    mkdirSync(dirname(path), { recursive: true })
    const db = new Database(path)
    db.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, provider TEXT NOT NULL, provider_session_id TEXT NOT NULL,
        status TEXT NOT NULL, client_secret TEXT, url TEXT NOT NULL, expires_at TEXT, livemode INTEGER NOT NULL, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL);
      CREATE INDEX sessions_user ON sessions (user_id, provider, created_at);
      CREATE INDEX sessions_provider_id ON sessions (provider, provider_session_id);
      CREATE TABLE webhook_events (provider TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, session_id TEXT,
        received_at TEXT NOT NULL, PRIMARY KEY (provider, event_id));`)
    const insert = db.prepare(
      `INSERT INTO sessions VALUES (?, 'u1', 'facesign', ?, ?, NULL, 'https://verify.facesign.ai/?client_secret=x', NULL, 0, ?, ?)`,
    )
    insert.run('older', 'vs_older', 'in_progress', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
    insert.run('newer', 'vs_newer', 'requires_input', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z')
    insert.run('done', 'vs_done', 'verified', '2025-12-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z')
    db.prepare(`INSERT INTO webhook_events VALUES ('facesign', 'evt_old', 'session.verified', 'done', 't')`).run()
    db.close()
  }

  it('upgrades a file from before versioning, keeping its sessions and events', async () => {
    const path = tempDb()
    writeOldFile(path)
    const store = createSqliteStore({ path })
    try {
      expect(await store.get('done')).toMatchObject({ status: 'verified' })
      expect((await store.findOpen('u1', 'facesign'))?.id).toBe('newer')
      // The older duplicate could never be handed out again; the one-open-session rule ends it.
      expect(await store.get('older')).toMatchObject({ status: 'expired' })
      expect(await store.recordEvent({ provider: 'facesign', eventId: 'evt_old', type: 'x', receivedAt: 't' })).toBe('duplicate')
      expect((await store.insertOpen(session('x'))).session.id).toBe('newer')
      expect(await store.acquire([{ key: 'k', limit: 1, ttlMs: 1000 }], 'h')).toMatchObject({ allowed: true })
    } finally {
      await store.close()
    }
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    raw.close()
    // Opening it again runs nothing twice.
    await createSqliteStore({ path }).close()
  })

  it('refuses a file from a newer version instead of guessing', async () => {
    const path = tempDb()
    writeOldFile(path)
    const db = new Database(path)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    // The store opens on first use, so that is where it refuses.
    await expect(createSqliteStore({ path }).get('x')).rejects.toThrow(/newer than this version/)
  })
})
