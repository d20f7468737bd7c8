import type { SessionStatus, TerminalStatus } from './types'

const RANK: Record<SessionStatus, number> = {
  requires_input: 0,
  in_progress: 1,
  processing: 2,
  verified: 3,
  failed: 3,
  canceled: 3,
  expired: 3,
}

export const SESSION_STATUSES = Object.keys(RANK) as SessionStatus[]

export function isSessionStatus(value: unknown): value is SessionStatus {
  return typeof value === 'string' && Object.hasOwn(RANK, value)
}

export function isTerminal(status: SessionStatus | undefined): status is TerminalStatus {
  return status !== undefined && RANK[status] === 3
}

/**
 * Applies a new status to the current one. Webhooks and pushes arrive duplicated and out of
 * order, so status only moves forward: a terminal status is final, and a late non-terminal
 * event never moves a session back.
 */
export function mergeStatus(current: SessionStatus | undefined, next: SessionStatus): SessionStatus {
  if (current === undefined) return next
  if (isTerminal(current)) return current
  return RANK[next] >= RANK[current] ? next : current
}
