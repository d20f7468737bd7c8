import { isTerminal } from '../../core/status'
import { HttpError } from '../errors'
import { toSnapshot } from '../service/views'
import type { StoredSession } from '../types'
import { randomToken } from '../util/crypto'
import { sseResponse } from '../util/sse'
import type { RouteContext } from './context'

/**
 * `GET /sessions/:id/events`: the snapshot now and on every change, a heartbeat comment, and the
 * end of the stream after a terminal status or after the stream's lifetime (the EventSource
 * reconnects). Webhooks drive the changes; the periodic check reads the store, and the provider
 * only through the service's `sync` (one leased read per session with backoff, on the shared
 * budget), so a stream never adds provider calls of its own. Each open stream holds slots of the
 * per-user, per-address and global caps in the store, renewed with each heartbeat: a stream of an
 * instance that died lets them lapse.
 */
export async function sessionEvents({
  request,
  user,
  session: initial,
  service,
  options,
  limits,
  fanout,
  address,
  defer,
}: RouteContext): Promise<Response> {
  const slotMs = options.heartbeatMs * 3
  const ticket = await limits.stream(user, address, `stream:${randomToken(12)}`, slotMs)
  const pollMs = Math.max(1000, options.statusCacheMs)
  const id = initial.id

  return sseResponse(
    request.signal,
    (writer) => {
      let last = ''
      const push = (session: StoredSession) => {
        const snapshot = toSnapshot(session)
        const text = JSON.stringify(snapshot)
        if (text === last) return
        last = text
        writer.event('status', snapshot)
        if (isTerminal(session.status)) writer.close()
      }
      const check = () =>
        service
          .own(user, id)
          .then((session) => service.sync(session))
          .then(push)
          // A session that is gone (pruned) has nothing more to tell.
          .catch((error: unknown) => (error instanceof HttpError && error.status === 404 ? writer.close() : options.report(error)))
      const unsubscribe = fanout.subscribe(id, push)
      const heartbeat = setInterval(() => {
        writer.comment('heartbeat')
        defer(ticket.renew(slotMs))
      }, options.heartbeatMs)
      const poll = setInterval(check, pollMs)
      const lifetime = setTimeout(() => writer.close(), options.limits.streamLifetimeMs)
      // The stored state may have moved between the ownership check and the subscription.
      check()
      return () => {
        defer(ticket.release())
        unsubscribe()
        clearInterval(heartbeat)
        clearInterval(poll)
        clearTimeout(lifetime)
      }
    },
    // Reconnects after the lifetime come back within a few seconds, spread so they do not arrive together.
    2000 + Math.floor(Math.random() * 2000),
  )
}
