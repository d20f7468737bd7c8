import type { Provider, SessionSnapshot, SessionStatus } from '../core/types'

/** Who is asking: whatever the integrator's auth says, reduced to a stable id. */
export interface Identity {
  id: string
  /**
   * A visitor nobody signed in (a cookie handed out on first contact): anonymous users together
   * get half of the backend's session creations, so they can never lock out signed-in ones.
   */
  anonymous?: boolean
}

/**
 * A session as the backend stores it: a plain row. Holds no API key; the client secret is
 * short-lived and wiped (with the flow URL) once the session is over.
 */
export interface StoredSession {
  id: string
  userId: string
  /** The provider adapter's name (`facesign`, `faceverify`, or one an integrator registered). */
  provider: string
  /**
   * The provider's own id (FaceSign `vs_…`, FaceVerify's session id or our uniqueIdentifier); ""
   * while the provider has not been asked yet (creation in progress, or waiting for the phone).
   */
  providerSessionId: string
  status: SessionStatus
  clientSecret?: string
  /** Where the flow runs; "" before the provider session exists and after the session ended. */
  url: string
  expiresAt?: string
  livemode: boolean
  createdAt: string
  updatedAt: string
  /** Handed to a second device: `waiting` for it to open the link, `opened` once one did. */
  handoff?: HandoffState
}

export type HandoffState = 'waiting' | 'opened'

/** A "continue on your phone" link, as the store keeps it: the token only as a hash. */
export interface HandoffRecord {
  tokenHash: string
  sessionId: string
  createdAt: string
  /** Until when the link may be claimed. */
  expiresAt: string
  /** Until when the device that claims it may use the session. */
  deviceUntil: string
}

/** `claimHandoff`: the first device wins; later ones learn why they cannot. */
export type HandoffClaim =
  | { result: 'claimed'; sessionId: string }
  | { result: 'taken' | 'expired'; sessionId: string }
  | { result: 'missing' }

/** What `update` may change; `null` clears an optional field. */
export interface SessionPatch {
  providerSessionId?: string
  clientSecret?: string | null
  url?: string
  expiresAt?: string | null
  livemode?: boolean
}

export interface WebhookEventRecord {
  provider: string
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
  /** Stable across retries and restarts (`<session id>.<status>`): the integrator dedupes on it. */
  eventId: string
  userId: string
  session: SessionSnapshot
  previousStatus: SessionStatus
  status: SessionStatus
  /** ISO time of the transition. */
  at: string
}

/**
 * A compare-and-set of a session's status, built by the session service (which owns the status
 * rules and the outbox payload): applied only while the stored status is still `from`, together
 * with its outbox row, in one transaction.
 */
export interface StatusTransition {
  sessionId: string
  from: SessionStatus
  to: SessionStatus
  /** ISO time, the row's new `updatedAt`. */
  at: string
  /** A session that is over keeps no client secret and no flow URL. */
  clearSecrets: boolean
  outbox: { id: string; change: StatusChange }
}

/** `applied`; `conflict`: the status is no longer `from` (read again and retry); `missing`: no such session. */
export type TransitionResult = 'applied' | 'conflict' | 'missing'

/** A status change waiting in the outbox for the integrator's hook. */
export interface OutboxEntry {
  /** = change.eventId */
  id: string
  sessionId: string
  change: StatusChange
  /** Deliveries started before this one (0 for a new entry). */
  attempts: number
}

/** One of the counters a request must fit in: at most `limit` live holders of `key`, each for `ttlMs`. */
export interface SlotClaim {
  key: string
  limit: number
  ttlMs: number
}

/** An `acquire` answer. */
export interface HitResult {
  allowed: boolean
  /** When not allowed: ms until the refusing counter has room again. */
  retryAfterMs: number
}

/** Lifetimes after which `prune` deletes rows, as ISO times: rows older than these go. */
export interface PruneBefore {
  /** Finished sessions whose last change is older. */
  sessions: string
  /** Recorded webhook events received before. */
  events: string
  /** Delivered outbox entries settled before. */
  delivered: string
  /** Dead outbox entries settled before. */
  dead: string
}

/** How many rows one `prune` call deleted, per kind. */
export interface PruneResult {
  sessions: number
  events: number
  delivered: number
  dead: number
}

/** An outbox entry given up on after its last attempt: what an operator lists and may send again. */
export interface DeadLetter {
  /** = change.eventId */
  id: string
  /** The session the change belongs to. */
  sessionId: string
  /** The change as `onStatusChange` would have heard it. */
  change: StatusChange
  /** Deliveries tried. */
  attempts: number
  /** The last attempt's error. */
  lastError: string
  /** ISO time it was given up. */
  deadAt: string
}

/** What an operator's readiness probe and the metrics read from the store. */
export interface OutboxStats {
  pending: number
  dead: number
}

/**
 * Where sessions, webhook events, the outcome outbox and the limits shared by every backend
 * instance live: the bottom layer. A store keeps plain rows and knows no provider and no status
 * rule beyond "which statuses are open"; the session service decides every transition and hands
 * the store its row. Every rule that must hold across instances is the store's, written so that
 * it holds under concurrent callers in several processes (a constraint, a transaction or a lock,
 * never a read-then-write):
 * - `insertOpen`: one open session per user and provider (which is also what serialises creation);
 * - `transition` / `recordEvent`: compare-and-set of a status with its outbox row, each webhook
 *   event recorded once and applied in the same transaction;
 * - `claimOutbox`: each entry delivered by one instance at a time, in order per session;
 * - `acquire` and `lease`: rate limits, stream caps, the provider-call budget, one read per session.
 *
 * Implementations shipped: `createMemoryStore` (tests, one process), `createSqliteStore` (Node,
 * the embedded default), `createPostgresStore` (several instances). One contract suite runs against each.
 */
export interface SessionStore {
  /**
   * Inserts `session` unless the user already has an open session for that provider; then that
   * one is returned with `created: false` and nothing is written. Throws for an id that exists.
   */
  insertOpen(session: StoredSession): Promise<{ session: StoredSession; created: boolean }>
  get(id: string): Promise<StoredSession | undefined>
  findOpen(userId: string, provider: string): Promise<StoredSession | undefined>
  findByProviderId(provider: string, providerSessionId: string): Promise<StoredSession | undefined>
  /** The user's most recently created session (any status), optionally for one provider. */
  latest(userId: string, provider?: string): Promise<StoredSession | undefined>
  update(id: string, patch: SessionPatch): Promise<StoredSession | undefined>
  /**
   * Deletes a session the provider was never asked about (`providerSessionId` ""), created at or
   * before `createdBefore` (ISO): its creation failed or its creator died. False when it is gone,
   * newer, or has a provider session.
   */
  discardUnstarted(id: string, createdBefore: string): Promise<boolean>
  transition(transition: StatusTransition): Promise<TransitionResult>
  /**
   * Records a webhook event once and, when given, applies the transition in the same transaction.
   * `duplicate`: recorded before, nothing written. `conflict`: the transition's `from` no longer
   * holds, nothing written (not even the event), so the caller reads again and retries.
   */
  recordEvent(event: WebhookEventRecord, transition?: StatusTransition): Promise<'recorded' | 'duplicate' | 'conflict'>
  /**
   * Claims up to `limit` outbox entries that are due, for `leaseMs` (no other caller gets them
   * until the lease ends or they are settled): per session only the oldest undelivered entry, so
   * deliveries keep their order. Each claim counts one attempt.
   */
  claimOutbox(limit: number, leaseMs: number): Promise<OutboxEntry[]>
  /** Delivered: the entry is settled. */
  completeOutbox(id: string): Promise<void>
  /**
   * A delivery failed: try again at `retryAt` (ISO), or with `retryAt` null give up on it; it is
   * kept (marked dead, with the error) until pruned, and the session's next entry becomes due.
   */
  failOutbox(id: string, error: string, retryAt: string | null): Promise<void>
  outboxStats(): Promise<OutboxStats>
  /** Up to `limit` dead entries, the most recently given up first. */
  deadLetters(limit: number): Promise<DeadLetter[]>
  /**
   * Makes these dead entries pending again, due now with their attempts counted from zero (after the
   * app's endpoint was fixed); ids that are not dead are ignored. Returns how many were revived.
   */
  reviveDeadLetters(ids: readonly string[]): Promise<number>
  /**
   * Takes one slot of every claim for `holder`, all or nothing: refused when any key already has
   * `limit` live holders (a sliding window for rate limits; open streams for caps). A refusal
   * counts nothing anywhere.
   */
  acquire(claims: readonly SlotClaim[], holder: string): Promise<HitResult>
  /** Gives back every slot `holder` took (a stream closed, an attempt that failed and does not count). */
  release(holder: string): Promise<void>
  /** Extends `holder`'s slots to `ttlMs` from now; false when it holds none any more. */
  renew(holder: string, ttlMs: number): Promise<boolean>
  /** Live holders of `key` right now (health and metrics: what the provider budget has left). */
  countSlots(key: string): Promise<number>
  /** Takes the lease `key` for `ttlMs` when nobody holds it (or theirs ran out); true if taken. */
  lease(key: string, ttlMs: number): Promise<boolean>
  /**
   * Deletes up to `limit` rows of each kind older than `before` (finished sessions, webhook
   * events, delivered and dead outbox entries): bounded batches, called again until less comes back.
   */
  prune(before: PruneBefore, limit: number): Promise<PruneResult>
  /** Up to `limit` sessions still open that were created before `createdBefore` (ISO), oldest first. */
  staleOpen(createdBefore: string, limit: number): Promise<StoredSession[]>
  /**
   * Makes `handoff` the session's only link to a second device (an earlier one, claimed or not, stops
   * working) and marks the session `waiting`. False when the session is gone or finished.
   */
  createHandoff(handoff: HandoffRecord): Promise<boolean>
  /**
   * Single use across every instance: the first claim of an unexpired link binds `deviceHash` to its
   * session and marks it `opened`; any later claim is `taken`.
   */
  claimHandoff(tokenHash: string, deviceHash: string, at: string): Promise<HandoffClaim>
  /** The session a device's claim still grants (its link not replaced, its time not up), if any. */
  deviceSession(deviceHash: string, at: string): Promise<string | undefined>
  /**
   * A store shared by several processes tells of status changes committed anywhere (PostgreSQL:
   * LISTEN/NOTIFY), so open streams on every instance hear them. Optional: a single-process store
   * leaves it out and the handler's own fan-out is enough. The listener may be called again for
   * the same change; after a lost connection the store calls it with `undefined` (re-read all).
   */
  watch?(listener: (sessionId: string | undefined) => void): () => void
  close(): Promise<void>
}

/** Store clocks are injectable so the contract suite can move time without waiting. */
export interface StoreClockOptions {
  /** Milliseconds since the epoch, default Date.now. */
  now?: () => number
}

/** What the integrator's `onStatusChange` gets besides the change. */
export interface DeliveryContext {
  /** Aborted when the delivery's time is up (`outbox.timeoutMs`): stop work and let it be retried. */
  signal: AbortSignal
  /** 1 for the first delivery of this change. */
  attempt: number
}

export type { Provider, SessionSnapshot }
