import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, type Stack, startStack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ handler: { heartbeatMs: 40, statusCacheMs: 60_000 } })
})
afterAll(() => stack.close())

/** Reads a text/event-stream until it ends or `until` says stop; returns the raw text. */
async function readStream(response: Response, until: (text: string) => boolean = () => false, onChunk?: (text: string) => void) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { text, ended: true }
    text += value
    onChunk?.(text)
    if (until(text)) {
      await reader.cancel()
      return { text, ended: false }
    }
  }
}

const statusEvents = (text: string) =>
  [...text.matchAll(/event: status\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!) as { status: string; sessionId: string })

describe('GET /sessions/:id/events', () => {
  it('sends retry, the snapshot at once, heartbeats, every change, and closes after a terminal status', async () => {
    const session = await (await stack.create('sse1')).json()
    const providerId = stack.sandbox.sessions().find((s) => s.url === session.url)!.id
    const response = await stack.api(`/sessions/${session.sessionId}/events`, { user: 'sse1' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    let driven = false
    const { text, ended } = await readStream(response, undefined, (sofar) => {
      // Once the first snapshot and a heartbeat are in, move the session along.
      if (!driven && sofar.includes(': heartbeat') && statusEvents(sofar).length === 1) {
        driven = true
        void stack.sandbox.start(providerId).then(() => stack.sandbox.complete(providerId, 'pass'))
      }
    })
    expect(ended).toBe(true)
    // The reconnect delay is spread over 2–4 s, so that streams ended together do not come back together.
    const retry = Number(/^retry: (\d+)\n\n/.exec(text)?.[1])
    expect(retry).toBeGreaterThanOrEqual(2000)
    expect(retry).toBeLessThan(4000)
    const statuses = statusEvents(text).map((e) => e.status)
    expect(statuses[0]).toBe('requires_input')
    expect(statuses.at(-1)).toBe('verified')
    expect(statuses).toContain('in_progress')
    expect(statusEvents(text).every((e) => e.sessionId === session.sessionId)).toBe(true)
  })

  it('closes right after the snapshot for a session that is already finished', async () => {
    const { sessionId } = await (await stack.create('sse2')).json()
    await stack.api(`/sessions/${sessionId}/cancel`, { method: 'POST', user: 'sse2' })
    const { text, ended } = await readStream(await stack.api(`/sessions/${sessionId}/events`, { user: 'sse2' }))
    expect(ended).toBe(true)
    expect(statusEvents(text).map((e) => e.status)).toEqual(['canceled'])
  })

  it('releases the subscription when the client goes away', async () => {
    const { sessionId } = await (await stack.create('sse3')).json()
    const controller = new AbortController()
    const response = await stack.api(`/sessions/${sessionId}/events`, { user: 'sse3', signal: controller.signal })
    let openWhileReading = 0
    await readStream(response, (t) => {
      openWhileReading = stack.handler.openStreams
      return t.includes('event: status')
    })
    expect(openWhileReading).toBe(1)
    controller.abort()
    await eventually(() => expect(stack.handler.openStreams).toBe(0))
    // The backend keeps working for everyone else.
    expect((await stack.api(`/sessions/${sessionId}`, { user: 'sse3' })).status).toBe(200)
  })
})
