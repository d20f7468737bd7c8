const encoder = new TextEncoder()

export interface SseWriter {
  event(name: string, data: unknown): void
  /** A comment line (heartbeat); skipped while the client is not keeping up. */
  comment(text: string): void
  close(): void
  readonly closed: boolean
  /** Whether the client reads what is sent: false once writes queue up unread. */
  readonly draining: boolean
}

/** Events queued unread before the stream gives up on its client (it keeps its slot otherwise). */
const MAX_UNREAD = 16
/** Heartbeats in a row that found the last ones still unread. */
const MAX_STALLED_BEATS = 3

/**
 * A text/event-stream Response. `start` gets a writer and returns a cleanup that runs exactly once,
 * whether the server closes the stream, the client goes away, or the client stops reading (then
 * writes pile up: past MAX_UNREAD the stream ends, and an EventSource that is still there reconnects).
 * `retry` tells the browser's EventSource how soon to reconnect.
 */
export function sseResponse(signal: AbortSignal, start: (writer: SseWriter) => () => void, retryMs = 3000): Response {
  let cleanup: (() => void) | undefined
  let closed = false
  let controller: ReadableStreamDefaultController<Uint8Array>
  let stalled = 0
  const finish = () => {
    if (closed) return
    closed = true
    cleanup?.()
  }
  const close = () => {
    if (closed) return
    finish()
    try {
      controller.close()
    } catch {
      // Already errored or cancelled by the runtime.
    }
  }
  const send = (text: string) => {
    if (closed) return
    if ((controller.desiredSize ?? 0) <= -MAX_UNREAD) {
      close()
      return
    }
    controller.enqueue(encoder.encode(text))
  }
  const writer: SseWriter = {
    event: (name, data) => send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => {
      if (writer.draining) {
        stalled = 0
        send(`: ${text}\n\n`)
      } else if (++stalled >= MAX_STALLED_BEATS) close()
    },
    close,
    get closed() {
      return closed
    },
    get draining() {
      return (controller.desiredSize ?? 0) > 0
    },
  }
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c
        send(`retry: ${retryMs}\n\n`)
        cleanup = start(writer)
        if (closed) cleanup()
        // A client gone before the stream began never fires 'abort' again: clean up now.
        if (signal.aborted) finish()
        else signal.addEventListener('abort', finish, { once: true })
      },
      cancel: finish,
    },
    // Room for a few events: more than that unread means the client is not reading.
    { highWaterMark: 4 },
  )
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise hold events back.
      'X-Accel-Buffering': 'no',
    },
  })
}
