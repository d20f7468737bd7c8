import { isTerminal, type SessionStatus, type TerminalStatus, type VerificationPhase, type VerifyError } from '../core'
import type { HostedDevice } from './useHostedVerification'

/** Why a phone's link did not open: taken by another device, expired, unknown, or its session ended. */
export type HandoffRefusal = 'handoff_taken' | 'handoff_expired' | 'handoff_invalid' | 'handoff_finished'

/** What the hosted page shows: one state at a time, each with its own heading and next step. */
export type HostedView =
  | { kind: 'starting' }
  | { kind: 'idle' }
  | { kind: 'requires_input' | 'in_progress' | 'processing' }
  | { kind: TerminalStatus }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'offline' }
  | { kind: 'error'; message: string }
  | { kind: HostedDevice['view'] }
  | { kind: HandoffRefusal }

export type HostedViewKind = HostedView['kind']

export interface HostedViewInput {
  phase: VerificationPhase
  online: boolean
  status: SessionStatus | undefined
  error: VerifyError | null | undefined
  /** The camera is being checked. */
  checking?: boolean
  /** What shows instead of the flow, if anything. */
  device?: HostedDevice['view']
  /** This page is a phone that opened a link: a refused claim gets its own page. */
  phone?: boolean
}

/** Fallback wait when a 429 carries no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 10_000

// The backend's answers to a phone's claim, by code. No prototype: `constructor` is not a code.
const REFUSALS = {
  __proto__: null,
  handoff_taken: 'handoff_taken',
  handoff_expired: 'handoff_expired',
  handoff_not_found: 'handoff_invalid',
  session_finished: 'handoff_finished',
} as unknown as Readonly<Record<string, HandoffRefusal | undefined>>

/**
 * A result, once known, outranks everything: being offline afterwards changes nothing for the
 * person. Before that, being offline explains any failure better than the failure itself.
 */
export function deriveView({ phase, online, status, error, checking, device, phone }: HostedViewInput): HostedView {
  if (isTerminal(status)) return { kind: status }
  if (!online) return { kind: 'offline' }
  if (checking) return { kind: 'starting' }
  if (device) return { kind: device }
  if (error) {
    // Any 429 is a rate limit, whatever code the backend gave it.
    if (error.status === 429 || error.code === 'rate_limited')
      return { kind: 'rate_limited', retryAfterMs: error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS }
    if (error.code === 'session_expired') return { kind: 'expired' }
    // Only a phone claims a link; on a computer the same codes (a finished session) are errors.
    const refusal = phone ? REFUSALS[error.code] : undefined
    if (refusal) return { kind: refusal }
    return { kind: 'error', message: error.message }
  }
  if (phase === 'idle') return { kind: 'idle' }
  return status ? { kind: status } : { kind: 'starting' }
}
