import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerifyClient, type SessionStatus } from '../../../src/core'
import { createStatusHub } from '../../../src/core/hub'
import { createVerificationStore } from '../../../src/core/store'
import { FakeEventSource, fakeFetch, json, session, snapshot } from '../support/backend'

beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.reset()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  const s = session()
  const edge = fakeFetch({ 'POST /sessions': () => json(s, 201), 'GET /sessions/:id': () => json(snapshot(s, 'in_progress')) })
  const client = createVerifyClient({ fetch: edge.fetch })
  return { s, edge, client, hub: createStatusHub(client, FakeEventSource as never) }
}

describe('createStatusHub', () => {
  it('gives every watcher of one session the same stream, and closes it when the last one stops', () => {
    const { s, hub } = setup()
    const a: SessionStatus[] = []
    const b: SessionStatus[] = []
    const first = hub.watch(s.sessionId, { onSnapshot: (x) => a.push(x.status) })
    const second = hub.watch(s.sessionId, { onSnapshot: (x) => b.push(x.status) })
    expect(FakeEventSource.instances).toHaveLength(1)
    const stream = FakeEventSource.latest()
    stream.emitStatus(snapshot(s, 'in_progress'))
    expect([a, b]).toEqual([['in_progress'], ['in_progress']])
    first.stop()
    first.stop()
    expect(stream.closed).toBe(false)
    stream.emitStatus(snapshot(s, 'processing'))
    expect([a, b]).toEqual([['in_progress'], ['in_progress', 'processing']])
    second.stop()
    expect(stream.closed).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('opens a new stream for a watch after the last one ended at a terminal status', () => {
    const { s, hub } = setup()
    const seen: SessionStatus[] = []
    hub.watch(s.sessionId, { onSnapshot: (x) => seen.push(x.status) })
    FakeEventSource.latest().emitStatus(snapshot(s, 'verified'))
    expect(FakeEventSource.latest().closed).toBe(true)
    hub.watch(s.sessionId, { onSnapshot: (x) => seen.push(x.status) })
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(FakeEventSource.latest().closed).toBe(false)
  })

  it('keeps sessions apart: one stream per session', () => {
    const { s, hub } = setup()
    hub.watch(s.sessionId, { onSnapshot: () => {} })
    hub.watch('vs_other', { onSnapshot: () => {} })
    expect(FakeEventSource.instances.map((e) => e.url)).toEqual([
      `/api/verify/sessions/${s.sessionId}/events`,
      '/api/verify/sessions/vs_other/events',
    ])
  })

  it('two stores on one hub follow a session over one stream and fire its terminal event once', async () => {
    const { s, client, hub } = setup()
    const terminal = vi.fn()
    const stores = [0, 1].map(() => createVerificationStore({ client, hub, provider: 'facesign' }))
    for (const store of stores) {
      store.on((e) => e.type === 'terminal' && terminal(e.result.status))
      store.activate()
    }
    await stores[0]!.start()
    stores[1]!.resume(s.sessionId)
    expect(FakeEventSource.instances).toHaveLength(1)
    FakeEventSource.latest().emitStatus(snapshot(s, 'verified'))
    expect(stores.map((st) => st.getSnapshot().status)).toEqual(['verified', 'verified'])
    expect(terminal.mock.calls).toEqual([['verified']])
  })

  it('state lives on the hub: stores on separate hubs share nothing (no module-level set)', async () => {
    const { s, client } = setup()
    const terminal = vi.fn()
    for (const hub of [createStatusHub(client, FakeEventSource as never), createStatusHub(client, FakeEventSource as never)]) {
      const store = createVerificationStore({ client, hub, provider: 'facesign' })
      store.on((e) => e.type === 'terminal' && terminal(e.result.status))
      store.activate()
      store.resume(s.sessionId)
      FakeEventSource.latest().emitStatus(snapshot(s, 'verified'))
    }
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(terminal.mock.calls).toEqual([['verified'], ['verified']])
  })
})
