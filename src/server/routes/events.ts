import { isTerminal } from '../../core/status'
import { type HandlerContext, refreshFromProvider, toSnapshot } from '../context'
import { HttpError } from '../errors'
import { requireIdentity, requireOwnSession } from '../request-guards'
import { sseResponse } from '../sse'
import type { StoredSession } from '../types'

/**
 * `GET /sessions/:id/events`: the snapshot now and on every change, a heartbeat comment, and the
 * end of the stream after a terminal status. Webhooks drive the changes; the periodic check reads
 * the store, and the provider only through `refreshFromProvider` (one leased read per session with
 * backoff, on the shared budget), so a stream never adds provider calls of its own.
 */
export async function sessionEvents(ctx: HandlerContext, request: Request, id: string): Promise<Response> {
  const user = await requireIdentity(ctx, request)
  const initial = await requireOwnSession(ctx, id, user)
  const pollMs = Math.max(1000, ctx.options.statusCacheMs ?? 5000)
  const open = ctx.streamsByUser.get(user.id) ?? 0
  if (open >= (ctx.options.maxStreamsPerUser ?? 5)) {
    throw new HttpError(429, 'rate_limit_error', 'too_many_streams', 'Too many status streams are open. Close one or poll instead.', {
      'Retry-After': String(Math.ceil(pollMs / 1000)),
    })
  }
  ctx.streamsByUser.set(user.id, open + 1)
  const release = () => {
    const left = (ctx.streamsByUser.get(user.id) ?? 1) - 1
    if (left > 0) ctx.streamsByUser.set(user.id, left)
    else ctx.streamsByUser.delete(user.id)
  }

  return sseResponse(request.signal, (writer) => {
    let last = ''
    const push = (session: StoredSession) => {
      const snapshot = toSnapshot(session)
      const text = JSON.stringify(snapshot)
      if (text === last) return
      last = text
      writer.event('status', snapshot)
      if (isTerminal(session.status)) writer.close()
    }
    const unsubscribe = ctx.events.subscribe(id, push)
    const heartbeat = setInterval(() => writer.comment('heartbeat'), ctx.heartbeatMs)
    const poll = setInterval(() => {
      ctx.store
        .get(id)
        .then((session) => refreshFromProvider(ctx, session ?? initial))
        .then(push)
        .catch((error: unknown) => ctx.options.onError?.(error))
    }, pollMs)
    // The stored state may have moved between the ownership check and the subscription.
    ctx.store
      .get(id)
      .then((session) => push(session ?? initial))
      .catch(() => push(initial))
    return () => {
      release()
      unsubscribe()
      clearInterval(heartbeat)
      clearInterval(poll)
    }
  })
}
