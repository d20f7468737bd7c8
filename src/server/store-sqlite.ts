import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { isSessionStatus, isTerminal, mergeStatus, SESSION_STATUSES } from '../core/status'
import type { Provider } from '../core/types'
import type { SessionStore, StoredSession } from './types'

// The open statuses, from the one status model (our own constants, so safe inside SQL text).
const OPEN_STATUSES = SESSION_STATUSES.filter((s) => !isTerminal(s))
  .map((s) => `'${s}'`)
  .join(', ')

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  provider_session_id TEXT NOT NULL,
  status TEXT NOT NULL,
  client_secret TEXT,
  url TEXT NOT NULL,
  expires_at TEXT,
  livemode INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id, provider, created_at);
CREATE INDEX IF NOT EXISTS sessions_provider_id ON sessions (provider, provider_session_id);
CREATE TABLE IF NOT EXISTS webhook_events (
  provider TEXT NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  session_id TEXT,
  received_at TEXT NOT NULL,
  PRIMARY KEY (provider, event_id)
);
`

interface Row {
  id: string
  user_id: string
  provider: Provider
  provider_session_id: string
  status: string
  client_secret: string | null
  url: string
  expires_at: string | null
  livemode: number
  created_at: string
  updated_at: string
}

function fromRow(row: Row | undefined): StoredSession | undefined {
  if (!row) return undefined
  const session: StoredSession = {
    id: row.id,
    userId: row.user_id,
    provider: row.provider,
    providerSessionId: row.provider_session_id,
    // A row written by a newer version with a status we do not know is treated as still open.
    status: isSessionStatus(row.status) ? row.status : 'processing',
    url: row.url,
    livemode: row.livemode === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
  if (row.client_secret !== null) session.clientSecret = row.client_secret
  if (row.expires_at !== null) session.expiresAt = row.expires_at
  return session
}

export interface SqliteStoreOptions {
  /** Database file, default `.data/verify.sqlite`; `:memory:` works too. */
  path?: string
}

/** The default SessionStore: one SQLite file in WAL mode, so sessions and events survive a restart. */
export function createSqliteStore(options: SqliteStoreOptions = {}): SessionStore {
  const path = options.path ?? '.data/verify.sqlite'
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)

  const q = {
    insert: db.prepare(
      `INSERT INTO sessions (id, user_id, provider, provider_session_id, status, client_secret, url, expires_at, livemode, created_at, updated_at)
       VALUES (@id, @userId, @provider, @providerSessionId, @status, @clientSecret, @url, @expiresAt, @livemode, @createdAt, @updatedAt)`,
    ),
    get: db.prepare<[string], Row>('SELECT * FROM sessions WHERE id = ?'),
    findOpen: db.prepare<[string, string], Row>(
      `SELECT * FROM sessions WHERE user_id = ? AND provider = ? AND status IN (${OPEN_STATUSES})
       ORDER BY created_at DESC LIMIT 1`,
    ),
    byProviderId: db.prepare<[string, string], Row>('SELECT * FROM sessions WHERE provider = ? AND provider_session_id = ? LIMIT 1'),
    patch: db.prepare(
      `UPDATE sessions SET client_secret = COALESCE(@clientSecret, client_secret), url = COALESCE(@url, url),
       expires_at = COALESCE(@expiresAt, expires_at) WHERE id = @id`,
    ),
    setStatus: db.prepare('UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?'),
    hasEvent: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM webhook_events WHERE provider = ? AND event_id = ?'),
    recordEvent: db.prepare(
      `INSERT OR IGNORE INTO webhook_events (provider, event_id, type, session_id, received_at)
       VALUES (@provider, @eventId, @type, @sessionId, @receivedAt)`,
    ),
  }

  // Read, merge and write in one transaction: concurrent webhooks and provider reads never move a
  // session backwards.
  const applyStatus = db.transaction((id: string, status: StoredSession['status'], at: string) => {
    const current = fromRow(q.get.get(id))
    if (!current) return undefined
    const next = mergeStatus(current.status, status)
    if (next === current.status) return { session: current, changed: false }
    q.setStatus.run(next, at, id)
    return { session: { ...current, status: next, updatedAt: at }, changed: true }
  })

  let closed = false
  return {
    async insert(s) {
      q.insert.run({ ...s, clientSecret: s.clientSecret ?? null, expiresAt: s.expiresAt ?? null, livemode: s.livemode ? 1 : 0 })
    },
    async get(id) {
      return fromRow(q.get.get(id))
    },
    async findOpen(userId, provider) {
      return fromRow(q.findOpen.get(userId, provider))
    },
    async findByProviderId(provider, providerSessionId) {
      return fromRow(q.byProviderId.get(provider, providerSessionId))
    },
    async patch(id, patch) {
      q.patch.run({ id, clientSecret: patch.clientSecret ?? null, url: patch.url ?? null, expiresAt: patch.expiresAt ?? null })
      return fromRow(q.get.get(id))
    },
    async applyStatus(id, status, at) {
      return applyStatus(id, status, at)
    },
    async hasEvent(provider, eventId) {
      return q.hasEvent.get(provider, eventId) !== undefined
    },
    async recordEvent(event) {
      return q.recordEvent.run({ ...event, sessionId: event.sessionId ?? null }).changes === 1
    },
    async close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}
