import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerifyClient, type SessionSnapshot, trackSessionStatus, type VerifyError } from '../../../src/core'
import { FakeEventSource, session, snapshot } from '../support/backend'
import { type EventStream, eventStream, recordingFetch, refuseToken } from '../support/token'

// The status stream of a client with an identity token: EventSource sends no header, so it is read
// with fetch and a stream reader, with EventSource's behaviour (retry:, id:, heartbeats, reconnection).

const T1 = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnLTE'
const T2 = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnLTI'

beforeAll(async () => {
  // Loaded on first use by the tracker and the client: loaded once here, as a browser keeps them cached.
  await Promise.all([import('../../../src/core/event-stream'), import('../../../src/core/token')])
})
beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.reset()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const flush = () => vi.advanceTimersByTimeAsync(0)

/**
 * A backend whose stream route hands each connection a stream the test writes to; `refuse` answers a
 * connection instead (a 401, a 404, a page that is not a stream); `GET /sessions/:id` polls.
 */
function setup(options: { tokenLifeMs?: number; refuse?: (n: number) => Response | undefined } = {}) {
  const s = session()
  const streams: EventStream[] = []
  const tokens = [T1, T2]
  const getToken = vi.fn(() => ({
    token: tokens[Math.min(getToken.mock.calls.length - 1, 1)]!,
    expiresAt: Date.now() + (options.tokenLifeMs ?? 120_000),
  }))
  const edge = recordingFetch({
    'GET /sessions/:id/events': (request) => {
      const refused = options.refuse?.(streams.length)
      const stream = eventStream(request)
      streams.push(stream)
      return refused ?? stream.response
    },
    'GET /sessions/:id': () => Response.json(snapshot(s, 'in_progress')),
  })
  const client = createVerifyClient({ fetch: edge.fetch, getToken })
  const seen: SessionSnapshot[] = []
  const errors: VerifyError[] = []
  const tracker = trackSessionStatus({
    client,
    sessionId: s.sessionId,
    onSnapshot: (x) => seen.push(x),
    onError: (e) => errors.push(e),
    EventSource: FakeEventSource as never,
  })
  const connections = () => edge.seen.filter((r) => r.path.endsWith('/events'))
  const polls = () => edge.seen.filter((r) => /^\/sessions\/[^/]+$/.test(r.path))
  return { s, streams, getToken, edge, client, seen, errors, tracker, connections, polls }
}

describe('the status stream with an identity token', () => {
  it('is read with fetch, the token in its Authorization header and never in its URL; no EventSource is opened', async () => {
    const { s, streams, seen, connections, tracker } = setup()
    await flush()
    expect(FakeEventSource.instances).toHaveLength(0)
    const [connection] = connections()
    expect(connection!.url).toBe(`http://localhost/api/verify/sessions/${s.sessionId}/events`)
    expect(connection!.headers.get('authorization')).toBe(`Bearer ${T1}`)
    expect(connection!.headers.get('accept')).toBe('text/event-stream')
    expect(connection!.url).not.toContain(T1)
    // As the service writes it: the retry line, the snapshot, heartbeats, a change split across chunks.
    streams[0]!.send('retry: 2500\n\n')
    streams[0]!.status(snapshot(s, 'in_progress'))
    streams[0]!.send(': heartbeat\n\n')
    const next = `event: status\ndata: ${JSON.stringify(snapshot(s, 'processing'))}\n\n`
    streams[0]!.send(next.slice(0, 20))
    await flush()
    expect(seen.map((x) => x.status)).toEqual(['in_progress'])
    streams[0]!.send(next.slice(20))
    await flush()
    expect(seen.map((x) => x.status)).toEqual(['in_progress', 'processing'])
    tracker.stop()
  })

  it('closes at a terminal status, and stop() aborts the reading fetch', async () => {
    const first = setup()
    await flush()
    first.streams[0]!.status(snapshot(first.s, 'verified'))
    await flush()
    expect(first.seen.map((x) => x.status)).toEqual(['verified'])
    expect(first.connections()[0]!.signal!.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(first.connections()).toHaveLength(1)

    const second = setup()
    await flush()
    second.tracker.stop()
    second.tracker.stop()
    expect(second.connections()[0]!.signal!.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(second.edge.seen).toHaveLength(1)
  })

  it('reconnects when the service ends it, after its retry delay, with Last-Event-ID and a new token once the old one is due', async () => {
    const { s, streams, getToken, connections, seen, polls, tracker } = setup({ tokenLifeMs: 60_000 })
    await flush()
    streams[0]!.send('retry: 2500\n\n')
    streams[0]!.status(snapshot(s, 'in_progress'), '41')
    await flush()
    // The service ends its streams every few minutes: by then the token is due for renewal.
    await vi.advanceTimersByTimeAsync(300_000)
    streams[0]!.end()
    await flush()
    await vi.advanceTimersByTimeAsync(2499)
    expect(connections()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(connections()).toHaveLength(2)
    const again = connections()[1]!
    expect(again.headers.get('last-event-id')).toBe('41')
    expect(again.headers.get('authorization')).toBe(`Bearer ${T2}`)
    expect(getToken).toHaveBeenCalledTimes(2)
    streams[1]!.status(snapshot(s, 'processing'))
    await flush()
    expect(seen.map((x) => x.status)).toEqual(['in_progress', 'processing'])
    expect(polls()).toHaveLength(0)
    tracker.stop()
  })

  it('a 401 token_expired on connecting: one new token, and the stream', async () => {
    const { s, streams, connections, seen, getToken, tracker } = setup({
      refuse: (n) => (n === 0 ? refuseToken('token_expired') : undefined),
    })
    await flush()
    expect(connections().map((r) => r.headers.get('authorization'))).toEqual([`Bearer ${T1}`, `Bearer ${T2}`])
    expect(getToken).toHaveBeenCalledTimes(2)
    streams[1]!.status(snapshot(s, 'processing'))
    await flush()
    expect(seen.map((x) => x.status)).toEqual(['processing'])
    tracker.stop()
  })

  for (const [name, answer] of [
    ['a token refused for good', () => refuseToken('token_signature_invalid')],
    ['a 404', () => Response.json({ error: { code: 'not_found', message: 'No such session.' } }, { status: 404 })],
    ['an answer that is not an event stream (a proxy’s page)', () => new Response('<html>', { headers: { 'content-type': 'text/html' } })],
  ] as const)
    it(`${name}: polling instead, with the token, as EventSource's refusal falls back today`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const { connections, polls, tracker } = setup({ refuse: () => answer() })
      await flush()
      expect(connections()).toHaveLength(1)
      expect(polls()).toHaveLength(1)
      expect(polls()[0]!.headers.get('authorization')).toBe(`Bearer ${T1}`)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(connections()).toHaveLength(1)
      tracker.stop()
    })

  it('three dropped connections in a row without a status fall back to polling; a status in between resets the count', async () => {
    const { s, streams, connections, polls, tracker } = setup()
    await flush()
    streams[0]!.drop()
    await vi.advanceTimersByTimeAsync(3000)
    streams[1]!.status(snapshot(s, 'in_progress'))
    await flush()
    streams[1]!.drop()
    await vi.advanceTimersByTimeAsync(3000)
    streams[2]!.drop()
    await vi.advanceTimersByTimeAsync(3000)
    expect(connections()).toHaveLength(4)
    expect(polls()).toHaveLength(0)
    streams[3]!.drop()
    await flush()
    expect(polls()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(connections()).toHaveLength(4)
    tracker.stop()
  })

  it('a line longer than any status event drops the connection instead of growing a buffer', async () => {
    const { s, streams, connections, seen, tracker } = setup()
    await flush()
    streams[0]!.send(`event: status\ndata: ${'x'.repeat(70 * 1024)}`)
    await flush()
    expect(connections()[0]!.signal!.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(3000)
    expect(connections()).toHaveLength(2)
    streams[1]!.status(snapshot(s, 'processing'))
    await flush()
    expect(seen.map((x) => x.status)).toEqual(['processing'])
    tracker.stop()
  })

  it('the reader alone: a refused stream is read no more, whoever listens', async () => {
    const { readStatusStream } = await import('../../../src/core/event-stream')
    const edge = recordingFetch({ 'GET /sessions/:id/events': () => refuseToken('token_audience_invalid') })
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const client = createVerifyClient({ fetch: edge.fetch, getToken: () => T1 })
    const heard: boolean[] = []
    const reader = readStatusStream(
      client,
      'vws_1',
      () => {},
      (refused) => heard.push(refused),
    )
    await flush()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(heard).toEqual([true])
    expect(edge.seen).toHaveLength(1)
    reader.close()
  })

  it('`EventSource: null` still polls only', async () => {
    const s = session()
    const edge = recordingFetch({ 'GET /sessions/:id': () => Response.json(snapshot(s, 'in_progress')) })
    const client = createVerifyClient({ fetch: edge.fetch, getToken: () => T1 })
    const tracker = trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: () => {}, EventSource: null })
    await flush()
    expect(edge.seen.map((r) => r.path)).toEqual([`/sessions/${s.sessionId}`])
    expect(edge.seen[0]!.headers.get('authorization')).toBe(`Bearer ${T1}`)
    tracker.stop()
  })

  it('without a token, EventSource as before', () => {
    const s = session()
    const client = createVerifyClient({ fetch: recordingFetch({}).fetch })
    const tracker = trackSessionStatus({ client, sessionId: s.sessionId, onSnapshot: () => {}, EventSource: FakeEventSource as never })
    expect(FakeEventSource.latest().url).toBe(`/api/verify/sessions/${s.sessionId}/events`)
    tracker.stop()
  })
})
