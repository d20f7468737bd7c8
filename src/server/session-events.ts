import type { StoredSession } from './types'

type Listener = (session: StoredSession) => void

/** In-process fan-out of status changes to open SSE streams. */
export interface SessionEvents {
  subscribe(sessionId: string, listener: Listener): () => void
  publish(session: StoredSession): void
  /** Listeners attached right now (open streams). */
  readonly size: number
}

export function createSessionEvents(): SessionEvents {
  const listeners = new Map<string, Set<Listener>>()
  return {
    get size() {
      let n = 0
      for (const set of listeners.values()) n += set.size
      return n
    },
    subscribe(sessionId, listener) {
      const set = listeners.get(sessionId) ?? new Set()
      set.add(listener)
      listeners.set(sessionId, set)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(sessionId)
      }
    },
    publish(session) {
      for (const listener of listeners.get(session.id) ?? []) listener(session)
    },
  }
}
