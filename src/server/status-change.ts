import type { SessionStatus } from '../core/types'
import { toSnapshot } from './context'
import type { StatusChange, StoredSession } from './types'

/**
 * The outbox row for one transition. A session's status only moves forward, so it reaches each
 * status at most once: `<session id>.<status>` names the transition in every store and on every
 * retry, which is what the integrator dedupes on.
 */
export function statusChange(after: StoredSession, previousStatus: SessionStatus): StatusChange {
  return {
    eventId: `${after.id}.${after.status}`,
    userId: after.userId,
    session: toSnapshot(after),
    previousStatus,
    status: after.status,
    at: after.updatedAt,
  }
}

/** Store clocks are injectable so the contract suite can move time without waiting. */
export interface StoreClockOptions {
  /** Milliseconds since the epoch, default Date.now. */
  now?: () => number
}
