const encoder = new TextEncoder()

export interface SseWriter {
  event(name: string, data: unknown): void
  comment(text: string): void
  close(): void
  readonly closed: boolean
}

/**
 * A text/event-stream Response. `start` gets a writer and returns a cleanup that runs exactly once,
 * whether the server closes the stream or the client goes away.
 */
export function sseResponse(signal: AbortSignal, start: (writer: SseWriter) => () => void): Response {
  let cleanup: (() => void) | undefined
  let closed = false
  const finish = () => {
    if (closed) return
    closed = true
    cleanup?.()
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text))
      }
      const writer: SseWriter = {
        event: (name, data) => send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
        comment: (text) => send(`: ${text}\n\n`),
        close() {
          if (closed) return
          finish()
          controller.close()
        },
        get closed() {
          return closed
        },
      }
      send('retry: 3000\n\n')
      cleanup = start(writer)
      if (closed) cleanup()
      // A client gone before the stream began never fires 'abort' again: clean up now.
      if (signal.aborted) finish()
      else signal.addEventListener('abort', finish, { once: true })
    },
    cancel: finish,
  })
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
