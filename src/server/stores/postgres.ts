import type { HandoffClaim, OutboxEntry, SessionStore, StatusChange, StatusTransition, StoreClockOptions } from '../types'
import { lazyStore } from './lazy'
import { loadPg, type PostgresClientLike, type PostgresPoolLike } from './postgres-driver'
import { migrate, quoteSchema } from './postgres-schema'
import { watchNotifications } from './postgres-watch'
import { OPEN_STATUSES, SESSION_COLUMNS, sessionFromRow, sessionValues } from './rows'

export type { PostgresPoolLike } from './postgres-driver'

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

/** Databases (connection string and schema) this process has brought up to date already. */
const migrated = new Set<string>()

const PLACEHOLDERS = SESSION_COLUMNS.split(', ')
  .map((_, i) => `$${i + 1}`)
  .join(', ')

/**
 * A SessionStore on PostgreSQL, for several backend instances on one database: every rule that
 * must hold across them is SQL (constraints, row locks, `FOR UPDATE SKIP LOCKED`, advisory locks),
 * and status changes are announced with NOTIFY in the transaction that makes them, so `watch`
 * hears changes made by any instance. Nothing connects until the first call; the tables are
 * created (migrated) then. Runs wherever `pg` does (Node, Bun, Deno).
 */
export function createPostgresStore(options: PostgresStoreOptions): SessionStore {
  if (!options.pool && !options.connectionString) throw new TypeError('createPostgresStore needs a connectionString or a pool.')
  const schema = options.schema ?? 'verify_widget'
  quoteSchema(schema)
  return lazyStore(
    async () => {
      const ownsPool = !options.pool
      const pool = options.pool ?? new (await loadPg()).Pool({ connectionString: options.connectionString, max: options.max ?? 10 })
      // An idle connection the server drops must not take the process down; the next query reconnects.
      pool.on('error', () => {})
      try {
        // A store made per request (a Worker's) checks the schema once per isolate, not every time.
        const key = options.connectionString ? `${options.connectionString}\u0000${schema}` : undefined
        if (!key || !migrated.has(key)) {
          const client = await pool.connect()
          try {
            await migrate(client, schema)
          } finally {
            client.release()
          }
          if (key) migrated.add(key)
        }
      } catch (error) {
        // The next call starts over; a pool of our own is not left behind holding connections.
        if (ownsPool) await pool.end().catch(() => {})
        throw error
      }
      return openPostgresStore(pool, ownsPool, schema, options.now ?? Date.now)
    },
    { watchable: true },
  )
}

function openPostgresStore(pool: PostgresPoolLike, ownsPool: boolean, schema: string, now: () => number): SessionStore {
  const S = quoteSchema(schema)
  const channel = `${schema}_status`.slice(0, 63)
  let closed = false
  let stopWatching: (() => Promise<void>) | undefined
  const listeners = new Set<(sessionId: string | undefined) => void>()

  const query = async (text: string, values?: unknown[]): Promise<Row[]> => (await pool.query(text, values)).rows

  async function transaction<T>(run: (client: PostgresClientLike) => Promise<T>): Promise<T> {
    const client = await pool.connect()
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

  // The compare-and-set is the UPDATE's WHERE; the outbox row and the NOTIFY (delivered to
  // listeners only if and when this commits) go with it in one statement.
  async function transitionIn(client: PostgresClientLike, t: StatusTransition): Promise<'applied' | 'conflict' | 'missing'> {
    const { rows } = await client.query(
      `WITH upd AS (
         UPDATE ${S}.sessions SET status = $3, updated_at = $4,
           client_secret = CASE WHEN $5 THEN NULL ELSE client_secret END, url = CASE WHEN $5 THEN '' ELSE url END
          WHERE id = $1 AND status = $2 RETURNING id
       ), queued AS (
         INSERT INTO ${S}.outbox (id, session_id, change, created_at) SELECT $6, id, $7, $8 FROM upd
       )
       SELECT (SELECT count(*) FROM upd) AS applied, (SELECT count(*) FROM ${S}.sessions WHERE id = $1) AS present,
         (SELECT pg_notify($9, $1) FROM upd) AS notified`,
      [
        t.sessionId,
        t.from,
        t.to,
        t.at,
        t.clearSecrets,
        t.outbox.id,
        JSON.stringify(t.outbox.change),
        new Date(now()).toISOString(),
        channel,
      ],
    )
    if (Number(rows[0]?.applied) === 1) return 'applied'
    return Number(rows[0]?.present) === 1 ? 'conflict' : 'missing'
  }

  const store: SessionStore = {
    async insertOpen(session) {
      const values = sessionValues(session, (b) => b)
      const insert = `INSERT INTO ${S}.sessions (${SESSION_COLUMNS}) VALUES (${PLACEHOLDERS})`
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
      return sessionFromRow((await query(`SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE id = $1`, [id]))[0])
    },
    async findOpen(userId, provider) {
      const rows = await query(
        `SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE user_id = $1 AND provider = $2 AND status IN (${OPEN_STATUSES})
          ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [userId, provider],
      )
      return sessionFromRow(rows[0])
    },
    async findByProviderId(provider, providerSessionId) {
      const rows = await query(
        `SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE provider = $1 AND provider_session_id = $2
          ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [provider, providerSessionId],
      )
      return sessionFromRow(rows[0])
    },
    async latest(userId, provider) {
      const rows = await query(
        `SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE user_id = $1 AND ($2::text IS NULL OR provider = $2)
          ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [userId, provider ?? null],
      )
      return sessionFromRow(rows[0])
    },
    async update(id, patch) {
      const rows = await query(
        `UPDATE ${S}.sessions SET provider_session_id = coalesce($2, provider_session_id), url = coalesce($3, url),
          livemode = coalesce($4, livemode),
          client_secret = CASE WHEN $5 THEN $6 ELSE client_secret END, expires_at = CASE WHEN $7 THEN $8 ELSE expires_at END
          WHERE id = $1 RETURNING ${SESSION_COLUMNS}`,
        [
          id,
          patch.providerSessionId ?? null,
          patch.url ?? null,
          patch.livemode ?? null,
          patch.clientSecret !== undefined,
          patch.clientSecret ?? null,
          patch.expiresAt !== undefined,
          patch.expiresAt ?? null,
        ],
      )
      return sessionFromRow(rows[0])
    },
    async discardUnstarted(id, createdBefore) {
      const rows = await query(`DELETE FROM ${S}.sessions WHERE id = $1 AND provider_session_id = '' AND created_at <= $2 RETURNING id`, [
        id,
        createdBefore,
      ])
      return rows.length === 1
    },
    async transition(t) {
      return transaction((client) => transitionIn(client, t))
    },
    async recordEvent(event, t) {
      return transaction(async (client) => {
        // The primary key is the dedupe: a second delivery waits here for the first one's
        // transaction and then finds the row; if the first rolled back, the second records it.
        const recorded = await client.query(
          `INSERT INTO ${S}.webhook_events (provider, event_id, type, session_id, received_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT DO NOTHING`,
          [event.provider, event.eventId, event.type, event.sessionId ?? null, event.receivedAt],
        )
        if (recorded.rowCount !== 1) return 'duplicate' as const
        // A conflict rolls the event row back with it: the caller reads again and records anew.
        if (t && (await transitionIn(client, t)) === 'conflict') throw CONFLICT
        return 'recorded' as const
      }).catch((error: unknown) => {
        if (error === CONFLICT) return 'conflict' as const
        throw error
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
    async outboxStats() {
      const rows = await query(
        `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'dead') AS dead FROM ${S}.outbox`,
      )
      return { pending: Number(rows[0]?.pending ?? 0), dead: Number(rows[0]?.dead ?? 0) }
    },
    async deadLetters(limit) {
      const rows = await query(
        `SELECT id, session_id, change, attempts, last_error, settled_at FROM ${S}.outbox
          WHERE state = 'dead' ORDER BY settled_at DESC, seq DESC LIMIT $1`,
        [Math.max(0, Math.floor(limit))],
      )
      return rows.map((row) => ({
        id: String(row.id),
        sessionId: String(row.session_id),
        change: row.change as StatusChange,
        attempts: Number(row.attempts),
        lastError: String(row.last_error ?? ''),
        deadAt: String(row.settled_at),
      }))
    },
    async reviveDeadLetters(ids) {
      if (ids.length === 0) return 0
      const rows = await query(
        `UPDATE ${S}.outbox SET state = 'pending', attempts = 0, due_at = 0, lease_until = 0, settled_at = NULL
          WHERE id = ANY($1::text[]) AND state = 'dead' RETURNING seq`,
        [[...new Set(ids)]],
      )
      return rows.length
    },
    async acquire(claims, holder) {
      const rows = await query(`SELECT ${S}.acquire($1::text[], $2::int[], $3::bigint[], $4, $5) AS wait`, [
        claims.map((c) => c.key),
        claims.map((c) => Math.floor(c.limit)),
        claims.map((c) => Math.max(1, Math.floor(c.ttlMs))),
        holder,
        now(),
      ])
      const retryAfterMs = Number(rows[0]?.wait ?? 0)
      return { allowed: retryAfterMs === 0, retryAfterMs }
    },
    async release(holder) {
      await query(`DELETE FROM ${S}.slots WHERE holder = $1`, [holder])
    },
    async renew(holder, ttlMs) {
      const t = now()
      const rows = await query(`UPDATE ${S}.slots SET until = $2 WHERE holder = $1 AND until > $3 RETURNING key`, [
        holder,
        t + Math.floor(ttlMs),
        t,
      ])
      return rows.length > 0
    },
    async countSlots(key) {
      const rows = await query(`SELECT count(*) AS n FROM ${S}.slots WHERE key = $1 AND until > $2`, [key, now()])
      return Number(rows[0]?.n ?? 0)
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
    async prune(before, limit) {
      const n = Math.max(1, Math.floor(limit))
      const count = async (text: string, values: unknown[]) => (await query(text, values)).length
      // A finished session goes once its outcome is delivered (or dead): never ahead of its outbox entries.
      const sessions = await count(
        `DELETE FROM ${S}.sessions WHERE id IN (
           SELECT s.id FROM ${S}.sessions s WHERE s.status NOT IN (${OPEN_STATUSES}) AND s.updated_at < $1
              AND NOT EXISTS (SELECT 1 FROM ${S}.outbox o WHERE o.session_id = s.id AND o.state = 'pending')
            LIMIT $2) RETURNING id`,
        [before.sessions, n],
      )
      await query(
        `DELETE FROM ${S}.handoffs WHERE token_hash IN (
           SELECT token_hash FROM ${S}.handoffs WHERE expires_at < $1 AND device_until < $1 LIMIT $2)`,
        [before.events, n],
      )
      const events = await count(
        `DELETE FROM ${S}.webhook_events WHERE (provider, event_id) IN (
           SELECT provider, event_id FROM ${S}.webhook_events WHERE received_at < $1 LIMIT $2) RETURNING event_id`,
        [before.events, n],
      )
      const settled = (state: string, at: string) =>
        count(
          `DELETE FROM ${S}.outbox WHERE seq IN (SELECT seq FROM ${S}.outbox WHERE state = $1 AND settled_at < $2 LIMIT $3) RETURNING seq`,
          [state, at, n],
        )
      return { sessions, events, delivered: await settled('delivered', before.delivered), dead: await settled('dead', before.dead) }
    },
    async staleOpen(createdBefore, limit) {
      const rows = await query(
        `SELECT ${SESSION_COLUMNS} FROM ${S}.sessions WHERE status IN (${OPEN_STATUSES}) AND created_at < $1
          ORDER BY created_at, seq LIMIT $2`,
        [createdBefore, Math.max(0, Math.floor(limit))],
      )
      return rows.map((row) => sessionFromRow(row)!)
    },
    async createHandoff(h) {
      return transaction(async (client) => {
        // The session row's lock: a link made while the session ends cannot outlive it.
        const { rows } = await client.query(
          `UPDATE ${S}.sessions SET handoff = 'waiting' WHERE id = $1 AND status IN (${OPEN_STATUSES}) RETURNING id`,
          [h.sessionId],
        )
        if (rows.length === 0) return false
        await client.query(`DELETE FROM ${S}.handoffs WHERE session_id = $1`, [h.sessionId])
        await client.query(
          `WITH added AS (INSERT INTO ${S}.handoffs (token_hash, session_id, created_at, expires_at, device_until) VALUES ($1, $2, $3, $4, $5))
           SELECT pg_notify($6, $2)`,
          [h.tokenHash, h.sessionId, h.createdAt, h.expiresAt, h.deviceUntil, channel],
        )
        return true
      })
    },
    async claimHandoff(tokenHash, deviceHash, at) {
      return transaction(async (client): Promise<HandoffClaim> => {
        // The row lock makes racing claims (on any instance) take turns: the first binds its device.
        const { rows } = await client.query(
          `SELECT session_id, expires_at, device_hash FROM ${S}.handoffs WHERE token_hash = $1 FOR UPDATE`,
          [tokenHash],
        )
        const handoff = rows[0]
        if (!handoff) return { result: 'missing' }
        const sessionId = String(handoff.session_id)
        if (handoff.device_hash != null) return { result: 'taken', sessionId }
        if (String(handoff.expires_at) <= at) return { result: 'expired', sessionId }
        await client.query(`UPDATE ${S}.handoffs SET device_hash = $2, claimed_at = $3 WHERE token_hash = $1`, [tokenHash, deviceHash, at])
        await client.query(`WITH opened AS (UPDATE ${S}.sessions SET handoff = 'opened' WHERE id = $1) SELECT pg_notify($2, $1)`, [
          sessionId,
          channel,
        ])
        return { result: 'claimed', sessionId }
      })
    },
    async deviceSession(deviceHash, at) {
      const rows = await query(`SELECT session_id FROM ${S}.handoffs WHERE device_hash = $1 AND device_until > $2`, [deviceHash, at])
      return rows[0] ? String(rows[0].session_id) : undefined
    },
    watch(listener) {
      listeners.add(listener)
      if (!stopWatching && !closed) {
        stopWatching = watchNotifications(
          async () => pool,
          channel,
          (sessionId) => {
            for (const l of [...listeners]) l(sessionId)
          },
        )
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
      if (ownsPool) await pool.end()
    },
  }
  return store
}

const CONFLICT = Symbol('conflict')
