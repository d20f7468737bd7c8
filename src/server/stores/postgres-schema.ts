import { SESSION_STATUSES } from '../../core/status'
import type { PostgresClientLike } from './postgres-driver'
import { OPEN_STATUSES } from './rows'

// Each status's rank, from the one status model (migration 1 compared ranks in SQL; kept as shipped).
const RANKS = SESSION_STATUSES.map((s, i) => `WHEN '${s}' THEN ${Math.min(i, 3)}`).join(' ')

/**
 * The schema as numbered steps, each run once in its own transaction and recorded in
 * `schema_migrations`. `S` stands for the quoted schema name. Append steps; never edit one that
 * has shipped.
 */
const MIGRATIONS: readonly ((S: string) => string)[] = [
  // 1: sessions (one open per user and provider, as a unique partial index), webhook events (the
  // primary key is the dedupe), the outcome outbox, sliding-window hits and leases, and the status
  // rank the monotonic rule compares in SQL. Times the store's clock decides are epoch ms (bigint).
  (S) => `
  CREATE FUNCTION ${S}.status_rank(status text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE status ${RANKS} ELSE -1 END $$;
  CREATE TABLE ${S}.sessions (
    seq bigserial NOT NULL,
    id text PRIMARY KEY,
    user_id text NOT NULL,
    provider text NOT NULL,
    provider_session_id text NOT NULL,
    status text NOT NULL,
    client_secret text,
    url text NOT NULL,
    expires_at text,
    livemode boolean NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
  );
  CREATE UNIQUE INDEX sessions_one_open ON ${S}.sessions (user_id, provider) WHERE status IN (${OPEN_STATUSES});
  CREATE INDEX sessions_latest ON ${S}.sessions (user_id, created_at DESC, seq DESC);
  CREATE INDEX sessions_provider_id ON ${S}.sessions (provider, provider_session_id);
  CREATE TABLE ${S}.webhook_events (
    provider text NOT NULL,
    event_id text NOT NULL,
    type text NOT NULL,
    session_id text,
    received_at text NOT NULL,
    PRIMARY KEY (provider, event_id)
  );
  CREATE TABLE ${S}.outbox (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    session_id text NOT NULL,
    change jsonb NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    state text NOT NULL DEFAULT 'pending',
    due_at bigint NOT NULL DEFAULT 0,
    lease_until bigint NOT NULL DEFAULT 0,
    last_error text,
    created_at text NOT NULL,
    settled_at text
  );
  CREATE INDEX outbox_pending ON ${S}.outbox (session_id, seq) WHERE state = 'pending';
  CREATE TABLE ${S}.hits (key text NOT NULL, at bigint NOT NULL, expires_at bigint NOT NULL);
  CREATE INDEX hits_key ON ${S}.hits (key, at);
  CREATE INDEX hits_expiry ON ${S}.hits (expires_at);
  CREATE TABLE ${S}.leases (key text PRIMARY KEY, until bigint NOT NULL);
  -- One hit on a sliding window, atomic per key across every instance: 0 when counted, else the ms
  -- until the hit that must leave the window first does.
  CREATE FUNCTION ${S}.hit(p_key text, p_limit integer, p_window bigint, p_now bigint) RETURNS bigint
  LANGUAGE plpgsql AS $$
  DECLARE
    n integer;
    oldest bigint;
  BEGIN
    IF p_limit < 1 THEN RETURN greatest(1, p_window); END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('verify-widget hit ' || p_key, 0));
    DELETE FROM ${S}.hits WHERE key = p_key AND at <= p_now - p_window;
    SELECT count(*) INTO n FROM ${S}.hits WHERE key = p_key;
    IF n >= p_limit THEN
      SELECT at INTO oldest FROM ${S}.hits WHERE key = p_key ORDER BY at DESC OFFSET p_limit - 1 LIMIT 1;
      RETURN greatest(1, oldest + p_window - p_now);
    END IF;
    INSERT INTO ${S}.hits (key, at, expires_at) VALUES (p_key, p_now, p_now + p_window);
    -- Keys nobody hits any more are swept now and then, by whichever call draws the short straw.
    IF random() < 0.01 THEN
      DELETE FROM ${S}.hits WHERE expires_at <= p_now;
      DELETE FROM ${S}.leases WHERE until <= p_now;
    END IF;
    RETURN 0;
  END $$;`,
  // 2: the session service decides transitions (a compare-and-set here); counters become slots held
  // by a named holder (a request, a stream) until they lapse or are given back, taken all at once
  // for several keys; indexes for pruning by age. (hits and hit() stay for instances still on v1.)
  (S) => `
  CREATE TABLE ${S}.slots (key text NOT NULL, holder text NOT NULL, until bigint NOT NULL, PRIMARY KEY (key, holder));
  CREATE INDEX slots_holder ON ${S}.slots (holder);
  CREATE INDEX slots_until ON ${S}.slots (until);
  CREATE INDEX sessions_finished ON ${S}.sessions (updated_at) WHERE status NOT IN (${OPEN_STATUSES});
  CREATE INDEX outbox_settled ON ${S}.outbox (state, settled_at) WHERE state <> 'pending';
  CREATE INDEX webhook_events_received ON ${S}.webhook_events (received_at);
  -- One slot of every key for p_holder, all or nothing, atomic per key across every instance (keys
  -- locked in one order, so two callers never wait on each other in a circle): 0 when taken, else the
  -- ms until the fullest key has room.
  CREATE FUNCTION ${S}.acquire(p_keys text[], p_limits integer[], p_ttls bigint[], p_holder text, p_now bigint) RETURNS bigint
  LANGUAGE plpgsql AS $$
  DECLARE
    k text;
    i integer;
    n integer;
    wait bigint := 0;
    free_at bigint;
  BEGIN
    FOR k IN SELECT DISTINCT unnest(p_keys) ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(hashtextextended('verify-widget slot ' || k, 0));
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
      IF p_limits[i] < 1 THEN
        wait := greatest(wait, p_ttls[i]);
        CONTINUE;
      END IF;
      SELECT count(*) INTO n FROM ${S}.slots WHERE key = p_keys[i] AND until > p_now;
      IF n >= p_limits[i] THEN
        SELECT until INTO free_at FROM ${S}.slots WHERE key = p_keys[i] AND until > p_now
          ORDER BY until OFFSET n - p_limits[i] LIMIT 1;
        wait := greatest(wait, free_at - p_now);
      END IF;
    END LOOP;
    IF wait > 0 THEN RETURN greatest(1, wait); END IF;
    FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
      INSERT INTO ${S}.slots (key, holder, until) VALUES (p_keys[i], p_holder, p_now + p_ttls[i])
        ON CONFLICT (key, holder) DO UPDATE SET until = EXCLUDED.until;
    END LOOP;
    -- Lapsed slots are swept now and then, by whichever call draws the short straw.
    IF random() < 0.01 THEN
      DELETE FROM ${S}.slots WHERE until <= p_now;
      DELETE FROM ${S}.leases WHERE until <= p_now;
    END IF;
    RETURN 0;
  END $$;`,
  // 3: "continue on your phone": a session's link to a second device (the token only as a hash), the
  // device it bound, and the session's handoff state.
  (S) => `
  ALTER TABLE ${S}.sessions ADD COLUMN handoff text;
  CREATE TABLE ${S}.handoffs (
    token_hash text PRIMARY KEY,
    session_id text NOT NULL,
    created_at text NOT NULL,
    expires_at text NOT NULL,
    device_until text NOT NULL,
    device_hash text UNIQUE,
    claimed_at text
  );
  CREATE INDEX handoffs_session ON ${S}.handoffs (session_id);`,
]

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length

/** Quotes a schema name checked to be a plain identifier. */
export function quoteSchema(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`createPostgresStore: schema must be a plain identifier (letters, digits, _), got "${schema}".`)
  }
  return `"${schema}"`
}

/**
 * Brings the schema up to POSTGRES_SCHEMA_VERSION. A transaction-scoped advisory lock keyed on the
 * schema makes instances that start together take turns: the first migrates, the others find it done.
 */
export async function migrate(client: PostgresClientLike, schema: string): Promise<void> {
  const S = quoteSchema(schema)
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`verify-widget migrate ${schema}`])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${S}`)
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${S}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    const { rows } = await client.query(`SELECT coalesce(max(version), 0) AS version FROM ${S}.schema_migrations`)
    const version = Number(rows[0]?.version ?? 0)
    if (version > MIGRATIONS.length) {
      throw new Error(
        `The PostgreSQL schema "${schema}" has version ${version}, newer than this version of verify-widget knows (${POSTGRES_SCHEMA_VERSION}).`,
      )
    }
    for (let step = version; step < MIGRATIONS.length; step++) {
      await client.query(MIGRATIONS[step]!(S))
      await client.query(`INSERT INTO ${S}.schema_migrations (version) VALUES ($1)`, [step + 1])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
}
