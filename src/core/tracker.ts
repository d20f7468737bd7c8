import type { VerifyClient } from './client'
import { isBrowser } from './env'
import { toVerifyError, type VerifyError } from './errors'
import { parseSessionSnapshot } from './guards'
import { isTerminal } from './status'
import type { SessionSnapshot, SessionStatus } from './types'

export interface TrackStatusOptions {
  client: VerifyClient
  sessionId: string
  onSnapshot: (snapshot: SessionSnapshot) => void
  /** Errors while tracking; retryable ones are retried on their own. */
  onError?: (error: VerifyError) => void
  /**
   * Defaults to the global EventSource; `null` polls only. A client with an identity token reads
   * the stream with fetch instead (EventSource sends no header).
   */
  EventSource?: typeof EventSource | null
}

// Polling backs off from 1 s to 15 s while nothing changes.
const MIN_DELAY = 1000
const MAX_DELAY = 15_000

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
export function trackSessionStatus({
  client,
  sessionId,
  onSnapshot,
  onError,
  EventSource: Stream = globalThis.EventSource,
}: TrackStatusOptions): StatusTracker {
  let stopped = false
  let inflight = false
  let delay = MIN_DELAY
  let failures = 0
  let last: SessionStatus | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let source: { close(): void } | undefined
  const browser = isBrowser()

  function emit(snapshot: SessionSnapshot): void {
    // A change resets the polling backoff.
    if (snapshot.status !== last) delay = MIN_DELAY
    last = snapshot.status
    onSnapshot(snapshot)
    if (isTerminal(last)) stop()
  }

  async function poll(): Promise<void> {
    if (stopped || inflight) return
    inflight = true
    let wait = 0
    try {
      const snapshot = await client.getSession(sessionId)
      if (!stopped) emit(snapshot)
    } catch (error) {
      const e = toVerifyError(error)
      wait = e.retryAfterMs ?? 0
      if (!stopped) onError?.(e)
      if (!e.retryable) stop()
    }
    inflight = false
    clearTimeout(timer)
    // Polling runs once there is no stream (refused, failing, or none to begin with).
    if (!stopped && !source && !(browser && document.hidden)) timer = setTimeout(poll, Math.max(wait, delay))
    // Every poll without a change (or with a retryable error) doubles the next wait.
    delay = Math.min(delay * 2, MAX_DELAY)
  }

  function closeStream(): void {
    source?.close()
    source = undefined
  }

  function startPolling(): void {
    closeStream()
    void poll()
  }

  function refresh(): void {
    delay = MIN_DELAY
    void poll()
  }

  // One handler on window for visibilitychange (it bubbles up from the document), focus and
  // pageshow (a return through the back/forward cache, where no load or focus fires): a hidden
  // page pauses polling, anything else asks again.
  const wake = () => (document.hidden ? clearTimeout(timer) : refresh())
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    if (browser) for (const type of ['visibilitychange', 'focus', 'pageshow']) window[method](type, wake)
  }

  function stop(): void {
    stopped = true
    clearTimeout(timer)
    closeStream()
    listen('removeEventListener')
  }

  function onStatus(text: string): void {
    let data: unknown
    failures = 0
    try {
      data = JSON.parse(text)
    } catch {
      // Not JSON: the parser below reports it as an invalid answer.
    }
    try {
      emit(parseSessionSnapshot(data))
    } catch (error) {
      onError?.(toVerifyError(error))
    }
  }

  // A stream that is refused outright or keeps failing (a proxy that buffers SSE) falls back to polling.
  const onStreamError = (refused: boolean) => source && (refused || ++failures > 2) && startPolling()

  listen('addEventListener')
  // `EventSource: null` polls only. EventSource sends no header: with an identity token the stream
  // is read with fetch instead, by code that loads only then.
  if (Stream !== null && client.usesToken) {
    let reader: { close(): void } | undefined
    const opening = { close: () => reader?.close() }
    source = opening
    import('./event-stream').then(
      (m) => {
        if (source === opening) reader = m.readStatusStream(client, sessionId, onStatus, onStreamError)
      },
      () => onStreamError(true),
    )
  } else if (Stream) {
    const stream = new Stream(client.eventsUrl(sessionId))
    source = stream
    stream.addEventListener('status', (event) => onStatus((event as MessageEvent<string>).data))
    // The browser reconnects a dropped stream by itself.
    stream.addEventListener('error', () => onStreamError(stream.readyState === 2))
  } else startPolling()
  return { refresh, stop }
}
