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

// The codes a retry cannot fix; every other one is worth another try (now or after retryAfterMs).
const FINAL: VerifyErrorCode[] = ['bad_request', 'unauthorized', 'not_found', 'untrusted_url', 'unknown_status']

export interface VerifyErrorOptions {
  status?: number
  retryAfterMs?: number
  cause?: unknown
}

export class VerifyError extends Error {
  override readonly name = 'VerifyError'
  /** HTTP status of the backend answer, when there was one. */
  readonly status: number | undefined
  /** How long the backend asked us to wait (429 Retry-After), in ms. */
  readonly retryAfterMs: number | undefined

  constructor(
    readonly code: VerifyErrorCode,
    message: string,
    options: VerifyErrorOptions = {},
  ) {
    // `options` is also the Error's own options: its `cause`, when there is one, becomes `error.cause`.
    super(message, options)
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }

  /** Whether trying again (now or after `retryAfterMs`) can succeed. */
  get retryable(): boolean {
    return !FINAL.includes(this.code)
  }
}

export function isVerifyError(value: unknown): value is VerifyError {
  return value instanceof VerifyError
}

/** An answer from the backend that is not what the widget expects (`what`: which, and why). */
export function invalidResponse(what: string, status?: number): VerifyError {
  return new VerifyError('invalid_response', `Invalid ${what}`, { status })
}

/** Turns anything thrown into a VerifyError, keeping the original as `cause`. */
export function toVerifyError(value: unknown): VerifyError {
  if (value instanceof VerifyError) return value
  const timeout = value instanceof DOMException && value.name === 'TimeoutError'
  return new VerifyError(
    timeout ? 'timeout' : 'network_error',
    timeout ? 'The server took too long to answer.' : 'Could not reach the server.',
    {
      cause: value,
    },
  )
}
