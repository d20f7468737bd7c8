/**
 * Error codes. The widget's own ones are listed and never renamed; an error answer from the
 * backend carries the backend's `code` as sent (`provider_not_configured`, `origin_not_allowed`,
 * …), and one without a code (a proxy's error page) gets `bad_request`, `unauthorized`,
 * `not_found`, `rate_limited` or `server_error` from its HTTP status. `token_unavailable`: no
 * identity token could be had from `getToken` or `token-url` (its `status` is the token route's, when
 * it answered); the backend's refusals of a token keep their own codes (`token_expired`, …).
 */
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
  | 'token_unavailable'
  | (string & {})

export interface VerifyErrorOptions {
  /** HTTP status of the backend answer, when there was one (for `token_unavailable`, the token route's). */
  status?: number
  /** The backend's error `type` as sent (`invalid_request_error`, `permission_error`, …), when it sent one. */
  type?: string
  /** How long the backend asked us to wait (429 Retry-After), in ms. */
  retryAfterMs?: number
  cause?: unknown
}

export class VerifyError extends Error {
  declare readonly name: 'VerifyError'
  declare readonly code: VerifyErrorCode
  declare readonly status?: number
  declare readonly type?: string
  declare readonly retryAfterMs?: number

  constructor(code: VerifyErrorCode, message: string, options: VerifyErrorOptions = {}) {
    // `options` is also the Error's own options: its `cause`, when there is one, becomes `error.cause`.
    super(message, options)
    Object.assign(this, options, { name: 'VerifyError', code })
  }

  /** Whether trying again (now or after `retryAfterMs`) can succeed. */
  get retryable(): boolean {
    const s = this.status
    // An answer's status decides: asking again changes no 4xx but a timeout (408) or a rate limit
    // (429). Without an answer, only a refused flow URL stays refused.
    return s ? s > 499 || s === 408 || s === 429 : this.code !== 'untrusted_url'
  }
}

/** Turns anything thrown into a VerifyError, keeping the original as `cause`. */
export function toVerifyError(value: unknown): VerifyError {
  const timeout = (value as Error | undefined)?.name === 'TimeoutError'
  return value instanceof VerifyError
    ? value
    : new VerifyError(timeout ? 'timeout' : 'network_error', timeout ? 'Timed out.' : 'Could not reach the server.', { cause: value })
}
