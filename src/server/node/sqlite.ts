import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import type Database from 'better-sqlite3'
import { isTerminal } from '../../core/status'
import { isModuleMissing, lazyStore, missingDriver } from '../stores/lazy'
import { OPEN_STATUSES, SESSION_COLUMNS, sessionFromRow, sessionValues } from '../stores/rows'
import type {
  HandoffClaim,
  HandoffRecord,
  OutboxEntry,
  SessionStore,
  StatusChange,
  StatusTransition,
  StoreClockOptions,
  StoredSession,
  WebhookEventRecord,
} from '../types'
import { migrate } from './sqlite-schema'

export interface SqliteStoreOptions extends StoreClockOptions {
  /** Database file, default `.data/verify.sqlite`; `:memory:` works too. */
  path?: string
}

type Row = Record<string, unknown>

interface OutboxRow {
  seq: number
  id: string
  session_id: string
  change: string
  attempts: number
}

/** better-sqlite3 is an optional peer dependency: loaded, and the file created, on first use. */
async function loadSqlite(): Promise<typeof Database> {
  try {
    const mod = (await import('better-sqlite3')) as unknown as { default?: typeof Database }
    return mod.default ?? (mod as unknown as typeof Database)
  } catch (error) {
    if (isModuleMissing(error, 'better-sqlite3')) throw missingDriver('better-sqlite3', 'createSqliteStore', error)
    throw error
  }
}

/**
 * The default SessionStore on Node: one SQLite file in WAL mode, so sessions, events and the outbox
 * survive a restart. Every write runs in an IMMEDIATE transaction, so processes sharing the file (two
 * backends on one machine) take the write lock before reading and never interleave a
 * read-then-write. The file and its folder are private to the user running the backend.
 */
export function createSqliteStore(options: SqliteStoreOptions = {}): SessionStore {
  return lazyStore(async () => openSqliteStore(options, await loadSqlite()), { watchable: false })
}

/** Creates the folder (0700) and the file (0600) private, and tightens a file an older version left readable. */
function preparePrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  if (existsSync(path)) chmodSync(path, 0o600)
  else closeSync(openSync(path, 'a', 0o600))
}

function openSqliteStore(options: SqliteStoreOptions, Sqlite: typeof Database): SessionStore {
  const path = options.path ?? '.data/verify.sqlite'
  const now = options.now ?? Date.now
  if (path !== ':memory:') preparePrivateFile(path)
  const db = new Sqlite(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  migrate(db)

  const q = {
    insert: db.prepare(
      `INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (${SESSION_COLUMNS.split(', ')
        .map(() => '?')
        .join(', ')})`,
    ),
    get: db.prepare<[string], Row>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`),
    findOpen: db.prepare<[string, string], Row>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE user_id = ? AND provider = ? AND status IN (${OPEN_STATUSES})
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    latest: db.prepare<[string], Row>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    latestFor: db.prepare<[string, string], Row>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE user_id = ? AND provider = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    byProviderId: db.prepare<[string, string], Row>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE provider = ? AND provider_session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    update: db.prepare(
      `UPDATE sessions SET provider_session_id = coalesce(@providerSessionId, provider_session_id), url = coalesce(@url, url),
       livemode = coalesce(@livemode, livemode),
       client_secret = CASE WHEN @setSecret THEN @clientSecret ELSE client_secret END,
       expires_at = CASE WHEN @setExpiry THEN @expiresAt ELSE expires_at END WHERE id = @id`,
    ),
    discard: db.prepare(`DELETE FROM sessions WHERE id = ? AND provider_session_id = '' AND created_at <= ?`),
    setStatus: db.prepare(
      `UPDATE sessions SET status = @to, updated_at = @at,
       client_secret = CASE WHEN @clear THEN NULL ELSE client_secret END, url = CASE WHEN @clear THEN '' ELSE url END
       WHERE id = @id AND status = @from`,
    ),
    exists: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM sessions WHERE id = ?'),
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
    outboxStats: db.prepare<[], { pending: number; dead: number }>(
      `SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'dead'), 0) AS dead FROM outbox`,
    ),
    deadLetters: db.prepare<
      [number],
      { id: string; session_id: string; change: string; attempts: number; last_error: string | null; settled_at: string }
    >(
      `SELECT id, session_id, change, attempts, last_error, settled_at FROM outbox WHERE state = 'dead' ORDER BY settled_at DESC, seq DESC LIMIT ?`,
    ),
    reviveDeadLetter: db.prepare(
      `UPDATE outbox SET state = 'pending', attempts = 0, due_at = 0, lease_until = 0, settled_at = NULL WHERE id = ? AND state = 'dead'`,
    ),
    countSlots: db.prepare<[string, number], { n: number }>('SELECT COUNT(*) AS n FROM slots WHERE key = ? AND until > ?'),
    nthSlot: db.prepare<[string, number, number], { until: number }>(
      'SELECT until FROM slots WHERE key = ? AND until > ? ORDER BY until LIMIT 1 OFFSET ?',
    ),
    addSlot: db.prepare(
      'INSERT INTO slots (key, holder, until) VALUES (?, ?, ?) ON CONFLICT (key, holder) DO UPDATE SET until = excluded.until',
    ),
    releaseSlots: db.prepare('DELETE FROM slots WHERE holder = ?'),
    renewSlots: db.prepare('UPDATE slots SET until = ? WHERE holder = ? AND until > ?'),
    sweepSlots: db.prepare('DELETE FROM slots WHERE until <= ?'),
    takeLease: db.prepare(
      `INSERT INTO leases (key, until) VALUES (@key, @until)
       ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE leases.until <= @now`,
    ),
    sweepLeases: db.prepare('DELETE FROM leases WHERE until <= ?'),
    pruneSessions: db.prepare(
      `DELETE FROM sessions WHERE rowid IN (
         SELECT s.rowid FROM sessions s WHERE s.status NOT IN (${OPEN_STATUSES}) AND s.updated_at < ?
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = s.id AND o.state = 'pending') LIMIT ?)`,
    ),
    staleOpen: db.prepare<[string, number], Row>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE status IN (${OPEN_STATUSES}) AND created_at < ? ORDER BY created_at, rowid LIMIT ?`,
    ),
    dropHandoffs: db.prepare('DELETE FROM handoffs WHERE session_id = ?'),
    addHandoff: db.prepare(
      'INSERT INTO handoffs (token_hash, session_id, created_at, expires_at, device_until) VALUES (@tokenHash, @sessionId, @createdAt, @expiresAt, @deviceUntil)',
    ),
    setHandoff: db.prepare('UPDATE sessions SET handoff = ? WHERE id = ?'),
    openSession: db.prepare<[string], { status: string }>('SELECT status FROM sessions WHERE id = ?'),
    getHandoff: db.prepare<[string], { session_id: string; expires_at: string; device_hash: string | null }>(
      'SELECT session_id, expires_at, device_hash FROM handoffs WHERE token_hash = ?',
    ),
    claim: db.prepare(
      'UPDATE handoffs SET device_hash = ?, claimed_at = ? WHERE token_hash = ? AND device_hash IS NULL AND expires_at > ?',
    ),
    deviceSession: db.prepare<[string, string], { session_id: string }>(
      'SELECT session_id FROM handoffs WHERE device_hash = ? AND device_until > ?',
    ),
    pruneHandoffs: db.prepare(
      'DELETE FROM handoffs WHERE rowid IN (SELECT rowid FROM handoffs WHERE expires_at < ? AND device_until < ? LIMIT ?)',
    ),
    pruneEvents: db.prepare('DELETE FROM webhook_events WHERE rowid IN (SELECT rowid FROM webhook_events WHERE received_at < ? LIMIT ?)'),
    pruneOutbox: db.prepare('DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE state = ? AND settled_at < ? LIMIT ?)'),
  }
  const fromRow = (row: Row | undefined) => sessionFromRow(row)

  const insertOpen = db.transaction((s: StoredSession) => {
    const open = isTerminal(s.status) ? undefined : fromRow(q.findOpen.get(s.userId, s.provider))
    if (open) return { session: open, created: false }
    q.insert.run(...sessionValues(s, (b) => (b ? 1 : 0)))
    return { session: { ...s }, created: true }
  })

  // The compare-and-set, its outbox row and (for a finished session) the wiped secret, together.
  const transitionIn = (t: StatusTransition): 'applied' | 'conflict' | 'missing' => {
    const changed = q.setStatus.run({ id: t.sessionId, from: t.from, to: t.to, at: t.at, clear: t.clearSecrets ? 1 : 0 }).changes === 1
    if (!changed) return (q.exists.get(t.sessionId)?.n ?? 0) > 0 ? 'conflict' : 'missing'
    q.addOutbox.run(t.outbox.id, t.sessionId, JSON.stringify(t.outbox.change), new Date(now()).toISOString())
    return 'applied'
  }
  const transition = db.transaction(transitionIn)

  // A conflicting transition throws out of the transaction, which rolls the event row back with it.
  const recordEvent = db.transaction((event: WebhookEventRecord, t: StatusTransition | undefined) => {
    const fresh = q.recordEvent.run({ ...event, sessionId: event.sessionId ?? null }).changes === 1
    if (!fresh) return 'duplicate' as const
    if (t && transitionIn(t) === 'conflict') throw CONFLICT
    return 'recorded' as const
  })

  const reviveDeadLetters = db.transaction((ids: string[]): number => ids.reduce((n, id) => n + q.reviveDeadLetter.run(id).changes, 0))
  const claimOutbox = db.transaction((limit: number, leaseMs: number): OutboxEntry[] => {
    const t = now()
    return q.dueOutbox.all({ now: t, limit }).map((row) => {
      q.leaseOutbox.run(t + leaseMs, row.seq)
      return { id: row.id, sessionId: row.session_id, change: JSON.parse(row.change) as StatusChange, attempts: row.attempts }
    })
  })

  let sweepCountdown = 0
  const acquire = db.transaction((claims: readonly { key: string; limit: number; ttlMs: number }[], holder: string) => {
    const t = now()
    if (--sweepCountdown < 0) {
      sweepCountdown = 500
      q.sweepSlots.run(t)
      q.sweepLeases.run(t)
    }
    let wait = 0
    for (const claim of claims) {
      if (claim.limit < 1) {
        wait = Math.max(wait, claim.ttlMs)
        continue
      }
      const n = q.countSlots.get(claim.key, t)?.n ?? 0
      // Room comes back when enough holders lapse: the (n - limit + 1)-th earliest expiry.
      if (n >= claim.limit) wait = Math.max(wait, (q.nthSlot.get(claim.key, t, n - claim.limit)?.until ?? t) - t)
    }
    if (wait > 0) return { allowed: false, retryAfterMs: Math.max(1, wait) }
    for (const claim of claims) q.addSlot.run(claim.key, holder, t + claim.ttlMs)
    return { allowed: true, retryAfterMs: 0 }
  })

  const createHandoff = db.transaction((h: HandoffRecord): boolean => {
    const row = q.openSession.get(h.sessionId)
    if (!row || isTerminal(row.status as StoredSession['status'])) return false
    q.dropHandoffs.run(h.sessionId)
    q.addHandoff.run(h)
    q.setHandoff.run('waiting', h.sessionId)
    return true
  })

  const claimHandoff = db.transaction((tokenHash: string, deviceHash: string, at: string): HandoffClaim => {
    const handoff = q.getHandoff.get(tokenHash)
    if (!handoff) return { result: 'missing' }
    const sessionId = handoff.session_id
    if (handoff.device_hash !== null) return { result: 'taken', sessionId }
    if (q.claim.run(deviceHash, at, tokenHash, at).changes !== 1) return { result: 'expired', sessionId }
    q.setHandoff.run('opened', sessionId)
    return { result: 'claimed', sessionId }
  })

  const prune = db.transaction((before: { sessions: string; events: string; delivered: string; dead: string }, limit: number) => ({
    handoffs: q.pruneHandoffs.run(before.events, before.events, limit).changes,
    sessions: q.pruneSessions.run(before.sessions, limit).changes,
    events: q.pruneEvents.run(before.events, limit).changes,
    delivered: q.pruneOutbox.run('delivered', before.delivered, limit).changes,
    dead: q.pruneOutbox.run('dead', before.dead, limit).changes,
  }))

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
    async update(id, patch) {
      q.update.run({
        id,
        providerSessionId: patch.providerSessionId ?? null,
        url: patch.url ?? null,
        livemode: patch.livemode === undefined ? null : patch.livemode ? 1 : 0,
        setSecret: patch.clientSecret === undefined ? 0 : 1,
        clientSecret: patch.clientSecret ?? null,
        setExpiry: patch.expiresAt === undefined ? 0 : 1,
        expiresAt: patch.expiresAt ?? null,
      })
      return fromRow(q.get.get(id))
    },
    async discardUnstarted(id, createdBefore) {
      return q.discard.run(id, createdBefore).changes === 1
    },
    async transition(t) {
      return transition.immediate(t)
    },
    async recordEvent(event, t) {
      try {
        return recordEvent.immediate(event, t)
      } catch (error) {
        if (error === CONFLICT) return 'conflict'
        throw error
      }
    },
    async claimOutbox(limit, leaseMs) {
      return claimOutbox.immediate(limit, leaseMs)
    },
    async completeOutbox(id) {
      q.completeOutbox.run(new Date(now()).toISOString(), id)
    },
    async failOutbox(id, error, retryAt) {
      if (retryAt === null) q.deadOutbox.run(error, new Date(now()).toISOString(), id)
      else q.retryOutbox.run(error, Date.parse(retryAt) || now(), id)
    },
    async outboxStats() {
      const row = q.outboxStats.get()
      return { pending: Number(row?.pending ?? 0), dead: Number(row?.dead ?? 0) }
    },
    async deadLetters(limit) {
      return q.deadLetters.all(Math.max(0, Math.floor(limit))).map((row) => ({
        id: row.id,
        sessionId: row.session_id,
        change: JSON.parse(row.change) as StatusChange,
        attempts: row.attempts,
        lastError: row.last_error ?? '',
        deadAt: row.settled_at,
      }))
    },
    async reviveDeadLetters(ids) {
      return reviveDeadLetters.immediate([...new Set(ids)])
    },
    async acquire(claims, holder) {
      return acquire.immediate(claims, holder)
    },
    async release(holder) {
      q.releaseSlots.run(holder)
    },
    async renew(holder, ttlMs) {
      const t = now()
      return q.renewSlots.run(t + ttlMs, holder, t).changes > 0
    },
    async countSlots(key) {
      return q.countSlots.get(key, now())?.n ?? 0
    },
    async lease(key, ttlMs) {
      const t = now()
      return q.takeLease.run({ key, until: t + ttlMs, now: t }).changes === 1
    },
    async prune(before, limit) {
      const { handoffs: _handoffs, ...pruned } = prune.immediate(before, Math.max(1, Math.floor(limit)))
      return pruned
    },
    async createHandoff(handoff) {
      return createHandoff.immediate(handoff)
    },
    async claimHandoff(tokenHash, deviceHash, at) {
      return claimHandoff.immediate(tokenHash, deviceHash, at)
    },
    async deviceSession(deviceHash, at) {
      return q.deviceSession.get(deviceHash, at)?.session_id
    },
    async staleOpen(createdBefore, limit) {
      return q.staleOpen.all(createdBefore, Math.max(0, Math.floor(limit))).map((row) => fromRow(row)!)
    },
    async close() {
      if (closed) return
      closed = true
      db.close()
    },
  }
}

const CONFLICT = Symbol('conflict')
