import { isSessionStatus, isTerminal, SESSION_STATUSES } from '../../core/status'
import type { StoredSession } from '../types'

/** The open statuses, from the one status model (our own constants, so safe inside SQL text). */
export const OPEN_STATUSES = SESSION_STATUSES.filter((s) => !isTerminal(s))
  .map((s) => `'${s}'`)
  .join(', ')

/** The sessions table's columns, the same in SQLite and PostgreSQL, in the order `sessionValues` gives them. */
export const SESSION_COLUMNS =
  'id, user_id, provider, provider_session_id, status, client_secret, url, expires_at, livemode, created_at, updated_at, handoff'

/** A row of either database as a session. */
export function sessionFromRow(row: Record<string, unknown> | undefined): StoredSession | undefined {
  if (!row) return undefined
  const status = String(row.status)
  const session: StoredSession = {
    id: String(row.id),
    userId: String(row.user_id),
    provider: String(row.provider),
    providerSessionId: String(row.provider_session_id),
    // A row written by a newer version with a status we do not know is treated as still open.
    status: isSessionStatus(status) ? status : 'processing',
    url: String(row.url),
    // PostgreSQL answers a boolean, SQLite an integer.
    livemode: row.livemode === true || row.livemode === 1,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  }
  if (row.client_secret != null) session.clientSecret = String(row.client_secret)
  if (row.expires_at != null) session.expiresAt = String(row.expires_at)
  if (row.handoff === 'waiting' || row.handoff === 'opened') session.handoff = row.handoff
  return session
}

/** A session's values in SESSION_COLUMNS order; `bool` writes livemode the way the database takes it. */
export function sessionValues(s: StoredSession, bool: (value: boolean) => unknown): unknown[] {
  return [
    s.id,
    s.userId,
    s.provider,
    s.providerSessionId,
    s.status,
    s.clientSecret ?? null,
    s.url,
    s.expiresAt ?? null,
    bool(s.livemode),
    s.createdAt,
    s.updatedAt,
    s.handoff ?? null,
  ]
}
