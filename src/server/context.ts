import { isTerminal } from '../core/status'
import type { SessionSnapshot, SessionStatus, VerificationSession } from '../core/types'
import { ProviderError } from './errors'
import type { FaceSignClient } from './facesign'
import type { FaceVerifyClient } from './faceverify'
import type { OutboxDispatcher } from './outbox'
import { type ProviderBudget, withPriority } from './provider-budget'
import type { SessionEvents } from './session-events'
import type { SessionStore, StoredSession, VerificationHandlerOptions } from './types'

/** Everything the routes share; built once per handler. */
export interface HandlerContext {
  options: VerificationHandlerOptions
  store: SessionStore
  facesign?: FaceSignClient
  faceverify?: FaceVerifyClient
  events: SessionEvents
  /** Provider-call budgets per API key, kept in the store (shared by every instance). */
  budgets: { facesign?: ProviderBudget; faceverify?: ProviderBudget }
  /** Provider status reads started by this process (benchmarks, tests). */
  reads: { count: number }
  /** Open status streams per user in this process. */
  streamsByUser: Map<string, number>
  maxBodyBytes: number
  heartbeatMs: number
  /** Hands committed status changes to the integrator's onStatusChange. */
  outbox: OutboxDispatcher
  /** Serialises session creation per user and provider (double clicks, two tabs). */
  createLocks: Map<string, Promise<unknown>>
  /** Create leases (store.lease) this process holds, until when: its own creations do not wait on them. */
  createLeases: Map<string, number>
}

export function toSnapshot(s: StoredSession): SessionSnapshot {
  const snapshot: SessionSnapshot = {
    sessionId: s.id,
    provider: s.provider,
    status: s.status,
    livemode: s.livemode,
    updatedAt: s.updatedAt,
  }
  if (s.expiresAt) snapshot.expiresAt = s.expiresAt
  return snapshot
}

export function toVerificationSession(s: StoredSession): VerificationSession {
  const session: VerificationSession = { sessionId: s.id, provider: s.provider, status: s.status, url: s.url, livemode: s.livemode }
  if (s.clientSecret && !isTerminal(s.status)) session.clientSecret = s.clientSecret
  if (s.expiresAt) session.expiresAt = s.expiresAt
  return session
}

/** A transition committed (with its outbox row): tell open streams, and deliver the hook now. */
export function statusChanged(ctx: HandlerContext, session: StoredSession): void {
  ctx.events.publish(session)
  ctx.outbox.wake()
}

/** Applies a status with the monotonic rule and tells open streams and the outbox when it changed. */
export async function applyStatus(ctx: HandlerContext, sessionId: string, status: SessionStatus): Promise<StoredSession | undefined> {
  const result = await ctx.store.applyStatus(sessionId, status, new Date().toISOString())
  if (result?.changed) statusChanged(ctx, result.session)
  return result?.session
}

/**
 * How long this session's next provider read must wait, or undefined when it needs none now.
 * With a webhook secret, webhooks are the status source: a session is read only once nothing was
 * heard of it for `statusFallbackAfterMs`, then with backoff (half the quiet time, up to 10 min).
 * Without one, reads are the only source: every `statusCacheMs` at first, backing off to 1 min.
 */
function readIntervalMs(ctx: HandlerContext, session: StoredSession): number | undefined {
  const quietMs = Math.max(0, Date.now() - Date.parse(session.updatedAt))
  if (ctx.options.facesign?.webhookSecret) {
    const after = ctx.options.statusFallbackAfterMs ?? 60_000
    return quietMs < after ? undefined : Math.min(600_000, Math.max(after, ctx.options.statusCacheMs ?? 5000, quietMs / 2))
  }
  const base = ctx.options.statusCacheMs ?? 5000
  return Math.min(Math.max(base, 60_000), Math.max(base, quietMs / 4))
}

/**
 * Reads the session from the provider (FaceSign only: FaceVerify documents no status endpoint) as
 * a slow fallback for a webhook that is late or lost. One read per session at a time across every
 * instance (a lease in the store), at the `background` priority of the key's budget, so however
 * many tabs, streams or instances ask, the provider sees at most one read per session per interval.
 * Provider trouble here is not the browser's problem: the stored status stands and webhooks catch up.
 */
export async function refreshFromProvider(ctx: HandlerContext, session: StoredSession): Promise<StoredSession> {
  const client = ctx.facesign
  if (session.provider !== 'facesign' || !client || isTerminal(session.status)) return session
  const intervalMs = readIntervalMs(ctx, session)
  if (intervalMs === undefined || !(await ctx.store.lease(`read:${session.id}`, intervalMs))) return session
  ctx.reads.count++
  try {
    const remote = await withPriority('background', () => client.retrieveSession(session.providerSessionId))
    if (remote.status) await applyStatus(ctx, session.id, remote.status)
    // A status we do not know keeps what we have; the integrator hears about it instead of a guess.
    else ctx.options.onError?.(unknownStatus(remote.rawStatus))
  } catch (error) {
    // The provider no longer knows the session (it expired there, or a sandbox restarted): it is
    // over. Left open, every create would hand the same dead session back.
    if (isGone(error)) await applyStatus(ctx, session.id, 'expired')
    else if (!(error instanceof ProviderError && error.type === 'rate_limit_error')) ctx.options.onError?.(error)
  }
  return (await ctx.store.get(session.id)) ?? session
}

/** A provider 404: the session it was asked about does not exist (any more). */
export function isGone(error: unknown): boolean {
  return error instanceof ProviderError && error.status === 404
}

export function unknownStatus(raw: string): ProviderError {
  return new ProviderError('api_error', `FaceSign sent a session status this version does not know: "${raw}".`, 200, {
    code: 'unknown_status',
  })
}
