import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerifyClient, type VerificationEvent, type VerificationStoreOptions } from '../../../src/core'
import { SESSION_STORAGE_KEY } from '../../../src/core/storage'
import { createVerificationStore } from '../../../src/core/store'
import { apiError, FakeEventSource, fakeFetch, json, session, snapshot } from '../support/backend'

beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.reset()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function setup(routes: Parameters<typeof fakeFetch>[0], options: Partial<VerificationStoreOptions> = {}) {
  const edge = fakeFetch(routes)
  const store = createVerificationStore({
    client: createVerifyClient({ fetch: edge.fetch }),
    provider: 'facesign',
    EventSource: FakeEventSource as never,
    ...options,
  })
  const events: VerificationEvent[] = []
  store.on((e) => events.push(e))
  const phases: string[] = []
  store.subscribe(() => {
    const p = store.getSnapshot().phase
    if (phases.at(-1) !== p) phases.push(p)
  })
  const deactivate = store.activate()
  return { edge, store, events, phases, deactivate }
}

const post = (data: unknown, source: MessageEventSource | null) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin: 'https://verify.facesign.ai', source }))

describe('verification store', () => {
  it('goes idle → starting → active → done and fires the terminal event once', async () => {
    const s = session()
    const { store, events, phases } = setup({ 'POST /sessions': () => json(s, 201) })
    expect(store.getSnapshot().phase).toBe('idle')
    await store.start()
    expect(store.getSnapshot()).toMatchObject({ phase: 'active', sessionId: s.sessionId, status: 'requires_input', livemode: false })
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe(s.sessionId)
    const stream = FakeEventSource.latest()
    stream.emitStatus(snapshot(s, 'in_progress'))
    stream.emitStatus(snapshot(s, 'processing'))
    stream.emitStatus(snapshot(s, 'verified'))
    stream.emitStatus(snapshot(s, 'verified'))
    expect(phases).toEqual(['starting', 'active', 'done'])
    expect(events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.result.status)).toEqual([
      'requires_input',
      'in_progress',
      'processing',
      'verified',
    ])
    expect(events.filter((e) => e.type === 'terminal')).toHaveLength(1)
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
    expect(stream.closed).toBe(true)
  })

  it('never moves back from a terminal status', async () => {
    const s = session()
    const { store } = setup({ 'POST /sessions': () => json(s, 201) })
    await store.start()
    FakeEventSource.latest().emitStatus(snapshot(s, 'failed'))
    FakeEventSource.latest().emitStatus(snapshot(s, 'in_progress'))
    expect(store.getSnapshot().status).toBe('failed')
  })

  it('shares one request between concurrent starts (double click)', async () => {
    const s = session()
    const { store, edge } = setup({ 'POST /sessions': () => json(s, 201) })
    await Promise.all([store.start(), store.start(), store.start()])
    await store.start()
    expect(edge.count('POST', '/sessions')).toBe(1)
  })

  it.each([
    ['a 500', () => apiError(500, 'api_error', 'boom'), 'server_error'],
    ['a 429', () => apiError(429, 'rate_limit_error', 'slow', { 'Retry-After': '30' }), 'rate_limited'],
    ['malformed JSON', () => new Response('nope', { status: 201 }), 'invalid_response'],
    ['a network failure', () => Promise.reject(new TypeError('offline')), 'network_error'],
  ])('ends %s in the error phase, and start() tries again', async (_, failing, code) => {
    const s = session()
    let first = true
    const { store, events } = setup({
      'POST /sessions': () => {
        if (!first) return json(s, 201)
        first = false
        return failing() as Response
      },
    })
    await store.start()
    expect(store.getSnapshot()).toMatchObject({ phase: 'error', error: expect.objectContaining({ code }) })
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ code }) }])
    await store.start()
    expect(store.getSnapshot().phase).toBe('active')
    expect(store.getSnapshot().error).toBeUndefined()
  })

  it('a start from an error listener is a new attempt, and a double click then still makes one request', async () => {
    const s = session()
    let calls = 0
    const { store, edge } = setup({
      'POST /sessions': () => (++calls === 1 ? Promise.reject(new TypeError('offline')) : json(s, 201)),
    })
    // React may run an effect that retries inside the failing attempt (a sync re-render on the error).
    const retried: Promise<unknown>[] = []
    store.on((e) => {
      if (e.type === 'error' && retried.length === 0) retried.push(store.start(), store.start())
    })
    await store.start()
    await Promise.all(retried)
    expect(edge.count('POST', '/sessions')).toBe(2)
    expect(store.getSnapshot()).toMatchObject({ phase: 'active', sessionId: s.sessionId })
  })

  it('cancels through the backend and reports canceled once', async () => {
    const s = session()
    const { store, events, edge } = setup({
      'POST /sessions': () => json(s, 201),
      'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
    })
    await store.start()
    await store.cancel()
    expect(edge.count('POST', `/sessions/${s.sessionId}/cancel`)).toBe(1)
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', status: 'canceled' })
    expect(events.filter((e) => e.type === 'terminal')).toEqual([
      { type: 'terminal', result: expect.objectContaining({ status: 'canceled' }) },
    ])
  })

  it('a cancel while starting cancels the session as soon as it exists', async () => {
    const s = session()
    const { store, edge } = setup({
      'POST /sessions': () => json(s, 201),
      'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
    })
    const started = store.start()
    await store.cancel()
    await started
    expect(edge.count('POST', `/sessions/${s.sessionId}/cancel`)).toBe(1)
    expect(store.getSnapshot().status).toBe('canceled')
  })

  it('drives the FaceSign iframe: completed asks the backend, canceled cancels', async () => {
    const s = session()
    const { store, edge } = setup({
      'POST /sessions': () => json(s, 201),
      'GET /sessions/:id': () => json(snapshot(s, 'processing')),
      'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
    })
    await store.start()
    const host = document.body.appendChild(document.createElement('div'))
    const detach = store.attachFlow(host)
    const frame = host.querySelector('iframe')!.contentWindow
    // The browser never decides the result: "completed" only makes the store ask the backend.
    post({ source: 'facesign-flow', type: 'completed', status: 'verified' }, frame)
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.count('GET', `/sessions/${s.sessionId}`)).toBe(1)
    expect(store.getSnapshot().status).toBe('processing')
    post({ source: 'facesign-flow', type: 'canceled' }, frame)
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getSnapshot().status).toBe('canceled')
    expect(host.querySelector('iframe')).toBeNull()
    detach()
  })

  /** A started FaceSign session shown in a flow iframe, whose refresh route answers `freshUrl`. */
  async function shownWithRefresh(freshUrl: string, overrides: Parameters<typeof session>[0] = {}) {
    const s = session(overrides)
    const { store, edge } = setup({
      'POST /sessions': () => json(s, 201),
      'POST /sessions/:id/refresh': () => json({ sessionId: s.sessionId, clientSecret: 'fresh', url: freshUrl }),
    })
    await store.start()
    const host = document.body.appendChild(document.createElement('div'))
    store.attachFlow(host)
    return { s, store, edge, host }
  }

  it('refreshes an expired client secret once, then gives up', async () => {
    const { s, store, edge, host } = await shownWithRefresh('https://verify.facesign.ai/?client_secret=fresh')
    const frame = () => host.querySelector('iframe')?.contentWindow ?? null
    post({ source: 'facesign-flow', type: 'expired' }, frame())
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.count('POST', `/sessions/${s.sessionId}/refresh`)).toBe(1)
    expect(new URL(host.querySelector('iframe')!.src).searchParams.get('client_secret')).toBe('fresh')
    post({ source: 'facesign-flow', type: 'expired' }, frame())
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.count('POST', `/sessions/${s.sessionId}/refresh`)).toBe(1)
    expect(store.getSnapshot()).toMatchObject({ phase: 'error', error: expect.objectContaining({ code: 'session_expired' }) })
  })

  it('refuses a refreshed secret whose flow URL is on a host that is not allowed', async () => {
    const { store, host } = await shownWithRefresh('https://phish.example/?client_secret=fresh')
    post({ source: 'facesign-flow', type: 'expired' }, host.querySelector('iframe')!.contentWindow)
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getSnapshot()).toMatchObject({ phase: 'error', error: expect.objectContaining({ code: 'untrusted_url' }) })
    expect(host.querySelector('iframe')).toBeNull()
  })

  it('refreshes a secret that has already expired before showing the flow', async () => {
    const { s, edge, host } = await shownWithRefresh('https://verify.facesign.ai/?client_secret=fresh', {
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(edge.count('POST', `/sessions/${s.sessionId}/refresh`)).toBe(1)
    expect(new URL(host.querySelector('iframe')!.src).searchParams.get('client_secret')).toBe('fresh')
  })

  it('resumes the stored session id on activation', async () => {
    const s = session()
    sessionStorage.setItem(SESSION_STORAGE_KEY, s.sessionId)
    const { store, events } = setup({})
    expect(store.getSnapshot()).toMatchObject({ phase: 'active', sessionId: s.sessionId })
    FakeEventSource.latest().emitStatus(snapshot(s, 'verified'))
    expect(events.filter((e) => e.type === 'terminal')).toHaveLength(1)
  })

  it('forgets a stored id the backend does not know, without an error', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, 'vs_gone')
    const { store, events } = setup({}, { EventSource: null })
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getSnapshot().phase).toBe('idle')
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
    expect(events).toEqual([])
  })

  it('leaves a stored session of the other provider alone', () => {
    const s = session({ provider: 'faceverify' })
    sessionStorage.setItem(SESSION_STORAGE_KEY, s.sessionId)
    const { store } = setup({})
    FakeEventSource.latest().emitStatus(snapshot(s, 'in_progress'))
    expect(store.getSnapshot().phase).toBe('idle')
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe(s.sessionId)
  })

  it('deactivation stops tracking; reactivation (StrictMode) picks it up again', async () => {
    const s = session()
    const { store, deactivate } = setup({ 'POST /sessions': () => json(s, 201) })
    await store.start()
    await vi.advanceTimersByTimeAsync(0) // jsdom queues a storage event on a timer
    deactivate()
    expect(FakeEventSource.latest().closed).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    store.activate()
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(FakeEventSource.latest().closed).toBe(false)
  })
})

describe('verification store: FaceVerify and popups', () => {
  it('refuses a session link on an unknown host: nothing navigates', async () => {
    const s = session({ provider: 'faceverify', url: 'https://phish.example/s/abc', clientSecret: undefined })
    const open = vi.spyOn(window, 'open')
    const { store } = setup({ 'POST /sessions': () => json(s, 201) }, { provider: 'faceverify', mode: 'redirect' })
    const href = window.location.href
    await store.start()
    expect(store.getSnapshot()).toMatchObject({ phase: 'error', error: expect.objectContaining({ code: 'untrusted_url' }) })
    expect(window.location.href).toBe(href)
    expect(open).not.toHaveBeenCalled()
  })

  it('opens the popup inside the click and sends it to the allowed link', async () => {
    const s = session({ provider: 'faceverify', url: 'https://start.faceverify.ai/s/abc', clientSecret: undefined })
    const popup = { location: { href: '' }, close: vi.fn() }
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const { store } = setup({ 'POST /sessions': () => json(s, 201) }, { provider: 'faceverify', mode: 'popup' })
    const started = store.start()
    expect(open).toHaveBeenCalledTimes(1)
    await started
    expect(popup.location.href).toBe('https://start.faceverify.ai/s/abc')
    expect(store.getSnapshot().phase).toBe('active')
  })

  it('a second start reopens the running session in a new popup, without a new session', async () => {
    const s = session({ provider: 'faceverify', url: 'https://start.faceverify.ai/s/abc', clientSecret: undefined })
    const popups = [0, 1].map(() => ({ location: { href: '' }, close: vi.fn() }))
    const open = vi.spyOn(window, 'open')
    for (const p of popups) open.mockReturnValueOnce(p as unknown as Window)
    const { store, edge } = setup({ 'POST /sessions': () => json(s, 201) }, { provider: 'faceverify', mode: 'popup' })
    await store.start()
    await store.start()
    expect(edge.count('POST', '/sessions')).toBe(1)
    expect(popups.map((p) => p.location.href)).toEqual([s.url, s.url])
    open.mockReturnValueOnce(null)
    await store.start()
    expect(store.getSnapshot().error?.code).toBe('popup_blocked')
  })

  it('closes the popup and refuses an unknown host', async () => {
    const s = session({ provider: 'faceverify', url: 'https://phish.example/s/abc', clientSecret: undefined })
    const popup = { location: { href: '' }, close: vi.fn() }
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const { store } = setup({ 'POST /sessions': () => json(s, 201) }, { provider: 'faceverify', mode: 'popup' })
    await store.start()
    expect(popup.location.href).toBe('')
    expect(popup.close).toHaveBeenCalled()
    expect(store.getSnapshot().error?.code).toBe('untrusted_url')
  })

  it('reports a blocked popup without creating a session', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null)
    const { store, edge } = setup({ 'POST /sessions': () => json(session(), 201) }, { mode: 'popup' })
    await store.start()
    expect(store.getSnapshot().error?.code).toBe('popup_blocked')
    expect(edge.calls).toHaveLength(0)
  })

  it("a listener that throws is the integrator's bug: reported, never the error state, the flow carries on", async () => {
    const s = session()
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { store, events } = setup({ 'POST /sessions': () => json(s, 201) })
    const boom = new Error('integrator bug')
    store.on(() => {
      throw boom
    })
    const after = vi.fn()
    store.on(after)
    await store.start()
    expect(store.getSnapshot()).toMatchObject({ phase: 'active', status: 'requires_input' })
    FakeEventSource.latest().emitStatus(snapshot(s, 'in_progress'))
    FakeEventSource.latest().emitStatus(snapshot(s, 'verified'))
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', status: 'verified' })
    expect(store.getSnapshot().error).toBeUndefined()
    expect(events.some((e) => e.type === 'error')).toBe(false)
    expect(events.filter((e) => e.type === 'terminal')).toHaveLength(1)
    // The listener after the throwing one still hears every event.
    expect(after).toHaveBeenCalledTimes(events.length)
    expect(report).toHaveBeenCalledWith(expect.stringContaining('verify-widget'), boom)
  })

  it('an onSnapshot option that throws is reported too; the store still applies the status', async () => {
    const s = session()
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { store } = setup(
      { 'POST /sessions': () => json(s, 201) },
      {
        onSnapshot: () => {
          throw new Error('cache writer bug')
        },
      },
    )
    await store.start()
    FakeEventSource.latest().emitStatus(snapshot(s, 'verified'))
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', status: 'verified' })
    expect(store.getSnapshot().error).toBeUndefined()
    expect(report).toHaveBeenCalledTimes(1)
  })

  it('setOptions changes country and allowedHosts in place, for the next use, without a restart', async () => {
    const s = session()
    const { store, edge } = setup({ 'POST /sessions': () => json(s, 201) }, { country: 'US' })
    store.setOptions({ country: 'FR', allowedHosts: ['verify.facesign.ai'] })
    await store.start()
    expect(edge.calls[0]).toMatchObject({ body: { provider: 'facesign', country: 'FR' } })
    const stream = FakeEventSource.latest()
    store.setOptions({ country: 'DE' })
    expect(store.getSnapshot()).toMatchObject({ phase: 'active', sessionId: s.sessionId })
    expect(stream.closed).toBe(false)
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  describe('start() and cancel() promises (never reject; resolve with the state they end in)', () => {
    it('start() resolves with the active state, and with the error state (never a rejection)', async () => {
      const s = session()
      let calls = 0
      const { store } = setup({
        'POST /sessions': () => (++calls === 1 ? apiError(503, 'api_error', 'down', {}, 'provider_unavailable') : json(s, 201)),
      })
      const failed = await store.start()
      expect(failed).toMatchObject({ phase: 'error', error: expect.objectContaining({ code: 'provider_unavailable', status: 503 }) })
      expect(failed).toBe(store.getSnapshot())
      await expect(store.start()).resolves.toMatchObject({ phase: 'active', sessionId: s.sessionId, status: 'requires_input' })
    })

    it('cancel() resolves with done/canceled, with idle when nothing runs, and with the error state when the backend fails', async () => {
      const s = session()
      let down = true
      const { store } = setup({
        'POST /sessions': () => json(s, 201),
        'POST /sessions/:id/cancel': () => (down ? Promise.reject(new TypeError('offline')) : json(snapshot(s, 'canceled'))),
      })
      await expect(store.cancel()).resolves.toMatchObject({ phase: 'idle' })
      await store.start()
      await expect(store.cancel()).resolves.toMatchObject({ phase: 'error', error: expect.objectContaining({ code: 'network_error' }) })
      down = false
      await store.start()
      await expect(store.cancel()).resolves.toMatchObject({ phase: 'done', status: 'canceled' })
    })

    it('a cancel() while starting resolves once the session it ends is canceled', async () => {
      const s = session()
      const { store } = setup({
        'POST /sessions': () => json(s, 201),
        'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
      })
      const started = store.start()
      const canceled = await store.cancel()
      expect(canceled).toMatchObject({ phase: 'done', status: 'canceled', sessionId: s.sessionId })
      await expect(started).resolves.toBe(canceled)
    })
  })
})
