import type { SessionStore, StoredSession } from '../types'

type Listener = (session: StoredSession) => void

/** Fan-out of status changes to open SSE streams. */
export interface SessionEvents {
  subscribe(sessionId: string, listener: Listener): () => void
  publish(session: StoredSession): void
  /** Listeners attached right now (open streams). */
  readonly size: number
  /** Resolves once no stream is open. */
  idle(): Promise<void>
}

/**
 * In-process fan-out, and across processes when the store can `watch` (PostgreSQL): while any
 * stream is open here, changes committed by any instance are re-read from the store and published
 * to this instance's streams. The store is watched only while streams are open, so a handler that
 * serves none never opens a listening connection.
 */
export function createSessionEvents(store?: Pick<SessionStore, 'get' | 'watch'>, onError?: (error: unknown) => void): SessionEvents {
  const listeners = new Map<string, Set<Listener>>()
  const waiters: (() => void)[] = []
  let unwatch: (() => void) | undefined

  const publish = (session: StoredSession) => {
    for (const listener of listeners.get(session.id) ?? []) {
      // A stream that cannot take the write (an edge runtime refusing I/O across requests, a closed
      // connection) catches up from the store on its own check; it never fails the publisher.
      try {
        listener(session)
      } catch (error) {
        onError?.(error)
      }
    }
  }
  // A change elsewhere: read what was committed (streams drop snapshots they already sent).
  const reread = (sessionId: string) => {
    store
      ?.get(sessionId)
      .then((session) => session && publish(session))
      .catch((error: unknown) => onError?.(error))
  }
  const onRemoteChange = (sessionId: string | undefined) => {
    if (sessionId !== undefined) {
      if (listeners.has(sessionId)) reread(sessionId)
      return
    }
    // The store may have missed notifications (a dropped connection): every open stream re-reads.
    for (const id of listeners.keys()) reread(id)
  }

  return {
    idle() {
      return listeners.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))
    },
    get size() {
      let n = 0
      for (const set of listeners.values()) n += set.size
      return n
    },
    subscribe(sessionId, listener) {
      const set = listeners.get(sessionId) ?? new Set()
      set.add(listener)
      listeners.set(sessionId, set)
      if (!unwatch && store?.watch) unwatch = store.watch(onRemoteChange)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(sessionId)
        if (listeners.size === 0) for (const done of waiters.splice(0)) done()
        if (listeners.size === 0 && unwatch) {
          unwatch()
          unwatch = undefined
        }
      }
    },
    publish,
  }
}
