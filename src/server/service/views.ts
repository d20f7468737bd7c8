import { isTerminal } from '../../core/status'
import type { Provider, SessionSnapshot, VerificationSession } from '../../core/types'
import type { StoredSession } from '../types'

/** What `GET /sessions/:id`, streams and `onStatusChange` tell about a session: no secret, no URL. */
export function toSnapshot(s: StoredSession): SessionSnapshot {
  // The browser's type lists the shipped providers; a provider of the integrator's own passes through as named.
  const snapshot: SessionSnapshot = {
    sessionId: s.id,
    provider: s.provider as Provider,
    status: s.status,
    livemode: s.livemode,
    updatedAt: s.updatedAt,
  }
  if (s.expiresAt) snapshot.expiresAt = s.expiresAt
  if (s.handoff) snapshot.handoff = s.handoff
  return snapshot
}

/** What the session's own browser gets when it creates one: the flow's URL and, while it is open, its client secret. */
export function toVerificationSession(s: StoredSession): VerificationSession {
  const session: VerificationSession = {
    sessionId: s.id,
    provider: s.provider as Provider,
    status: s.status,
    url: s.url,
    livemode: s.livemode,
  }
  if (s.clientSecret && !isTerminal(s.status)) session.clientSecret = s.clientSecret
  if (s.expiresAt) session.expiresAt = s.expiresAt
  return session
}
