/** Stable error codes: safe to switch on, never renamed. */
export type VerifyErrorCode =
  | 'network_error'
  | 'timeout'
  | 'invalid_response'
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'rate_limited'
  | 'server_error'
  | 'session_expired'
  | 'untrusted_url'
  | 'popup_blocked'
  | 'flow_error'
  | 'unknown_status'

const RETRYABLE = new Set<VerifyErrorCode>([
  'network_error',
  'timeout',
  'rate_limited',
  'server_error',
  'session_expired',
  'popup_blocked',
  'flow_error',
  'invalid_response',
])

export interface VerifyErrorOptions {
  status?: number
  retryAfterMs?: number
  cause?: unknown
}

export class VerifyError extends Error {
  override readonly name = 'VerifyError'
  readonly code: VerifyErrorCode
  /** HTTP status of the backend answer, when there was one. */
  readonly status: number | undefined
  /** How long the backend asked us to wait (429 Retry-After), in ms. */
  readonly retryAfterMs: number | undefined

  constructor(code: VerifyErrorCode, message: string, options: VerifyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }

  /** Whether trying again (now or after `retryAfterMs`) can succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code)
  }
}

export function isVerifyError(value: unknown): value is VerifyError {
  return value instanceof VerifyError
}

/** Turns anything thrown into a VerifyError, keeping the original as `cause`. */
export function toVerifyError(value: unknown): VerifyError {
  if (value instanceof VerifyError) return value
  if (value instanceof DOMException && value.name === 'TimeoutError') {
    return new VerifyError('timeout', 'The verification service took too long to answer.', { cause: value })
  }
  return new VerifyError('network_error', 'Could not reach the verification service.', { cause: value })
}
