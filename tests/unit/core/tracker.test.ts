import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerifyClient, type SessionSnapshot, type SessionStatus, trackSessionStatus, type VerifyError } from '../../../src/core'
import { apiError, FakeEventSource, fakeFetch, json, session, snapshot } from '../support/backend'

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
}

beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.reset()
})
afterEach(() => {
  setHidden(false)
  vi.useRealTimers()
})

function polled(statuses: SessionStatus[], s = session()) {
  let i = 0
  const edge = fakeFetch({ 'GET /sessions/:id': () => json(snapshot(s, statuses[Math.min(i++, statuses.length - 1)]!)) })
  const seen: SessionSnapshot[] = []
  const client = createVerifyClient({ fetch: edge.fetch })
  return { edge, seen, client, s }
}

describe('trackSessionStatus over Server-Sent Events', () => {
  it('applies status events and closes the stream at a terminal status', () => {
    const { seen, client, s } = polled([])
    const tracker = trackSessionStatus({
      client,
      sessionId: s.sessionId,
      onSnapshot: (x) => seen.push(x),
      EventSource: FakeEventSource as never,
    })
    const stream = FakeEventSource.latest()
    expect(stream.url).toBe(`/api/verify/sessions/${s.sessionId}/events`)
    stream.emitStatus(snapshot(s, 'in_progress'))
    stream.emitStatus(snapshot(s, 'verified'))
    expect(seen.map((x) => x.status)).toEqual(['in_progress', 'verified'])
    expect(stream.closed).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    tracker.stop()
  })

  it('reports malformed event data as invalid_response and keeps listening', () => {
    const { seen, client, s } = polled([])
    const errors: VerifyError[] = []
    trackSessionStatus({
      client,
      sessionId: s.sessionId,
      onSnapshot: (x) => seen.push(x),
      onError: (e) => errors.push(e),
      EventSource: FakeEventSource as never,
    })
    const stream = FakeEventSource.latest()
    stream.emitStatus('{not json')
    stream.emitStatus({ sessionId: s.sessionId })
    stream.emitStatus(snapshot(s, 'processing'))
    expect(errors.map((e) => e.code)).toEqual(['invalid_response', 'invalid_response'])
    expect(seen.map((x) => x.status)).toEqual(['processing'])
    expect(stream.closed).toBe(false)
  })

  it('falls back to polling when the stream is refused', async () => {
    const { edge, seen, client, s } = polled(['in_progress', 'verified'])
    trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: (x) => seen.push(x), EventSource: FakeEventSource as never })
    FakeEventSource.latest().fail(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(seen.map((x) => x.status)).toEqual(['in_progress'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(seen.map((x) => x.status)).toEqual(['in_progress', 'verified'])
    expect(edge.count('GET', /^\/sessions\//)).toBe(2)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(edge.count('GET', /^\/sessions\//)).toBe(2)
  })

  it('refresh() while the stream is open asks the backend once and starts no polling', async () => {
    const { edge, seen, client, s } = polled(['processing'])
    const tracker = trackSessionStatus({
      client,
      sessionId: s.sessionId,
      onSnapshot: (x) => seen.push(x),
      EventSource: FakeEventSource as never,
    })
    tracker.refresh()
    await vi.advanceTimersByTimeAsync(0)
    expect(seen.map((x) => x.status)).toEqual(['processing'])
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(edge.calls).toHaveLength(1)
    expect(FakeEventSource.latest().closed).toBe(false)
    tracker.stop()
  })

  it('lets the browser reconnect a dropped stream, and polls after three failures in a row', async () => {
    const { edge, client, s } = polled(['in_progress'])
    trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: () => {}, EventSource: FakeEventSource as never })
    const stream = FakeEventSource.latest()
    stream.fail()
    stream.fail()
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.calls).toHaveLength(0)
    stream.fail()
    await vi.advanceTimersByTimeAsync(0)
    expect(stream.closed).toBe(true)
    expect(edge.calls).toHaveLength(1)
  })
})

describe('trackSessionStatus by polling', () => {
  it('backs off from 1 s to 15 s while nothing changes', async () => {
    const { edge, client, s } = polled(['in_progress'])
    const tracker = trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: () => {}, EventSource: null })
    const at: number[] = []
    const start = Date.now()
    for (let i = 0; i < 8; i++) {
      const before = edge.calls.length
      while (edge.calls.length === before) await vi.advanceTimersByTimeAsync(100)
      at.push(Date.now() - start)
    }
    const gaps = at.slice(1).map((t, i) => Math.round((t - at[i]!) / 1000))
    expect(gaps).toEqual([2, 4, 8, 15, 15, 15, 15])
    tracker.stop()
  })

  it('resets the delay when the status changes', async () => {
    const { edge, client, s } = polled(['requires_input', 'requires_input', 'in_progress', 'in_progress'])
    const tracker = trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: () => {}, EventSource: null })
    await vi.advanceTimersByTimeAsync(0) // 1st: requires_input (changed from nothing) → next in 1 s
    await vi.advanceTimersByTimeAsync(1000) // 2nd: unchanged → next in 2 s
    await vi.advanceTimersByTimeAsync(2000) // 3rd: in_progress (changed) → next in 1 s
    expect(edge.calls).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1000)
    expect(edge.calls).toHaveLength(4)
    tracker.stop()
  })

  it('waits as long as Retry-After asks after a 429', async () => {
    const s = session()
    let n = 0
    const edge = fakeFetch({
      'GET /sessions/:id': () =>
        n++ === 0 ? apiError(429, 'rate_limit_error', 'Slow down', { 'Retry-After': '10' }) : json(snapshot(s, 'in_progress')),
    })
    const errors: string[] = []
    const tracker = trackSessionStatus({
      client: createVerifyClient({ fetch: edge.fetch }),
      sessionId: s.sessionId,
      onSnapshot: () => {},
      onError: (e) => errors.push(e.code),
      EventSource: null,
    })
    await vi.advanceTimersByTimeAsync(9_900)
    expect(edge.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(edge.calls).toHaveLength(2)
    expect(errors).toEqual(['rate_limited'])
    tracker.stop()
  })

  it('stops on an error that cannot succeed later (404)', async () => {
    const edge = fakeFetch({})
    const errors: string[] = []
    trackSessionStatus({
      client: createVerifyClient({ fetch: edge.fetch }),
      sessionId: 'vs_x',
      onSnapshot: () => {},
      onError: (e) => errors.push(e.code),
      EventSource: null,
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(errors).toEqual(['not_found'])
    expect(edge.calls).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('pauses while the page is hidden and asks again when it is shown or focused', async () => {
    const { edge, client, s } = polled(['in_progress'])
    const tracker = trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: () => {}, EventSource: null })
    await vi.advanceTimersByTimeAsync(0)
    setHidden(true)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(edge.calls).toHaveLength(1)
    setHidden(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.calls).toHaveLength(2)
    window.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.calls).toHaveLength(3)
    // A return through the back/forward cache fires pageshow, and neither load nor focus.
    window.dispatchEvent(new Event('pageshow'))
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.calls).toHaveLength(4)
    tracker.stop()
    window.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(edge.calls).toHaveLength(4)
  })

  it('stop() is idempotent and leaves no timer, stream or listener behind', async () => {
    const { client, s } = polled(['in_progress'])
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const tracker = trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: () => {}, EventSource: FakeEventSource as never })
    FakeEventSource.latest().fail(true)
    await vi.advanceTimersByTimeAsync(0)
    tracker.stop()
    tracker.stop()
    expect(vi.getTimerCount()).toBe(0)
    expect(FakeEventSource.latest().closed).toBe(true)
    const added = add.mock.calls.map((c) => c[0]).sort()
    const removed = remove.mock.calls.map((c) => c[0]).sort()
    expect(removed).toEqual(expect.arrayContaining(added))
    add.mockRestore()
    remove.mockRestore()
  })
})
