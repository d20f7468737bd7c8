import type { RequestFacts, ResolvedOptions } from '../options'
import type { SessionEvents } from '../service/fanout'
import type { HandoffService } from '../service/handoff'
import type { Limits } from '../service/limits'
import type { SessionService } from '../service/sessions'
import type { Identity, StoredSession } from '../types'

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
  handoff: HandoffService
  limits: Limits
  fanout: SessionEvents
  options: ResolvedOptions
  /** Work that outlives the answer (a stream's cleanup): the handler's close waits for it. */
  defer(work: Promise<unknown>): void
}

/** What must hold before a route runs, in this order. */
export interface RouteGuards {
  /** A browser POST from another origin is refused (403). */
  origin?: boolean
  /** The integrator's `identify` must know the caller (401). */
  identity?: boolean
  /** `:id` must be the caller's own session (404 otherwise, the same as a missing one). */
  ownSession?: boolean
  /**
   * With `ownSession`: the device a handoff link bound to this session passes too, signed in or not
   * (it acts for the session's owner, on this session only).
   */
  device?: boolean
}

export interface Route {
  method: 'GET' | 'POST'
  pattern: RegExp
  guards: RouteGuards
  run(ctx: RouteContext): Promise<Response>
}
