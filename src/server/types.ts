import type { Provider, SessionSnapshot, SessionStatus } from '../core/types'
import type { ProviderBudgetOptions } from './provider-budget'

/** Who is asking: whatever the integrator's auth says, reduced to a stable id. */
export interface Identity {
  id: string
}

/** A session as the backend stores it. Holds no API key; the client secret is short-lived. */
export interface StoredSession {
  id: string
  userId: string
  provider: Provider
  /** The provider's own id (FaceSign `vs_…`, FaceVerify's session id or our uniqueIdentifier). */
  providerSessionId: string
  status: SessionStatus
  clientSecret?: string
  url: string
  expiresAt?: string
  livemode: boolean
  createdAt: string
  updatedAt: string
}

export type SessionPatch = Partial<Pick<StoredSession, 'clientSecret' | 'url' | 'expiresAt'>>

export interface WebhookEventRecord {
  provider: Provider
  /**
   * The dedupe key, always covered by the signature: the event id inside the signed body, or an
   * unsigned header id only together with a digest of the body (`<headerId>:<sha256 of body>`).
   */
  eventId: string
  type: string
  sessionId?: string
  receivedAt: string
}

/**
 * One status transition of a session, as the integrator's `onStatusChange` hears it. Written in
 * the same transaction as the transition (the outbox), so it is delivered at least once.
 */
export interface StatusChange {
  /** Stable across retries and restarts: the integrator dedupes on it. */
  eventId: string
  userId: string
  session: SessionSnapshot
  previousStatus: SessionStatus
  status: SessionStatus
  /** ISO time of the transition. */
  at: string
}

export interface ApplyStatusResult {
  session: StoredSession
  changed: boolean
  /** The transition written to the outbox with it, when `changed`. */
  change?: StatusChange
}

/** A status change waiting in the outbox for the integrator's hook. */
export interface OutboxEntry {
  /** = change.eventId */
  id: string
  sessionId: string
  change: StatusChange
  /** Deliveries tried so far (0 for a new entry). */
  attempts: number
}

/** A sliding-window counter's answer. */
export interface HitResult {
  allowed: boolean
  /** When not allowed: ms until the oldest counted hit leaves the window. */
  retryAfterMs: number
}

/**
 * Where sessions, webhook events, the outcome outbox and the limits shared by every backend
 * instance live. Async so that an integrator can back it with any database. Every rule that must
 * hold across instances is the store's, written so that it holds under concurrent callers in
 * several processes (a constraint, a transaction or a lock, never a read-then-write):
 * - `insertOpen`: one open session per user and provider;
 * - `applyStatus` / `applyEvent`: the monotonic status rule, each webhook event recorded once and
 *   applied in the same transaction, and the outbox row written with the transition;
 * - `claimOutbox`: each entry delivered by one instance at a time, in order per session;
 * - `hit` and `lease`: rate limits, the provider-call budget and the one-read-per-session rule.
 *
 * Implementations shipped: `createMemoryStore` (tests), `createSqliteStore` (the embedded
 * default), `createPostgresStore` (several instances). One contract suite runs against each.
 */
export interface SessionStore {
  /**
   * Inserts `session` unless the user already has an open session for that provider; then that
   * one is returned with `created: false` and nothing is written.
   */
  insertOpen(session: StoredSession): Promise<{ session: StoredSession; created: boolean }>
  get(id: string): Promise<StoredSession | undefined>
  findOpen(userId: string, provider: Provider): Promise<StoredSession | undefined>
  findByProviderId(provider: Provider, providerSessionId: string): Promise<StoredSession | undefined>
  /** The user's most recently created session (any status), optionally for one provider. */
  latest(userId: string, provider?: Provider): Promise<StoredSession | undefined>
  patch(id: string, patch: SessionPatch): Promise<StoredSession | undefined>
  /**
   * Merges a status in with the monotonic rule (read, mergeStatus, write atomically) and, when it
   * changed, writes the StatusChange to the outbox in the same transaction.
   */
  applyStatus(id: string, status: SessionStatus, at: string): Promise<ApplyStatusResult | undefined>
  /**
   * Records a webhook event and applies its status (when given, to `event.sessionId`) in one
   * transaction. `duplicate: true` when the event was recorded before: nothing is written. If the
   * apply fails nothing is recorded, so a redelivery applies.
   */
  applyEvent(event: WebhookEventRecord, status: SessionStatus | undefined): Promise<{ duplicate: boolean; result?: ApplyStatusResult }>
  /**
   * Claims up to `limit` outbox entries that are due, for `leaseMs` (no other caller gets them
   * until the lease ends or they are settled): per session only the oldest undelivered entry, so
   * deliveries keep their order.
   */
  claimOutbox(limit: number, leaseMs: number): Promise<OutboxEntry[]>
  /** Delivered: the entry is settled. */
  completeOutbox(id: string): Promise<void>
  /**
   * A delivery failed: try again at `retryAt` (ISO), or with `retryAt` null give up on it; it is
   * kept (marked dead, with the error), never deleted, and the session's next entry becomes due.
   */
  failOutbox(id: string, error: string, retryAt: string | null): Promise<void>
  /**
   * Counts a hit on `key` if fewer than `limit` hits were counted in the last `windowMs`
   * (a sliding window); otherwise counts nothing and says when to retry.
   */
  hit(key: string, limit: number, windowMs: number): Promise<HitResult>
  /** Takes the lease `key` for `ttlMs` when nobody holds it (or theirs ran out); true if taken. */
  lease(key: string, ttlMs: number): Promise<boolean>
  /**
   * A store shared by several processes tells of status changes committed anywhere (PostgreSQL:
   * LISTEN/NOTIFY), so open streams on every instance hear them. Optional: a single-process store
   * leaves it out and the handler's own fan-out is enough. The listener may be called again for
   * the same change; after a lost connection the store calls it with `undefined` (re-read all).
   */
  watch?(listener: (sessionId: string | undefined) => void): () => void
  close(): Promise<void>
}

export interface FaceSignClientOptions {
  apiKey: string
  /** Default `https://api.facesign.ai/v1`. */
  baseUrl?: string
  /** `FaceSign-Version` header, default `2024-01-15`. */
  version?: string
  /** Where the flow runs when the API gives no `clientSecret.url`; `client_secret` is appended. */
  flowUrl?: string
  /**
   * Hosts a flow URL from the API may point at (patterns as in `isAllowedFlowUrl`); default the
   * provider's own domains plus the host of `flowUrl`. Anything else is refused, never handed out.
   */
  allowedHosts?: readonly string[]
  timeoutMs?: number
  /** Retries for idempotent requests on 5xx and network errors. */
  maxRetries?: number
  /** A 429 asking to wait at most this long is waited out once; longer waits fail fast. */
  maxRateLimitWaitMs?: number
  fetch?: typeof fetch
}

export interface FaceVerifyClientOptions {
  apiKey: string
  secretKey: string
  /** Default `https://start.faceverify.ai`. */
  baseUrl?: string
  /** Hosts a session link may point at; default DEFAULT_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[]
  timeoutMs?: number
  fetch?: typeof fetch
}

export interface VerificationHandlerOptions {
  facesign?: FaceSignClientOptions & { webhookSecret?: string }
  faceverify?: FaceVerifyClientOptions
  /** The integrator's auth: the user behind a request, or null (→ 401). */
  identify: (request: Request) => Identity | null | Promise<Identity | null>
  store?: SessionStore
  /** Default `/api/verify`. */
  basePath?: string
  /**
   * This backend's public origin(s), e.g. `https://shop.example`: what a browser's Origin header must
   * name on POSTs. Default: the Host header's origin. Set it behind a proxy that rewrites Host.
   */
  publicOrigin?: string | readonly string[]
  /** Origins allowed to POST besides `publicOrigin` (e.g. a storefront on another domain). */
  allowedOrigins?: readonly string[]
  /** Request body limit in bytes, default 64 KiB. */
  maxBodyBytes?: number
  /**
   * Without a webhook secret: at most one provider read per session per this many ms at first
   * (backing off to 1 min as the session stays quiet), default 5000.
   */
  statusCacheMs?: number
  /**
   * With a webhook secret, webhooks are the status source: a session is read from the provider only
   * after nothing was heard of it for this long (then with backoff), default 60000.
   */
  statusFallbackAfterMs?: number
  /**
   * The provider-call budget per API key, shared by every route, session and instance (kept in the
   * store): `share` (default 0.8) of `limitPerMinute` (default: the documented 100/min for test keys,
   * 1000/min for `sk_live_` keys). Spent: creates answer 429 with Retry-After; webhooks still land.
   */
  providerBudget?: ProviderBudgetOptions
  /** Session creations per user per minute, default 10. */
  createLimitPerMinute?: number
  /** Session creations per client address per minute, default 30. */
  createLimitPerAddressPerMinute?: number
  /** Session creations per minute for the whole backend (all instances), default half the provider budget. */
  createLimitGlobalPerMinute?: number
  /** Status streams one user may hold open at once (per instance), default 5; past it 429. */
  maxStreamsPerUser?: number
  /**
   * The client's address for the per-address limit (Next.js, Hono, … know it); default the socket's
   * peer as the node adapter saw it.
   */
  clientAddress?: (request: Request) => string | undefined
  /** Take the client address from the last X-Forwarded-For entry (only behind your own proxy), default false. */
  trustForwardedFor?: boolean
  /** SSE heartbeat interval, default 15000. */
  heartbeatMs?: number
  /** Data dir of the default SQLite store when no `store` is given, default `.data`. */
  dataDir?: string
  /**
   * The integrator's server code hears every status transition here: durably and at least once
   * (the outbox), in order per session, retried with backoff while it throws or rejects.
   * `change.eventId` is stable across retries: dedupe on it.
   */
  onStatusChange?: (change: StatusChange) => void | Promise<void>
  /**
   * Outbox delivery: attempts before an entry is given up (kept, reported to onError), default 8;
   * first retry delay, default 1000 ms (doubling, at most 10 min); how long a claimed entry is one
   * instance's before another may deliver it (also the longest wait after a crash), default 30000 ms;
   * how often the store is checked for entries no write here announced, default 5000 ms.
   */
  outbox?: { maxAttempts?: number; retryDelayMs?: number; leaseMs?: number; pollMs?: number }
  /** Unexpected failures, and provider answers that break its contract (the client sees a 500 or 502 either way). */
  onError?: (error: unknown) => void
}
