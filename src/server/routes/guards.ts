import { HttpError } from '../errors'
import type { ResolvedOptions } from '../options'
import type { Identity } from '../types'
import { isValidHost } from '../util/path'

export async function requireIdentity(options: ResolvedOptions, request: Request): Promise<Identity> {
  const identity = await options.identify(request)
  if (!identity || typeof identity.id !== 'string' || identity.id === '') {
    throw new HttpError(401, 'authentication_error', 'unauthenticated', 'Sign in before starting a verification.')
  }
  return identity
}

/**
 * This backend's own origins: `publicOrigin` when configured, else the Host header (scheme from the
 * request). Never the raw request target: a `//other.host/…` path or an absolute-form target is
 * chosen by the sender, so an origin read from it would let any page pass.
 */
function ownOrigins(options: ResolvedOptions, request: Request): readonly string[] {
  if (options.publicOrigins) return options.publicOrigins
  const host = request.headers.get('host')
  // No Host header: the Request was built by a runtime (a fetch-style server, a test), whose URL is
  // its own; toNodeListener always passes Host and builds the URL from it and the checked path.
  if (host === null) return [new URL(request.url).origin]
  if (!isValidHost(host)) return []
  return [`${new URL(request.url).protocol}//${host.toLowerCase()}`]
}

/**
 * CSRF guard for browser POSTs: an Origin header, when sent, must be this backend's own origin
 * or one the integrator listed. Server-to-server callers (no Origin) pass; they have no cookies
 * of the user to ride on.
 */
export function checkOrigin(options: ResolvedOptions, request: Request): void {
  const origin = request.headers.get('origin')
  if (origin === null) return
  const given = origin.toLowerCase()
  if (ownOrigins(options, request).includes(given) || options.allowedOrigins.includes(given)) return
  throw new HttpError(403, 'permission_error', 'origin_not_allowed', 'This origin may not call the verification backend.')
}
