import type { SessionStatus, TerminalStatus } from './types'

/** Every status, in lifecycle order; the last four are terminal. */
export const SESSION_STATUSES: SessionStatus[] = [
  'requires_input',
  'in_progress',
  'processing',
  'verified',
  'failed',
  'canceled',
  'expired',
]

// Terminal statuses share one rank, so none of them replaces another; anything else is -1.
const rank = (status: unknown) => Math.min(SESSION_STATUSES.indexOf(status as SessionStatus), 3)

export function isSessionStatus(value: unknown): value is SessionStatus {
  return rank(value) >= 0
}

export function isTerminal(status: SessionStatus | undefined): status is TerminalStatus {
  return rank(status) === 3
}

/**
 * Applies a new status to the current one. Webhooks and pushes arrive duplicated and out of
 * order, so status only moves forward: a terminal status is final, and a late non-terminal
 * event never moves a session back.
 */
export function mergeStatus(current: SessionStatus | undefined, next: SessionStatus): SessionStatus {
  return isTerminal(current) || rank(next) < rank(current) ? current! : next
}
