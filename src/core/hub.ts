import type { VerifyClient } from './client'
import type { VerifyError } from './errors'
import { isTerminal } from './status'
import { type StatusTracker, trackSessionStatus } from './tracker'
import type { SessionSnapshot } from './types'

export interface StatusListener {
  onSnapshot(snapshot: SessionSnapshot): void
  onError?(error: VerifyError): void
}

export interface StatusWatch {
  /** Asks the backend now, for every listener of the session. */
  refresh(): void
  /** Stops listening; the stream closes when its last listener stops. Safe to call twice. */
  stop(): void
}

/**
 * The page's status subscriptions: one tracker (one EventSource, or one poll loop) per session,
 * shared by every store and hook that follows it, and the sessions whose terminal callbacks
 * already fired. State lives on the hub, never on the module: two hubs share nothing.
 */
export interface StatusHub {
  watch(sessionId: string, listener: StatusListener): StatusWatch
  /** Sessions whose terminal callbacks fired: they fire once per session per hub. */
  readonly settled: Set<string>
}

export function createStatusHub(client: VerifyClient, EventSource?: typeof globalThis.EventSource | null): StatusHub {
  const shared = new Map<string, [StatusTracker, Set<StatusListener>]>()
  return {
    watch(sessionId, listener) {
      let entry = shared.get(sessionId)
      if (!entry) {
        const listeners = new Set<StatusListener>()
        // The tracker stops by itself at a terminal status or an error no retry fixes: the next
        // watch opens a new one. (A listener may stop while it is told: a Set allows that.)
        const tell = (end: boolean, call: (l: StatusListener) => void) => {
          if (end) shared.delete(sessionId)
          for (const l of listeners) call(l)
        }
        entry = [
          trackSessionStatus({
            client,
            sessionId,
            EventSource,
            onSnapshot: (snapshot) => tell(isTerminal(snapshot.status), (l) => l.onSnapshot(snapshot)),
            onError: (error) => tell(!error.retryable, (l) => l.onError?.(error)),
          }),
          listeners,
        ]
        shared.set(sessionId, entry)
      }
      const [tracker, listeners] = entry
      listeners.add(listener)
      return {
        refresh: tracker.refresh,
        stop() {
          if (listeners.delete(listener) && !listeners.size) {
            tracker.stop()
            // Only if it is still this one: a stopped tracker may have been replaced already.
            if (shared.get(sessionId) === entry) shared.delete(sessionId)
          }
        },
      }
    },
    settled: new Set(),
  }
}
