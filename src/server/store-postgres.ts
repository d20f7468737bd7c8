import { isSessionStatus, isTerminal } from '../core/status'
import type { Provider, SessionStatus } from '../core/types'
import { type StoreClockOptions, statusChange } from './status-change'
import { loadPg, type PostgresClientLike, type PostgresPoolLike } from './store-postgres-driver'
import { migrate, OPEN_STATUSES, quoteSchema } from './store-postgres-schema'
import { watchNotifications } from './store-postgres-watch'
import type { ApplyStatusResult, OutboxEntry, SessionStore, StatusChange, StoredSession } from './types'

export type { PostgresPoolLike } from './store-postgres-driver'

export interface PostgresStoreOptions extends StoreClockOptions {
  /** `postgres://user:password@host:5432/db`; the store makes (and on close ends) its own pool. */
  connectionString?: string
  /** Your own `pg.Pool` instead (left open on close). */
  pool?: PostgresPoolLike
  /** Schema for the store's tables, created when missing; default `verify_widget`. */
  schema?: string
  /** Connections in the store's own pool, default 10. */
  max?: number
}

type Row = Record<string, unknown>

function fromRow(row: Row | undefined): StoredSession | undefined {
  if (!row) return undefined
  const status = String(row.status)
  const session: StoredSession = {
    id: String(row.id),
    userId: String(row.user_id),
    provider: row.provider as Provider,
    providerSessionId: String(row.provider_session_id),
    // A row written by a newer version with a status we do not know is treated as still open.
    status: isSessionStatus(status) ? status : 'processing',
    url: String(row.url),
    livemode: row.livemode === true,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  }
  if (row.client_secret != null) session.clientSecret = String(row.client_secret)
  if (row.expires_at != null) session.expiresAt = String(row.expires_at)
  return session
}

const SESSION_COLUMNS =
  'id, user_id, provider, provider_session_id, status, client_secret, url, expires_at, livemode, created_at, updated_at'

/**
 * A SessionStore on PostgreSQL, for several backend instances on one database: every rule that
 * must hold across them is SQL (constraints, row locks, `FOR UPDATE SKIP LOCKED`, advisory locks),
 * and status changes are announced with NOTIFY in the transaction that makes them, so `watch`
 * hears changes made by any instance. Nothing connects until the first call; the tables are
 * created (migrated) then.
 */
export function createPostgresStore(options: PostgresStoreOptions): SessionStore {
  if (!options.pool && !options.connectionString) throw new Error('createPostgresStore needs a connectionString or a pool.')
  const schema = options.schema ?? 'verify_widget'
  const S = quoteSchema(schema)
  const channel = `${schema}_status`.slice(0, 63)
  const now = options.now ?? Date.now
  const ownsPool = !options.pool
  let opening: Promise<PostgresPoolLike> | undefined
  let closed = false
  let stopWatching: (() => Promise<void>) | undefined
  const listeners = new Set<(sessionId: string | undefined) => void>()

  function open(): Promise<PostgresPoolLike> {
    if (closed) return Promise.reject(new Error('This PostgreSQL store is closed.'))
    opening ??= (async () => {
      const pool = options.pool ?? new (await loadPg()).Pool({ connectionString: options.connectionString, max: options.max ?? 10 })
      // An idle connection the server drops must not take the process down; the next query reconnects.
      pool.on('error', () => {})
      try {
        const client = await pool.connect()
        try {
          await migrate(client, schema)
        } finally {
          client.release()
        }
      } catch (error) {
        // The next call starts over; a pool of our own is not left behind holding connections.
        if (ownsPool) await pool.end().catch(() => {})
        throw error
      }
      return pool
    })().catch((error: unknown) => {
      opening = undefined
      throw error
    })
    return opening
  }

  async function query(text: string, values?: unknown[]): Promise<Row[]> {
    return (await (await open()).query(text, values)).rows
  }

  async function transaction<T>(run: (client: PostgresClientLike) => Promise<T>): Promise<T> {
    const client = await (await open()).connect()
    try {
      await client.query('BEGIN')
      const result = await run(client)
      await client.query('COMMIT')
      client.release()
      return result
    } catch (error) {
      // A connection that cannot even roll back is broken: destroyed, not returned to the pool.
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      )
      client.release(!rolledBack)
      throw error
    }
  }

  // The monotonic rule is the UPDATE's WHERE: a terminal status stays, nothing moves back. The row
  // lock (`cur`, taken first) gives the previous status for the outbox row and makes appliers take
  // turns. One round trip answers the row as it was and, when it changed, as it is now.
  async function applyStatusIn(
    client: PostgresClientLike,
    id: string,
    status: SessionStatus,
    at: string,
  ): Promise<ApplyStatusResult | undefined> {
    const { rows } = await client.query(
      `WITH cur AS (SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE id = $1 FOR UPDATE),
       upd AS (
         UPDATE ${S}.sessions s SET status = $2, updated_at = $3 FROM cur
          WHERE s.id = cur.id AND ${S}.status_rank(cur.status) < 3 AND ${S}.status_rank($2) > ${S}.status_rank(cur.status)
          RETURNING ${SESSION_COLUMNS.split(', ')
            .map((c) => `s.${c}`)
            .join(', ')}
       )
       SELECT 'after' AS version, * FROM upd UNION ALL SELECT 'before' AS version, * FROM cur`,
      [id, status, at],
    )
    const before = fromRow(rows.find((r) => r.version === 'before'))
    if (!before) return undefined
    const after = fromRow(rows.find((r) => r.version === 'after'))
    if (!after) return { session: before, changed: false }
    const change: StatusChange = statusChange(after, before.status)
    // The outbox row and the NOTIFY (delivered to listeners only if and when this commits) together.
    await client.query(
      `WITH queued AS (INSERT INTO ${S}.outbox (id, session_id, change, created_at) VALUES ($1, $2, $3, $4))
       SELECT pg_notify($5, $2)`,
      [change.eventId, id, JSON.stringify(change), new Date(now()).toISOString(), channel],
    )
    return { session: after, changed: true, change }
  }

  const store: SessionStore = {
    async insertOpen(session) {
      const insert = `INSERT INTO ${S}.sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`
      const values = [
        session.id,
        session.userId,
        session.provider,
        session.providerSessionId,
        session.status,
        session.clientSecret ?? null,
        session.url,
        session.expiresAt ?? null,
        session.livemode,
        session.createdAt,
        session.updatedAt,
      ]
      if (isTerminal(session.status)) {
        await query(insert, values)
        return { session: { ...session }, created: true }
      }
      // The unique partial index decides between racing instances; the loser reads the winner's
      // row. That row can end between the two statements, hence the retry.
      for (let attempt = 0; attempt < 5; attempt++) {
        const inserted = await query(
          `${insert} ON CONFLICT (user_id, provider) WHERE status IN (${OPEN_STATUSES}) DO NOTHING RETURNING id`,
          values,
        )
        if (inserted.length === 1) return { session: { ...session }, created: true }
        const open = await store.findOpen(session.userId, session.provider)
        if (open) return { session: open, created: false }
      }
      throw new Error(`Could not insert session ${session.id}: the user's open session kept changing.`)
    },
    async get(id) {
      return fromRow((await query(`SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE id = $1`, [id]))[0])
    },
    async findOpen(userId, provider) {
      const rows = await query(
        `SELECT ${SESSION_COLUMNS} FROM ${S}.sessions
          WHERE user_id = $1 AND provider = $2 AND ${S}.status_rank(status) < 3 ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [userId, provider],
      )
      return fromRow(rows[0])
    },
    async findByProviderId(provider, providerSessionId) {
      const rows = await query(
        `SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE provider = $1 AND provider_session_id = $2
          ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [provider, providerSessionId],
      )
      return fromRow(rows[0])
    },
    async latest(userId, provider) {
      const rows = await query(
        `SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE user_id = $1 AND ($2::text IS NULL OR provider = $2)
          ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [userId, provider ?? null],
      )
      return fromRow(rows[0])
    },
    async patch(id, patch) {
      const rows = await query(
        `UPDATE ${S}.sessions SET client_secret = coalesce($2, client_secret), url = coalesce($3, url),
          expires_at = coalesce($4, expires_at) WHERE id = $1 RETURNING ${SESSION_COLUMNS}`,
        [id, patch.clientSecret ?? null, patch.url ?? null, patch.expiresAt ?? null],
      )
      return fromRow(rows[0])
    },
    async applyStatus(id, status, at) {
      return transaction((client) => applyStatusIn(client, id, status, at))
    },
    async applyEvent(event, status) {
      return transaction(async (client) => {
        // The primary key is the dedupe: a second delivery waits here for the first one's
        // transaction and then finds the row; if the first rolled back, the second records it.
        const recorded = await client.query(
          `INSERT INTO ${S}.webhook_events (provider, event_id, type, session_id, received_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT DO NOTHING`,
          [event.provider, event.eventId, event.type, event.sessionId ?? null, event.receivedAt],
        )
        if (recorded.rowCount !== 1) return { duplicate: true }
        const result = status && event.sessionId ? await applyStatusIn(client, event.sessionId, status, event.receivedAt) : undefined
        return result ? { duplicate: false, result } : { duplicate: false }
      })
    },
    async claimOutbox(limit, leaseMs) {
      const t = now()
      // Per session only its oldest pending entry is a candidate; SKIP LOCKED lets instances that
      // claim at the same moment take different entries instead of waiting on each other.
      const rows = await query(
        `WITH heads AS (
           SELECT DISTINCT ON (session_id) seq FROM ${S}.outbox WHERE state = 'pending' ORDER BY session_id, seq
         ), picked AS (
           SELECT o.seq FROM ${S}.outbox o JOIN heads h ON h.seq = o.seq
            WHERE o.state = 'pending' AND o.due_at <= $1 AND o.lease_until <= $1
            ORDER BY o.seq LIMIT $2 FOR UPDATE OF o SKIP LOCKED
         )
         UPDATE ${S}.outbox o SET attempts = o.attempts + 1, lease_until = $1 + $3 FROM picked WHERE o.seq = picked.seq
         RETURNING o.seq, o.id, o.session_id, o.change, o.attempts - 1 AS attempts`,
        [t, Math.max(0, Math.floor(limit)), Math.max(0, Math.floor(leaseMs))],
      )
      return rows
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map(
          (row): OutboxEntry => ({
            id: String(row.id),
            sessionId: String(row.session_id),
            change: row.change as StatusChange,
            attempts: Number(row.attempts),
          }),
        )
    },
    async completeOutbox(id) {
      await query(`UPDATE ${S}.outbox SET state = 'delivered', lease_until = 0, settled_at = $2 WHERE id = $1 AND state = 'pending'`, [
        id,
        new Date(now()).toISOString(),
      ])
    },
    async failOutbox(id, error, retryAt) {
      // An unreadable time retries now rather than never.
      const due = retryAt === null ? null : Date.parse(retryAt) || now()
      await query(
        `UPDATE ${S}.outbox SET last_error = $2, lease_until = 0,
          state = CASE WHEN $3::bigint IS NULL THEN 'dead' ELSE state END,
          due_at = coalesce($3::bigint, due_at),
          settled_at = CASE WHEN $3::bigint IS NULL THEN $4 ELSE settled_at END
          WHERE id = $1 AND state = 'pending'`,
        [id, error, due, new Date(now()).toISOString()],
      )
    },
    async hit(key, limit, windowMs) {
      const rows = await query(`SELECT ${S}.hit($1, $2, $3, $4) AS retry`, [key, Math.floor(limit), Math.floor(windowMs), now()])
      const retryAfterMs = Number(rows[0]?.retry ?? 0)
      return { allowed: retryAfterMs === 0, retryAfterMs }
    },
    async lease(key, ttlMs) {
      const t = now()
      // Taken when absent or run out; a live lease is left alone, and of two racing takers the
      // second sees the first's row (ON CONFLICT re-checks the committed row) and gets nothing.
      const rows = await query(
        `INSERT INTO ${S}.leases (key, until) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET until = EXCLUDED.until
          WHERE ${S}.leases.until <= $3 RETURNING key`,
        [key, t + Math.max(0, Math.floor(ttlMs)), t],
      )
      return rows.length === 1
    },
    watch(listener) {
      listeners.add(listener)
      if (!stopWatching && !closed) {
        stopWatching = watchNotifications(open, channel, (sessionId) => {
          for (const l of [...listeners]) l(sessionId)
        })
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && stopWatching) {
          void stopWatching()
          stopWatching = undefined
        }
      }
    },
    async close() {
      if (closed) return
      closed = true
      listeners.clear()
      await stopWatching?.()
      stopWatching = undefined
      const pool = await opening?.catch(() => undefined)
      if (pool && ownsPool) await pool.end()
    },
  }
  return store
}
