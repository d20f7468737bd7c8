import type { VerifyClient } from './client'
import { toVerifyError, VerifyError } from './errors'
import { parseSessionSnapshot } from './guards'
import { isTerminal } from './status'
import type { SessionSnapshot } from './types'

export interface TrackStatusOptions {
  client: VerifyClient
  sessionId: string
  onSnapshot: (snapshot: SessionSnapshot) => void
  /** Errors while tracking; retryable ones are retried on their own. */
  onError?: (error: VerifyError) => void
  /** Defaults to the global EventSource; `null` polls only. */
  EventSource?: typeof EventSource | null
  minDelayMs?: number
  maxDelayMs?: number
}

export interface StatusTracker {
  /** Asks the backend now (focus, return from a redirect, a flow saying it is done). */
  refresh(): void
  /** Closes the stream, clears timers, removes listeners; safe to call twice. */
  stop(): void
}

/**
 * Follows one session: Server-Sent Events first, polling with backoff when the stream is not
 * available. Polling pauses while the page is hidden; everything stops at a terminal status.
 */
export function trackSessionStatus(options: TrackStatusOptions): StatusTracker {
  const { client, sessionId, onSnapshot, onError } = options
  const min = options.minDelayMs ?? 1000
  const max = options.maxDelayMs ?? 15_000
  let stopped = false
  let polling = false
  let inflight = false
  let delay = min
  let last: string | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let source: EventSource | undefined
  const hasDocument = typeof document !== 'undefined'

  function emit(snapshot: SessionSnapshot): boolean {
    const changed = snapshot.status !== last
    last = snapshot.status
    onSnapshot(snapshot)
    if (isTerminal(snapshot.status)) tracker.stop()
    return changed
  }

  function schedule(ms: number): void {
    clearTimeout(timer)
    if (!stopped && polling && !(hasDocument && document.hidden)) timer = setTimeout(poll, ms)
  }

  async function poll(): Promise<void> {
    if (stopped || inflight) return
    inflight = true
    let wait: number
    try {
      const snapshot = await client.getSession(sessionId)
      if (stopped) return
      delay = emit(snapshot) ? min : Math.min(delay * 2, max)
      wait = delay
    } catch (error) {
      if (stopped) return
      const e = toVerifyError(error)
      onError?.(e)
      if (!e.retryable) return tracker.stop()
      delay = Math.min(delay * 2, max)
      wait = Math.max(e.retryAfterMs ?? 0, delay)
    } finally {
      inflight = false
    }
    schedule(wait)
  }

  function startPolling(): void {
    source?.close()
    source = undefined
    polling = true
    void poll()
  }

  const onVisibility = () => (document.hidden ? clearTimeout(timer) : tracker.refresh())
  const onFocus = () => tracker.refresh()
  // pageshow covers a return through the back/forward cache, where no load or focus fires.
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    if (!hasDocument) return
    document[method]('visibilitychange', onVisibility)
    window[method]('focus', onFocus)
    window[method]('pageshow', onFocus)
  }

  const tracker: StatusTracker = {
    refresh() {
      delay = min
      void poll()
    },
    stop() {
      stopped = true
      clearTimeout(timer)
      source?.close()
      source = undefined
      listen('removeEventListener')
    },
  }

  listen('addEventListener')

  const ES = options.EventSource === undefined ? globalThis.EventSource : options.EventSource
  if (!ES) {
    startPolling()
    return tracker
  }
  const stream = new ES(client.eventsUrl(sessionId))
  source = stream
  let failures = 0
  stream.addEventListener('status', (event) => {
    failures = 0
    try {
      emit(parseSessionSnapshot(JSON.parse((event as MessageEvent<string>).data)))
    } catch (error) {
      onError?.(error instanceof VerifyError ? error : new VerifyError('invalid_response', 'The status stream sent invalid JSON.'))
    }
  })
  // The browser reconnects a dropped stream by itself; a stream that is refused outright or
  // keeps failing (a proxy that buffers SSE) falls back to polling.
  stream.addEventListener('error', () => {
    if (!stopped && source === stream && (stream.readyState === 2 || ++failures >= 3)) startPolling()
  })
  return tracker
}
