import { isTerminal } from '../core/status'
import type { SessionSnapshot, SessionStatus, VerificationSession } from '../core/types'
import { ProviderError } from './errors'
import type { FaceSignClient } from './facesign'
import type { FaceVerifyClient } from './faceverify'
import type { OutboxDispatcher } from './outbox'
import type { RateLimiter } from './rate-limit'
import type { SessionEvents } from './session-events'
import type { StatusCache } from './status-cache'
import type { SessionStore, StoredSession, VerificationHandlerOptions } from './types'

/** Everything the routes share; built once per handler. */
export interface HandlerContext {
  options: VerificationHandlerOptions
  store: SessionStore
  facesign?: FaceSignClient
  faceverify?: FaceVerifyClient
  events: SessionEvents
  statusCache: StatusCache
  createLimiter: RateLimiter
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
 * Reads the session from the provider (FaceSign only: FaceVerify documents no status endpoint),
 * throttled by the status cache so browser polling never multiplies provider calls. Provider
 * trouble here is not the browser's problem: the stored status stands and webhooks catch up.
 */
export async function refreshFromProvider(ctx: HandlerContext, session: StoredSession, force = false): Promise<StoredSession> {
  const client = ctx.facesign
  if (session.provider !== 'facesign' || !client || isTerminal(session.status)) return session
  await ctx.statusCache.refresh(
    session.id,
    async () => {
      try {
        const remote = await client.retrieveSession(session.providerSessionId)
        if (remote.status) await applyStatus(ctx, session.id, remote.status)
        // A status we do not know keeps what we have; the integrator hears about it instead of a guess.
        else ctx.options.onError?.(unknownStatus(remote.rawStatus))
      } catch (error) {
        // The provider no longer knows it (a sandbox restart, an expired provider session): it can
        // never finish, so it ends here and the next start creates a new one.
        if (isGoneAtProvider(error)) await applyStatus(ctx, session.id, 'expired')
        else ctx.options.onError?.(error)
      }
    },
    { force },
  )
  return (await ctx.store.get(session.id)) ?? session
}

/** A provider 404 for a session we created: it is gone on their side. */
export function isGoneAtProvider(error: unknown): boolean {
  return error instanceof ProviderError && error.status === 404
}

export function unknownStatus(raw: string): ProviderError {
  return new ProviderError('api_error', `FaceSign sent a session status this version does not know: "${raw}".`, 200, {
    code: 'unknown_status',
  })
}
