import type { SessionStatus, TerminalStatus } from './types'

// Each status's place in the lifecycle; the terminal ones share the last rank, so none of them
// replaces another. The rank is written down here, not read from an array's order. No prototype:
// `toString` and friends are not statuses.
const RANK = {
  __proto__: null,
  requires_input: 0,
  in_progress: 1,
  processing: 2,
  verified: 3,
  failed: 3,
  canceled: 3,
  expired: 3,
} as unknown as Readonly<Record<string, number | undefined>>

/** Every status, in lifecycle order; the last four are terminal. Frozen: a copy is needed to reorder it. */
export const SESSION_STATUSES: readonly SessionStatus[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.keys(RANK) as SessionStatus[],
)

// Anything that is not a status ranks -1.
const rank = (status: unknown) => RANK[status as string] ?? -1

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
