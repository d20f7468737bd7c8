import { isTerminal, type SessionStatus, type TerminalStatus, type VerificationPhase, type VerifyError } from '../core'

/** What the hosted page shows: one state at a time, each with its own heading and next step. */
export type HostedView =
  | { kind: 'starting' }
  | { kind: 'idle' }
  | { kind: 'requires_input' | 'in_progress' | 'processing' }
  | { kind: TerminalStatus }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'offline' }
  | { kind: 'error'; message: string }

export type HostedViewKind = HostedView['kind']

export interface HostedViewInput {
  phase: VerificationPhase
  online: boolean
  status: SessionStatus | undefined
  error: VerifyError | null | undefined
}

/** Fallback wait when a 429 carries no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 10_000

/**
 * A result, once known, outranks everything: being offline afterwards changes nothing for the
 * person. Before that, being offline explains any failure better than the failure itself.
 */
export function deriveView({ phase, online, status, error }: HostedViewInput): HostedView {
  if (isTerminal(status)) return { kind: status }
  if (!online) return { kind: 'offline' }
  if (error) {
    // Any 429 is a rate limit, whatever code the backend gave it.
    if (error.status === 429 || error.code === 'rate_limited')
      return { kind: 'rate_limited', retryAfterMs: error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS }
    if (error.code === 'session_expired') return { kind: 'expired' }
    return { kind: 'error', message: error.message }
  }
  if (phase === 'idle') return { kind: 'idle' }
  return status ? { kind: status } : { kind: 'starting' }
}
