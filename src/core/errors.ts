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

// The codes a retry cannot fix; every other one is worth another try (now or after retryAfterMs).
const FINAL = /^(bad_request|unauthorized|not_found|untrusted_url)$/

export interface VerifyErrorOptions {
  /** HTTP status of the backend answer, when there was one. */
  status?: number
  /** How long the backend asked us to wait (429 Retry-After), in ms. */
  retryAfterMs?: number
  cause?: unknown
}

export class VerifyError extends Error {
  declare readonly name: 'VerifyError'
  declare readonly code: VerifyErrorCode
  declare readonly status?: number
  declare readonly retryAfterMs?: number

  constructor(code: VerifyErrorCode, message: string, options: VerifyErrorOptions = {}) {
    // `options` is also the Error's own options: its `cause`, when there is one, becomes `error.cause`.
    super(message, options)
    Object.assign(this, options, { name: 'VerifyError', code })
  }

  /** Whether trying again (now or after `retryAfterMs`) can succeed. */
  get retryable(): boolean {
    return !FINAL.test(this.code)
  }
}

/** Turns anything thrown into a VerifyError, keeping the original as `cause`. */
export function toVerifyError(value: unknown): VerifyError {
  const timeout = (value as Error | undefined)?.name === 'TimeoutError'
  return value instanceof VerifyError
    ? value
    : new VerifyError(
        timeout ? 'timeout' : 'network_error',
        timeout ? 'The server took too long to answer.' : 'Could not reach the server.',
        {
          cause: value,
        },
      )
}
