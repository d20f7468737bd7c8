import { createParser } from 'eventsource-parser'
import type { VerifyClient } from './client'
import { toVerifyError } from './errors'

// Loaded by the tracker only for a client with an identity token: EventSource sends no header.

/** EventSource's reconnection delay until the stream's `retry:` names one. */
const DEFAULT_RETRY_MS = 3000
/** A status event is well under 1 kB: a line longer than this is not one (a stream gone wrong), and is not buffered. */
const MAX_LINE_CHARS = 64 * 1024

export interface StatusStreamReader {
  /** Stops reading and reconnecting; safe to call twice. */
  close(): void
}

/**
 * A session's status stream read with fetch and a stream reader, as EventSource reads it: `status`
 * events to `onStatus` (their data), comments (heartbeats) skipped, `retry:` as the reconnection
 * delay, the last `id:` sent back as `Last-Event-ID`. `onError(refused)` after every connection that
 * ended: `refused` for an answer that is not a 200 event stream, or a token that cannot be had (read
 * no more), else it reconnects after the delay. Each connection asks the client for the token, so a
 * stream the service ended after its token expired (it ends streams every few minutes) comes back
 * with a new one.
 */
export function readStatusStream(
  client: VerifyClient,
  sessionId: string,
  onStatus: (data: string) => void,
  onError: (refused: boolean) => void,
): StatusStreamReader {
  let closed = false
  let retryMs = DEFAULT_RETRY_MS
  let lastEventId: string | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let abort: AbortController | undefined
  const parser = createParser({
    maxBufferSize: MAX_LINE_CHARS,
    // The connection is dropped, and the next one starts clean.
    onError: () => abort?.abort(),
    onEvent: (event) => event.event === 'status' && onStatus(event.data),
    onId: (id) => {
      lastEventId = id
    },
    onRetry: (ms) => {
      retryMs = ms
    },
  })

  async function connect(): Promise<void> {
    abort = new AbortController()
    // A line cut off by the end of the last connection is not the start of this one's.
    parser.reset()
    let refused = false
    try {
      const response = await client.send(client.eventsUrl(sessionId), {
        headers: { accept: 'text/event-stream', ...(lastEventId && { 'last-event-id': lastEventId }) },
        cache: 'no-store',
        signal: abort.signal,
      })
      // As EventSource: any other answer fails the stream for good (the tracker polls, and hears why).
      refused = !response.ok || !/^text\/event-stream/i.test(response.headers.get('content-type') ?? '')
      if (refused) void response.body?.cancel()
      else {
        const reader = response.body!.getReader()
        const decoder = new TextDecoder()
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
          parser.feed(decoder.decode(chunk.value, { stream: true }))
      }
    } catch (error) {
      // A dropped connection comes back, as EventSource's does; a token no retry brings does not.
      refused = !toVerifyError(error).retryable
    }
    if (closed) return
    onError(refused)
    if (!closed && !refused) timer = setTimeout(connect, retryMs)
  }

  void connect()
  return {
    close() {
      closed = true
      clearTimeout(timer)
      abort?.abort()
    },
  }
}
