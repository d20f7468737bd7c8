import { act } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { VerifyEvent, VerifyEventType } from '../../../src/ui/types'
import { createVerification } from '../../../src/ui/verification'
import { FakeEventSource, fakeFetch, json, session, snapshot, withFakeClockAndStream } from '../support/backend'

// The typed UI events (onEvent, `event` listeners, `verify-event`): what each step of the widget reports.
const flush = withFakeClockAndStream()
/** Lets lazily loaded code (the views' chunk, its strings, the QR encoder) and the answers after it arrive. */
async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await flush()
}

beforeAll(async () => {
  // Loaded once, as a browser caches a chunk (see tests/unit/setup.ts).
  await Promise.all([import('../../../src/ui/device'), import('../../../src/ui/qr'), import('../../../src/react/locales/device/catalogs')])
})

const camera = navigator.mediaDevices
afterEach(() => {
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: camera })
  for (const host of document.querySelectorAll('div[data-verify-widget]')) host.remove()
})

const shadow = () => document.querySelector('div[data-verify-widget]')?.shadowRoot ?? null
const noCamera = () =>
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { enumerateDevices: async () => [{ kind: 'audioinput' }] },
  })

function record(v: ReturnType<typeof createVerification>) {
  const events: VerifyEvent[] = []
  v.on('event', (e) => events.push(e))
  return events
}

describe('VerifyEvent', () => {
  it('is a closed union of ten types', () => {
    expectTypeOf<VerifyEventType>().toEqualTypeOf<
      | 'camera_checked'
      | 'camera_denied'
      | 'flow_opened'
      | 'flow_loaded'
      | 'flow_load_failed'
      | 'handoff_shown'
      | 'handoff_opened'
      | 'status_changed'
      | 'retried'
      | 'closed'
    >()
    expectTypeOf<Extract<VerifyEvent, { type: 'flow_load_failed' }>>().toEqualTypeOf<{
      type: 'flow_load_failed'
      sessionId: string
      reason: 'blocked' | 'timeout'
      ms: number
    }>()
  })

  it('no camera: checked, a link made with no session created, its link to the handoff listener only, opened once, then the result', async () => {
    noCamera()
    const s = session()
    const link = `https://shop.example/verify#handoff=${'A'.repeat(43)}`
    const edge = fakeFetch({
      'POST /handoffs': () =>
        json(
          { session: { ...snapshot(s, 'requires_input'), handoff: 'waiting' }, handoff: { url: link, expiresAt: '2099-01-01T00:00:00Z' } },
          201,
        ),
    })
    const v = createVerification({ provider: 'facesign', fetch: edge.fetch })
    const events = record(v)
    const links: unknown[] = []
    v.on('handoff', (l) => links.push(l))
    await v.start()
    await settle()
    expect(edge.count('POST', '/sessions')).toBe(0)
    expect(edge.calls.find((c) => c.path === '/handoffs')?.body).toEqual({ provider: 'facesign' })
    expect(links).toEqual([{ sessionId: s.sessionId, url: link, expiresAt: '2099-01-01T00:00:00Z' }])
    const dialog = shadow()!.querySelector('dialog')!
    expect(dialog).toHaveAttribute('open')
    expect(dialog.querySelector('.vw-link')).toHaveTextContent(link)
    expect(dialog.querySelector('.vw-device-text')).not.toHaveAttribute('hidden')
    expect(dialog.querySelector('svg[role="img"]')).toHaveAttribute('aria-label', 'QR code with the link for your phone')
    const opened = { ...snapshot(s, 'in_progress'), handoff: 'opened' }
    act(() => FakeEventSource.latest().emitStatus(opened))
    act(() => FakeEventSource.latest().emitStatus(opened))
    expect(dialog.querySelector('.vw-device-status')).toHaveTextContent('Opened on your phone')
    // How to scan the code goes with the code.
    expect(dialog.querySelector('.vw-device-text')).toHaveAttribute('hidden')
    act(() => FakeEventSource.latest().emitStatus({ ...snapshot(s, 'verified'), handoff: 'opened' }))
    expect(dialog).not.toHaveAttribute('open')
    // The view tells "opened" as it shows it, before the store's status event for the same push.
    expect(events.map((e) => e.type)).toEqual(['camera_checked', 'handoff_shown', 'handoff_opened', 'status_changed', 'status_changed'])
    expect(events[0]).toEqual({ type: 'camera_checked', result: 'no_camera', permission: 'granted', videoInputs: 0 })
    expect(events[1]).toEqual({ type: 'handoff_shown', sessionId: s.sessionId, reason: 'no_camera', expiresAt: '2099-01-01T00:00:00Z' })
    // The analytics events never carry the link (its token opens the session).
    expect(JSON.stringify(events)).not.toContain('AAAA')
    v.destroy()
  })

  it('a flow that never loads: flow_load_failed after flowTimeoutMs, Try again reopens it, Escape closes', async () => {
    const s = session()
    const edge = fakeFetch({
      'POST /sessions': () => json(s, 201),
      'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
    })
    const v = createVerification({ provider: 'facesign', fetch: edge.fetch, flowTimeoutMs: 5000 })
    const events = record(v)
    await v.start()
    await settle(3)
    const dialog = shadow()!.querySelector('dialog')!
    expect(dialog.querySelector('iframe')).not.toBeNull()
    // jsdom fetches no frame: its load never comes, like a request a proxy holds.
    await act(() => vi.advanceTimersByTimeAsync(5000))
    await settle()
    expect(dialog.querySelector('iframe')).toBeNull()
    expect(dialog.querySelector('.vw-device-title')).toHaveTextContent('The verification did not load.')
    const retry = [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!
    act(() => retry.click())
    await settle(3)
    expect(dialog.querySelector('iframe')).not.toBeNull()
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
    await settle(3)
    expect(events.map((e) => e.type)).toEqual([
      'camera_checked',
      // The frame opens as the session arrives, before its first status is told.
      'flow_opened',
      'status_changed',
      'flow_load_failed',
      'retried',
      'flow_opened',
      'closed',
      'status_changed',
    ])
    expect(events.find((e) => e.type === 'flow_load_failed')).toEqual({
      type: 'flow_load_failed',
      sessionId: s.sessionId,
      reason: 'timeout',
      ms: 5000,
    })
    expect(events.find((e) => e.type === 'closed')).toEqual({ type: 'closed', sessionId: s.sessionId })
    expect(edge.count('POST', '/sessions')).toBe(1)
    v.destroy()
  })

  it('a press starts twice (pointerdown, then click), and a start while the link shows keeps it: one camera check, one link, each event told once', async () => {
    const enumerate = vi.fn(async () => [])
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { enumerateDevices: enumerate } })
    const s = session()
    const edge = fakeFetch({
      'POST /handoffs': () =>
        json(
          {
            session: { ...snapshot(s, 'requires_input'), handoff: 'waiting' },
            handoff: { url: `https://shop.example/verify#handoff=${'B'.repeat(43)}`, expiresAt: '2099-01-01T00:00:00Z' },
          },
          201,
        ),
    })
    const v = createVerification({ provider: 'facesign', fetch: edge.fetch })
    const events = record(v)
    // Twice while the first check runs, and once more when the link shows.
    const first = v.start()
    const second = v.start()
    await settle(3)
    expect(shadow()!.querySelector('.vw-device')).not.toBeNull()
    await Promise.all([first, second, v.start()])
    await settle()
    expect(enumerate).toHaveBeenCalledTimes(1)
    expect(edge.calls.filter((c) => c.path === '/handoffs')).toHaveLength(1)
    expect(events.map((e) => e.type)).toEqual(['camera_checked', 'handoff_shown'])
    v.destroy()
  })

  it('cameraCheck: false asks nothing of the device and starts at once', async () => {
    const enumerate = vi.fn(async () => [])
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { enumerateDevices: enumerate } })
    const s = session()
    const v = createVerification({
      provider: 'facesign',
      fetch: fakeFetch({ 'POST /sessions': () => json(s, 201) }).fetch,
      cameraCheck: false,
    })
    const events = record(v)
    await v.start()
    expect(enumerate).not.toHaveBeenCalled()
    expect(events.map((e) => e.type)).not.toContain('camera_checked')
    expect(v.getSnapshot().state).toMatchObject({ phase: 'active', sessionId: s.sessionId })
    v.destroy()
  })
})
