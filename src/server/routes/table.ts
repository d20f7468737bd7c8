import type { RequestFacts, ResolvedOptions } from '../options'
import type { SessionEvents } from '../service/fanout'
import type { Limits } from '../service/limits'
import type { SessionService } from '../service/sessions'
import type { Identity, StoredSession } from '../types'
import { sessionEvents } from './events'
import { cancelSession, createSession, getSession, refreshSecret } from './sessions'
import { receiveWebhook } from './webhooks'

/** What a route gets: the request, what its guards established, and the handler's parts. */
export interface RouteContext {
  request: Request
  facts: RequestFacts
  /** The client's address, when known (limits per address). */
  address: string | undefined
  params: { id?: string; provider?: string }
  /** Set when the route's guards include `identity`. */
  user: Identity
  /** Set when the route's guards include `ownSession`. */
  session: StoredSession
  service: SessionService
  limits: Limits
  fanout: SessionEvents
  options: ResolvedOptions
}

/** What must hold before a route runs, in this order. */
export interface RouteGuards {
  /** A browser POST from another origin is refused (403). */
  origin?: boolean
  /** The integrator's `identify` must know the caller (401). */
  identity?: boolean
  /** `:id` must be the caller's own session (404 otherwise, the same as a missing one). */
  ownSession?: boolean
}

export interface Route {
  method: 'GET' | 'POST'
  pattern: RegExp
  guards: RouteGuards
  run(ctx: RouteContext): Promise<Response>
}

const ID = '(?<id>[A-Za-z0-9_-]{1,100})'
const mine = { identity: true, ownSession: true } as const
const posted = { origin: true, identity: true } as const

/** Every route under the base path, with the guards that stand before it. */
export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/sessions$/, guards: posted, run: createSession },
  { method: 'GET', pattern: new RegExp(`^/sessions/${ID}$`), guards: mine, run: getSession },
  { method: 'GET', pattern: new RegExp(`^/sessions/${ID}/events$`), guards: mine, run: sessionEvents },
  { method: 'POST', pattern: new RegExp(`^/sessions/${ID}/refresh$`), guards: { ...posted, ...mine }, run: refreshSecret },
  { method: 'POST', pattern: new RegExp(`^/sessions/${ID}/cancel$`), guards: { ...posted, ...mine }, run: cancelSession },
  // Signed by the provider, not sent by a browser: no origin or identity to check.
  { method: 'POST', pattern: /^\/webhooks\/(?<provider>[a-z0-9_-]{1,40})$/, guards: {}, run: receiveWebhook },
]
