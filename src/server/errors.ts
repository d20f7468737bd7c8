/** The error `type`s of the HTTP contract. */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'

/** An error that becomes `{"error":{type,code,message}}` with an HTTP status. */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** A provider answered with an error (or did not answer). */
export class ProviderError extends Error {
  override readonly name = 'ProviderError'
  constructor(
    readonly type: ErrorType,
    message: string,
    readonly status: number | undefined,
    readonly options: { code?: string; param?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
  }
}

export const badRequest = (code: string, message: string) => new HttpError(400, 'invalid_request_error', code, message)
export const notFound = (message = 'No such session.') => new HttpError(404, 'not_found_error', 'resource_missing', message)

/** Maps a provider failure onto what our own caller should see: never the provider's 401 as ours. */
export function fromProviderError(error: ProviderError): HttpError {
  if (error.type === 'rate_limit_error') {
    const seconds = Math.max(1, Math.ceil((error.options.retryAfterMs ?? 60_000) / 1000))
    return new HttpError(429, 'rate_limit_error', 'provider_rate_limited', 'The verification provider is busy. Try again shortly.', {
      'Retry-After': String(seconds),
    })
  }
  if (error.options.code === 'timeout')
    return new HttpError(504, 'api_error', 'provider_timeout', 'The verification provider did not answer in time.')
  if (error.type === 'authentication_error') {
    return new HttpError(
      502,
      'api_error',
      'provider_authentication_failed',
      'The backend could not authenticate with the verification provider.',
    )
  }
  if (error.type === 'invalid_request_error' || error.type === 'not_found_error') {
    return new HttpError(502, 'api_error', 'provider_rejected_request', 'The verification provider rejected the request.')
  }
  return new HttpError(502, 'api_error', 'provider_unavailable', 'The verification provider is unavailable. Try again shortly.')
}

export function errorResponse(error: HttpError): Response {
  const body = { error: { type: error.type, code: error.code, message: error.message } }
  return Response.json(body, { status: error.status, headers: { 'Cache-Control': 'no-store', ...error.headers } })
}
