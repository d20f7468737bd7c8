import type { VerifyClient } from './client'
import { isBrowser } from './env'
import { invalidResponse, toVerifyError, VerifyError } from './errors'
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
  const { client, sessionId, onSnapshot, onError, minDelayMs: min = 1000, maxDelayMs: max = 15_000 } = options
  let stopped = false
  let polling = false
  let inflight = false
  let delay = min
  let last: string | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let source: EventSource | undefined
  const browser = isBrowser()

  function emit(snapshot: SessionSnapshot): boolean {
    const changed = snapshot.status !== last
    last = snapshot.status
    onSnapshot(snapshot)
    if (isTerminal(snapshot.status)) tracker.stop()
    return changed
  }

  function schedule(ms: number): void {
    clearTimeout(timer)
    if (!stopped && polling && !(browser && document.hidden)) timer = setTimeout(poll, ms)
  }

  async function poll(): Promise<void> {
    if (stopped || inflight) return
    inflight = true
    let changed = false
    let retryAfter = 0
    try {
      const snapshot = await client.getSession(sessionId)
      if (stopped) return
      changed = emit(snapshot)
    } catch (error) {
      if (stopped) return
      const e = toVerifyError(error)
      onError?.(e)
      if (!e.retryable) return tracker.stop()
      retryAfter = e.retryAfterMs ?? 0
    } finally {
      inflight = false
    }
    // A change resets the backoff; no change (or a retryable error) doubles it.
    delay = changed ? min : Math.min(delay * 2, max)
    schedule(Math.max(retryAfter, delay))
  }

  function closeStream(): void {
    source?.close()
    source = undefined
  }

  function startPolling(): void {
    closeStream()
    polling = true
    void poll()
  }

  const onVisibility = () => (document.hidden ? clearTimeout(timer) : tracker.refresh())
  const onFocus = () => tracker.refresh()
  // pageshow covers a return through the back/forward cache, where no load or focus fires.
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    if (!browser) return
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
      closeStream()
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
      onError?.(error instanceof VerifyError ? error : invalidResponse('JSON in the status stream'))
    }
  })
  // The browser reconnects a dropped stream by itself; a stream that is refused outright or
  // keeps failing (a proxy that buffers SSE) falls back to polling.
  stream.addEventListener('error', () => {
    if (!stopped && source === stream && (stream.readyState === 2 || ++failures >= 3)) startPolling()
  })
  return tracker
}
