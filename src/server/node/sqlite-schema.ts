import type Database from 'better-sqlite3'
import { OPEN_STATUSES } from '../stores/rows'

/**
 * The SQLite schema as numbered steps; `PRAGMA user_version` records how many a file has had.
 * A file from before versioning (version 0, tables present) runs step 1 as a no-op and upgrades.
 * Append steps; never edit one that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  // 1: sessions and webhook events (the schema before versioning, hence IF NOT EXISTS).
  `CREATE TABLE IF NOT EXISTS sessions (
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
  );`,
  // 2: one open session per user and provider as a constraint (older files could hold several:
  // all but the newest end as expired, as findOpen already ignored them), the outcome outbox, and
  // the sliding-window hits and leases every process on the file shares.
  `UPDATE sessions SET status = 'expired'
    WHERE status IN (${OPEN_STATUSES}) AND EXISTS (
      SELECT 1 FROM sessions n WHERE n.user_id = sessions.user_id AND n.provider = sessions.provider
        AND n.status IN (${OPEN_STATUSES})
        AND (n.created_at > sessions.created_at OR (n.created_at = sessions.created_at AND n.rowid > sessions.rowid)));
  CREATE UNIQUE INDEX sessions_one_open ON sessions (user_id, provider) WHERE status IN (${OPEN_STATUSES});
  CREATE INDEX sessions_latest ON sessions (user_id, created_at);
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL,
    change TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending',
    due_at INTEGER NOT NULL DEFAULT 0,
    lease_until INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    settled_at TEXT
  );
  CREATE INDEX outbox_pending ON outbox (session_id, seq) WHERE state = 'pending';
  CREATE TABLE hits (key TEXT NOT NULL, at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
  CREATE INDEX hits_key ON hits (key, at);
  CREATE INDEX hits_expiry ON hits (expires_at);
  CREATE TABLE leases (key TEXT PRIMARY KEY, until INTEGER NOT NULL);`,
  // 3: counters become slots held by a named holder until they lapse or are given back (hits stays
  // for a process still on version 2); indexes for pruning by age.
  `CREATE TABLE slots (key TEXT NOT NULL, holder TEXT NOT NULL, until INTEGER NOT NULL, PRIMARY KEY (key, holder));
  CREATE INDEX slots_holder ON slots (holder);
  CREATE INDEX slots_until ON slots (until);
  CREATE INDEX sessions_finished ON sessions (updated_at) WHERE status NOT IN (${OPEN_STATUSES});
  CREATE INDEX outbox_settled ON outbox (state, settled_at) WHERE state <> 'pending';
  CREATE INDEX webhook_events_received ON webhook_events (received_at);`,
  // 4: "continue on your phone": a session's link to a second device (the token only as a hash), the
  // device it bound, and the session's handoff state.
  `ALTER TABLE sessions ADD COLUMN handoff TEXT;
  CREATE TABLE handoffs (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    device_until TEXT NOT NULL,
    device_hash TEXT UNIQUE,
    claimed_at TEXT
  );
  CREATE INDEX handoffs_session ON handoffs (session_id);`,
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** Brings the file up to SCHEMA_VERSION in one transaction (two processes opening it at once wait for each other). */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > MIGRATIONS.length) {
      throw new Error(`This SQLite file has schema version ${version}, newer than this version of verify-widget knows (${SCHEMA_VERSION}).`)
    }
    for (const step of MIGRATIONS.slice(version)) db.exec(step)
    db.pragma(`user_version = ${MIGRATIONS.length}`)
  }).immediate()
}
