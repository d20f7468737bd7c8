import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { isSessionStatus, isTerminal, mergeStatus } from '../core/status'
import type { Provider, SessionStatus } from '../core/types'
import { type StoreClockOptions, statusChange } from './status-change'
import { migrate, OPEN_STATUSES } from './store-sqlite-schema'
import type { ApplyStatusResult, OutboxEntry, SessionStore, StatusChange, StoredSession, WebhookEventRecord } from './types'

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

interface OutboxRow {
  seq: number
  id: string
  session_id: string
  change: string
  attempts: number
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

export interface SqliteStoreOptions extends StoreClockOptions {
  /** Database file, default `.data/verify.sqlite`; `:memory:` works too. */
  path?: string
}

/**
 * The default SessionStore: one SQLite file in WAL mode, so sessions, events and the outbox survive
 * a restart. Every write runs in an IMMEDIATE transaction, so processes sharing the file (two
 * backends on one machine) take the write lock before reading and never interleave a read-then-write.
 */
export function createSqliteStore(options: SqliteStoreOptions = {}): SessionStore {
  const path = options.path ?? '.data/verify.sqlite'
  const now = options.now ?? Date.now
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  migrate(db)

  const q = {
    insert: db.prepare(
      `INSERT INTO sessions (id, user_id, provider, provider_session_id, status, client_secret, url, expires_at, livemode, created_at, updated_at)
       VALUES (@id, @userId, @provider, @providerSessionId, @status, @clientSecret, @url, @expiresAt, @livemode, @createdAt, @updatedAt)`,
    ),
    get: db.prepare<[string], Row>('SELECT * FROM sessions WHERE id = ?'),
    findOpen: db.prepare<[string, string], Row>(
      `SELECT * FROM sessions WHERE user_id = ? AND provider = ? AND status IN (${OPEN_STATUSES})
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    latest: db.prepare<[string], Row>('SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
    latestFor: db.prepare<[string, string], Row>(
      'SELECT * FROM sessions WHERE user_id = ? AND provider = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    ),
    byProviderId: db.prepare<[string, string], Row>(
      'SELECT * FROM sessions WHERE provider = ? AND provider_session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    ),
    patch: db.prepare(
      `UPDATE sessions SET client_secret = COALESCE(@clientSecret, client_secret), url = COALESCE(@url, url),
       expires_at = COALESCE(@expiresAt, expires_at) WHERE id = @id`,
    ),
    setStatus: db.prepare('UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?'),
    recordEvent: db.prepare(
      `INSERT OR IGNORE INTO webhook_events (provider, event_id, type, session_id, received_at)
       VALUES (@provider, @eventId, @type, @sessionId, @receivedAt)`,
    ),
    addOutbox: db.prepare('INSERT INTO outbox (id, session_id, change, created_at) VALUES (?, ?, ?, ?)'),
    // Per session only its oldest pending entry is a candidate, so deliveries keep their order.
    dueOutbox: db.prepare<{ now: number; limit: number }, OutboxRow>(
      `SELECT seq, id, session_id, change, attempts FROM outbox o
       WHERE state = 'pending' AND due_at <= @now AND lease_until <= @now
         AND seq = (SELECT MIN(seq) FROM outbox p WHERE p.session_id = o.session_id AND p.state = 'pending')
       ORDER BY seq LIMIT @limit`,
    ),
    leaseOutbox: db.prepare('UPDATE outbox SET attempts = attempts + 1, lease_until = ? WHERE seq = ?'),
    completeOutbox: db.prepare(`UPDATE outbox SET state = 'delivered', lease_until = 0, settled_at = ? WHERE id = ? AND state = 'pending'`),
    retryOutbox: db.prepare(`UPDATE outbox SET last_error = ?, lease_until = 0, due_at = ? WHERE id = ? AND state = 'pending'`),
    deadOutbox: db.prepare(
      `UPDATE outbox SET state = 'dead', last_error = ?, lease_until = 0, settled_at = ? WHERE id = ? AND state = 'pending'`,
    ),
    forgetHits: db.prepare('DELETE FROM hits WHERE key = ? AND at <= ?'),
    countHits: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM hits WHERE key = ?'),
    nthHit: db.prepare<[string, number], { at: number }>('SELECT at FROM hits WHERE key = ? ORDER BY at LIMIT 1 OFFSET ?'),
    addHit: db.prepare('INSERT INTO hits (key, at, expires_at) VALUES (?, ?, ?)'),
    sweepHits: db.prepare('DELETE FROM hits WHERE expires_at <= ?'),
    takeLease: db.prepare(
      `INSERT INTO leases (key, until) VALUES (@key, @until)
       ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE leases.until <= @now`,
    ),
    sweepLeases: db.prepare('DELETE FROM leases WHERE until <= ?'),
  }

  const insertOpen = db.transaction((s: StoredSession) => {
    const open = isTerminal(s.status) ? undefined : fromRow(q.findOpen.get(s.userId, s.provider))
    if (open) return { session: open, created: false }
    q.insert.run({ ...s, clientSecret: s.clientSecret ?? null, expiresAt: s.expiresAt ?? null, livemode: s.livemode ? 1 : 0 })
    return { session: { ...s }, created: true }
  })

  // Read, merge, write and queue the change in one transaction: concurrent webhooks and provider
  // reads never move a session backwards, and a transition is never without its outbox row.
  const applyStatus = db.transaction((id: string, status: SessionStatus, at: string): ApplyStatusResult | undefined => {
    const current = fromRow(q.get.get(id))
    if (!current) return undefined
    const next = mergeStatus(current.status, status)
    if (next === current.status) return { session: current, changed: false }
    q.setStatus.run(next, at, id)
    const session = { ...current, status: next, updatedAt: at }
    const change: StatusChange = statusChange(session, current.status)
    q.addOutbox.run(change.eventId, id, JSON.stringify(change), at)
    return { session, changed: true, change }
  })

  // A failed apply throws out of the transaction, which rolls the event row back with it.
  const applyEvent = db.transaction((event: WebhookEventRecord, status: SessionStatus | undefined) => {
    const fresh = q.recordEvent.run({ ...event, sessionId: event.sessionId ?? null }).changes === 1
    if (!fresh) return { duplicate: true }
    const result = status && event.sessionId ? applyStatus(event.sessionId, status, event.receivedAt) : undefined
    return result ? { duplicate: false, result } : { duplicate: false }
  })

  const claimOutbox = db.transaction((limit: number, leaseMs: number): OutboxEntry[] => {
    const t = now()
    return q.dueOutbox.all({ now: t, limit }).map((row) => {
      q.leaseOutbox.run(t + leaseMs, row.seq)
      return { id: row.id, sessionId: row.session_id, change: JSON.parse(row.change) as StatusChange, attempts: row.attempts }
    })
  })

  let sweepCountdown = 0
  const hit = db.transaction((key: string, limit: number, windowMs: number) => {
    const t = now()
    if (--sweepCountdown < 0) {
      sweepCountdown = 500
      q.sweepHits.run(t)
      q.sweepLeases.run(t)
    }
    if (limit < 1) return { allowed: false, retryAfterMs: Math.max(1, windowMs) }
    q.forgetHits.run(key, t - windowMs)
    const count = q.countHits.get(key)?.n ?? 0
    if (count >= limit) {
      // The oldest hits that must leave the window before one more fits.
      const oldest = q.nthHit.get(key, count - limit)?.at ?? t
      return { allowed: false, retryAfterMs: Math.max(1, oldest + windowMs - t) }
    }
    q.addHit.run(key, t, t + windowMs)
    return { allowed: true, retryAfterMs: 0 }
  })

  let closed = false
  return {
    async insertOpen(session) {
      return insertOpen.immediate(session)
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
    async latest(userId, provider) {
      return fromRow(provider === undefined ? q.latest.get(userId) : q.latestFor.get(userId, provider))
    },
    async patch(id, patch) {
      q.patch.run({ id, clientSecret: patch.clientSecret ?? null, url: patch.url ?? null, expiresAt: patch.expiresAt ?? null })
      return fromRow(q.get.get(id))
    },
    async applyStatus(id, status, at) {
      return applyStatus.immediate(id, status, at)
    },
    async applyEvent(event, status) {
      return applyEvent.immediate(event, status)
    },
    async claimOutbox(limit, leaseMs) {
      return claimOutbox.immediate(limit, leaseMs)
    },
    async completeOutbox(id) {
      q.completeOutbox.run(new Date(now()).toISOString(), id)
    },
    async failOutbox(id, error, retryAt) {
      if (retryAt === null) q.deadOutbox.run(error, new Date(now()).toISOString(), id)
      else q.retryOutbox.run(error, Date.parse(retryAt), id)
    },
    async hit(key, limit, windowMs) {
      return hit.immediate(key, limit, windowMs)
    },
    async lease(key, ttlMs) {
      const t = now()
      return q.takeLease.run({ key, until: t + ttlMs, now: t }).changes === 1
    },
    async close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}
