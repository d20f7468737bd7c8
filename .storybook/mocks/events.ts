import { isTerminal } from '../../src/core/status'
import type { MockSession } from './sessions'

const encoder = new TextEncoder()

/**
 * The `GET /sessions/:id/events` stream of the contract: `retry`, a `status` event at once and on
 * every change (of the status, or of its `handoff` to a phone), heartbeat comments, and the end of
 * the stream after a terminal status.
 */
export function statusEventStream(session: MockSession, signal: AbortSignal, heartbeatMs: number): Response {
  let timers: ReturnType<typeof setInterval>[] = []
  const stop = () => {
    for (const t of timers) clearInterval(t)
    timers = []
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = ''
      const write = (text: string) => controller.enqueue(encoder.encode(text))
      const push = () => {
        const snapshot = session.snapshot()
        const state = `${snapshot.status} ${snapshot.handoff}`
        if (state === last) return
        last = state
        write(`event: status\ndata: ${JSON.stringify(snapshot)}\n\n`)
        if (isTerminal(snapshot.status)) {
          stop()
          controller.close()
        }
      }
      write('retry: 3000\n\n')
      timers.push(setInterval(push, 100))
      timers.push(setInterval(() => write(': heartbeat\n\n'), heartbeatMs))
      signal.addEventListener('abort', stop, { once: true })
      push()
    },
    cancel: stop,
  })
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } })
}
