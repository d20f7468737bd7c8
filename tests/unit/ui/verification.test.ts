import { act } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VerificationSession } from '../../../src/core'
import { createVerification } from '../../../src/ui/verification'
import { FakeEventSource, fakeFetch, json, session, snapshot, withFakeClockAndStream } from '../support/backend'

// createVerification without a framework: what a page with its own button (or none) gets.
const flush = withFakeClockAndStream()

afterEach(() => {
  for (const host of document.querySelectorAll('div[data-verify-widget]')) host.remove()
  document.body.replaceChildren()
})

function backend(s: VerificationSession = session()) {
  return fakeFetch({
    'POST /sessions': () => json(s, 201),
    'GET /sessions/:id': () => json(snapshot(s, 'in_progress')),
    'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
  })
}

/** The widget's own UI: a shadow root it adds to the page (the body, or the given container). */
const hosts = () => [...document.querySelectorAll<HTMLElement>('div[data-verify-widget]')]
const shadow = () => hosts()[0]?.shadowRoot ?? null
const iframes = () => hosts().flatMap((h) => [...(h.shadowRoot?.querySelectorAll('iframe') ?? [])])

describe('createVerification', () => {
  it('starts, opens its own dialog with the flow, reports each event once, and closes at the result', async () => {
    const s = session()
    const edge = backend(s)
    const v = createVerification({ provider: 'facesign', fetch: edge.fetch })
    const events: string[] = []
    for (const type of ['status', 'verified', 'failed', 'canceled', 'error'] as const) v.on(type, () => events.push(type))
    const onVerified = vi.fn()
    v.on('verified', onVerified)
    const done = v.start()
    // The button a page wires to start() shows this state at once, before the dialog's code has arrived.
    expect(v.getSnapshot().state.phase).toBe('starting')
    await flush()
    await expect(done).resolves.toMatchObject({ phase: 'active', sessionId: s.sessionId })
    const dialog = shadow()!.querySelector('dialog')!
    expect(dialog).toHaveAttribute('open')
    expect(dialog).toHaveAttribute('aria-label', 'Identity verification')
    expect(dialog.querySelector('iframe')).toHaveAttribute('allow', 'camera; microphone')
    // Without a container there is no status line or error beside a button: the page listens to events.
    expect(shadow()!.querySelector('[role="alert"], .vw-badge')).toBeNull()
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(onVerified).toHaveBeenCalledWith({ sessionId: s.sessionId, provider: 'facesign', status: 'verified', livemode: false })
    expect(events).toEqual(['status', 'status', 'verified'])
    expect(dialog).not.toHaveAttribute('open')
    expect(iframes()).toHaveLength(0)
    expect(edge.count('POST', '/sessions')).toBe(1)
  })

  it('destroy mid-flow leaves no listener, stream, timer, iframe or element behind', async () => {
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const v = createVerification({ provider: 'facesign', fetch: backend().fetch })
    await v.start()
    await flush()
    expect(iframes()).toHaveLength(1)
    v.destroy()
    v.destroy()
    await flush()
    expect(hosts()).toHaveLength(0)
    expect(iframes()).toHaveLength(0)
    expect(FakeEventSource.instances.every((e) => e.closed)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    for (const [type, fn] of add.mock.calls) expect(remove.mock.calls).toContainEqual([type, fn])
  })

  it('start, destroy, start: a destroyed instance starts nothing and says so; a new one starts', async () => {
    const edge = backend()
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const first = createVerification({ provider: 'facesign', fetch: edge.fetch })
    await first.start()
    first.destroy()
    await expect(first.start()).resolves.toEqual({ phase: 'idle' })
    expect(report).toHaveBeenCalledWith(expect.stringContaining('destroyed verification'))
    expect(edge.count('POST', '/sessions')).toBe(1)
    expect(hosts()).toHaveLength(0)

    const second = createVerification({ provider: 'facesign', fetch: edge.fetch })
    await second.start()
    await flush()
    expect(edge.count('POST', '/sessions')).toBe(2)
    expect(iframes()).toHaveLength(1)
    expect(FakeEventSource.instances.filter((e) => !e.closed)).toHaveLength(1)
    second.destroy()
  })

  it('a listener that throws is reported, and the others still hear the event', async () => {
    const s = session()
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const v = createVerification({ provider: 'facesign', fetch: backend(s).fetch })
    const after = vi.fn()
    v.on('verified', () => {
      throw new Error('integrator bug')
    })
    v.on('verified', after)
    await v.start()
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    expect(after).toHaveBeenCalledTimes(1)
    expect(report).toHaveBeenCalledWith(expect.stringContaining('verify-widget'), expect.objectContaining({ message: 'integrator bug' }))
    expect(v.getSnapshot().state).toMatchObject({ phase: 'done', status: 'verified' })
    v.destroy()
  })

  it('with a container: the status line, the badge and a readable error with "Try again", in its shadow root', async () => {
    const container = document.body.appendChild(document.createElement('section'))
    let calls = 0
    const s = session()
    const edge = fakeFetch({
      'POST /sessions': () => (calls++ === 0 ? json({ error: { type: 'api_error', code: 'boom', message: 'Boom.' } }, 500) : json(s, 201)),
    })
    const onError = vi.fn()
    const v = createVerification({ provider: 'facesign', fetch: edge.fetch, container })
    v.on('error', onError)
    await v.start()
    await flush()
    const root = container.querySelector('div[data-verify-widget]')!.shadowRoot!
    expect(root.querySelector('[role="alert"]')).toHaveTextContent('Something went wrong. Please try again.')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'VerifyError', code: 'boom', status: 500 }))
    ;(root.querySelector('.vw-retry') as HTMLButtonElement).click()
    await flush()
    expect(root.querySelector('[role="alert"]')).toBeNull()
    expect(root.querySelector('.vw-badge')).toHaveTextContent('Test mode')
    expect(root.querySelector('dialog')).toHaveAttribute('open')
    v.destroy()
    expect(container.children).toHaveLength(0)
  })

  it('inline mode without a container is refused at creation, naming the fix', () => {
    expect(() => createVerification({ provider: 'facesign', mode: 'inline' })).toThrow(/inline" needs a `container`/)
  })

  it('inline mode shows the flow in the container, and cancel() ends the session through the backend', async () => {
    const s = session()
    const edge = backend(s)
    const container = document.body.appendChild(document.createElement('div'))
    const onCanceled = vi.fn()
    const v = createVerification({ provider: 'facesign', mode: 'inline', fetch: edge.fetch, container })
    v.on('canceled', onCanceled)
    await v.start()
    const root = container.querySelector('div[data-verify-widget]')!.shadowRoot!
    expect(root.querySelector('dialog')).toBeNull()
    expect(root.querySelector('.vw-flow iframe')).not.toBeNull()
    await expect(v.cancel()).resolves.toMatchObject({ phase: 'done', status: 'canceled' })
    expect(edge.count('POST', `/sessions/${s.sessionId}/cancel`)).toBe(1)
    expect(onCanceled).toHaveBeenCalledWith(expect.objectContaining({ status: 'canceled' }))
    expect(root.querySelector('iframe')).toBeNull()
    v.destroy()
  })

  it('popup mode opens the window inside the click, before the code that fills it has loaded', async () => {
    const popup = { location: { href: '' }, close: vi.fn() } as unknown as Window
    // A real window is its own `window`.
    Object.assign(popup, { window: popup })
    const open = vi.spyOn(window, 'open').mockReturnValue(popup)
    const s = session({ provider: 'faceverify', url: 'https://start.faceverify.ai/s/abc', clientSecret: undefined })
    const v = createVerification({ provider: 'faceverify', mode: 'popup', fetch: backend(s).fetch })
    const started = v.start()
    // Synchronously, in the same task as the click.
    expect(open).toHaveBeenCalledTimes(1)
    await started
    expect(open).toHaveBeenCalledTimes(1)
    expect(popup.location.href).toBe('https://start.faceverify.ai/s/abc')
    v.destroy()
  })

  it('resumes a stored session when made, and follows it to its result', async () => {
    const s = session()
    sessionStorage.setItem('verify-widget:session', s.sessionId)
    const onVerified = vi.fn()
    const v = createVerification({ provider: 'facesign', fetch: backend(s).fetch })
    v.on('verified', onVerified)
    await flush()
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    expect(onVerified).toHaveBeenCalledTimes(1)
    v.destroy()
  })
})

describe('createVerification before its code has arrived', () => {
  it('a cancel while the code loads starts nothing', async () => {
    const edge = backend()
    const v = createVerification({ provider: 'facesign', fetch: edge.fetch })
    const started = v.start()
    await expect(v.cancel()).resolves.toEqual({ phase: 'idle' })
    await expect(started).resolves.toMatchObject({ phase: 'idle' })
    await flush()
    expect(edge.calls).toEqual([])
    expect(iframes()).toHaveLength(0)
    v.destroy()
  })

  it('a popup the browser blocks is reported as blocked, with the sentence that says so', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null)
    const container = document.body.appendChild(document.createElement('div'))
    const onError = vi.fn()
    const s = session({ provider: 'faceverify', url: 'https://start.faceverify.ai/s/abc', clientSecret: undefined })
    const v = createVerification({ provider: 'faceverify', mode: 'popup', fetch: backend(s).fetch, container })
    v.on('error', onError)
    await v.start()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'popup_blocked' }))
    const root = container.querySelector('div[data-verify-widget]')!.shadowRoot!
    expect(root.querySelector('[role="alert"]')).toHaveTextContent('The verification window was blocked. Allow pop-ups and try again.')
    v.destroy()
  })
})
