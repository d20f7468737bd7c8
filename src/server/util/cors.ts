import { errorResponse, HttpError } from '../errors'

/** Cross-origin access for pages on other origins than the backend (resolved from `cors`). */
export interface CorsPolicy {
  /** Exact origins, normalised (never `*`). */
  origins: readonly string[]
  credentials: boolean
  maxAgeSeconds: number
}

/** What a page may send: its identity token, JSON bodies, and the stream's resume point. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Last-Event-ID'
/** What a page's script may read besides the safelisted headers: when to retry, and why a token was refused. */
const EXPOSED_HEADERS = 'Retry-After, WWW-Authenticate'

const allowed = (policy: CorsPolicy | undefined, origin: string | null): origin is string =>
  origin !== null && (policy?.origins.includes(origin.toLowerCase()) ?? false)

export const isPreflight = (request: Request) =>
  request.method === 'OPTIONS' && request.headers.has('origin') && request.headers.has('access-control-request-method')

/**
 * Answers a preflight for a route the browser may call (`methods`: the route's methods). Only a
 * configured origin asking for one of those methods gets the Access-Control headers; anyone else a
 * 403 saying which setting lets it in (the browser then blocks the call, as it should).
 */
export function preflightResponse(policy: CorsPolicy | undefined, request: Request, methods: readonly string[]): Response {
  const origin = request.headers.get('origin')
  if (!allowed(policy, origin)) {
    return errorResponse(
      new HttpError(
        403,
        'permission_error',
        'cors_origin_not_allowed',
        `The origin ${origin} may not call this backend from a browser: list it in cors.origins (verify-widget serve: VERIFY_CORS_ORIGINS), or serve the page and the backend from one origin through your reverse proxy.`,
      ),
    )
  }
  const method = request.headers.get('access-control-request-method') ?? ''
  if (!methods.includes(method)) {
    return errorResponse(
      new HttpError(405, 'invalid_request_error', 'method_not_allowed', `Use ${methods.join(', ')} for this route.`, {
        Allow: methods.join(', '),
      }),
    )
  }
  const headers = new Headers({
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': methods.join(', '),
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(policy!.maxAgeSeconds),
    Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    'Cache-Control': 'no-store',
  })
  if (policy!.credentials) headers.set('Access-Control-Allow-Credentials', 'true')
  return new Response(null, { status: 204, headers })
}

/**
 * The Access-Control headers of an actual answer (errors included, so the page can read why): only
 * for a configured origin, echoed exactly, never `*`. `Vary: Origin` on every answer of a backend
 * that has a policy, so no cache hands one origin's answer to another.
 */
export function applyCors(policy: CorsPolicy | undefined, request: Request, response: Response, browserRoute: boolean): Response {
  if (!policy) return response
  response.headers.append('Vary', 'Origin')
  const origin = request.headers.get('origin')
  if (!browserRoute || !allowed(policy, origin)) return response
  response.headers.set('Access-Control-Allow-Origin', origin)
  response.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS)
  if (policy.credentials) response.headers.set('Access-Control-Allow-Credentials', 'true')
  return response
}
