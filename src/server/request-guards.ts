import type { HandlerContext } from './context'
import { HttpError, notFound } from './errors'
import { isValidHost } from './node-guard'
import type { Identity, StoredSession } from './types'

export async function requireIdentity(ctx: HandlerContext, request: Request): Promise<Identity> {
  const identity = await ctx.options.identify(request)
  if (!identity || typeof identity.id !== 'string' || identity.id === '') {
    throw new HttpError(401, 'authentication_error', 'unauthenticated', 'Sign in before starting a verification.')
  }
  return identity
}

/** The caller's own session; another user's session is indistinguishable from a missing one. */
export async function requireOwnSession(ctx: HandlerContext, id: string, identity: Identity): Promise<StoredSession> {
  const session = await ctx.store.get(id)
  if (!session || session.userId !== identity.id) throw notFound()
  return session
}

/**
 * This backend's own origins: `publicOrigin` when configured, else the Host header (scheme from the
 * request). Never the raw request target: a `//other.host/…` path or an absolute-form target is chosen
 * by the sender, so an origin read from it would let any page pass.
 */
function ownOrigins(ctx: HandlerContext, request: Request): string[] {
  const configured = ctx.options.publicOrigin
  if (configured !== undefined) return (typeof configured === 'string' ? [configured] : [...configured]).map((o) => new URL(o).origin)
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
export function checkOrigin(ctx: HandlerContext, request: Request): void {
  const origin = request.headers.get('origin')
  if (origin === null) return
  if (ownOrigins(ctx, request).includes(origin.toLowerCase()) || ctx.options.allowedOrigins?.includes(origin)) return
  throw new HttpError(403, 'permission_error', 'origin_not_allowed', 'This origin may not call the verification backend.')
}
