import { act } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VerificationSession } from '../../../src/core'
import { VerifyButtonElement as ElementClass, type VerifyButtonElement } from '../../../src/element'
import { FakeEventSource, fakeFetch, json, session, snapshot, withFakeClockAndStream } from '../support/backend'

// <verify-button> in a page with no framework: a real custom element in jsdom, the network edge faked.
const flush = withFakeClockAndStream()

afterEach(() => {
  document.body.replaceChildren()
  document.documentElement.lang = ''
})

function backend(s: VerificationSession = session()) {
  const edge = fakeFetch({
    'POST /sessions': () => json(s, 201),
    'GET /sessions/:id': () => json(snapshot(s, 'in_progress')),
    'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
  })
  vi.stubGlobal('fetch', edge.fetch)
  return edge
}

function place(html: string): VerifyButtonElement {
  document.body.innerHTML = html
  return document.querySelector('verify-button')!
}

const inner = (el: VerifyButtonElement) => el.shadowRoot!.querySelector('button')!
/** Every event of the element, in order, as the page hears them (they bubble). */
function recordEvents(): string[] {
  const seen: string[] = []
  for (const type of ['verify-status', 'verify-verified', 'verify-failed', 'verify-canceled', 'verify-error'])
    document.addEventListener(type, (event) => seen.push(`${type}:${(event as CustomEvent<{ status?: string }>).detail.status ?? ''}`))
  return seen
}

describe('<verify-button>', () => {
  it('is defined, and renders a native button in its shadow root with popup semantics, a state and a part', () => {
    backend()
    const el = place('<verify-button provider="facesign"></verify-button>')
    expect(el).toBeInstanceOf(ElementClass)
    expect(customElements.get('verify-button')).toBeDefined()
    const b = inner(el)
    expect(b).toHaveAttribute('type', 'button')
    expect(b).toHaveAttribute('part', 'button')
    expect(b).toHaveAttribute('aria-haspopup', 'dialog')
    expect(b).toHaveAttribute('aria-expanded', 'false')
    expect(b).toHaveAttribute('data-state', 'idle')
    // The label is the slot's fallback until the page gives its own text.
    expect(b.querySelector('slot')).toHaveTextContent('Verify your identity')
  })

  it('takes its label from its own text', () => {
    backend()
    const el = place('<verify-button provider="facesign">Confirm it is you</verify-button>')
    const slot = inner(el).querySelector('slot')!
    expect(slot.assignedNodes().map((n) => n.textContent)).toEqual(['Confirm it is you'])
  })

  it('starts on click, opens the dialog with the flow, fires each event once, and shows the result', async () => {
    const s = session()
    const edge = backend(s)
    const events = recordEvents()
    const el = place('<verify-button provider="facesign"></verify-button>')
    inner(el).click()
    expect(inner(el)).toHaveAttribute('aria-busy', 'true')
    expect(inner(el)).toHaveTextContent('Starting…')
    await flush()
    const dialog = el.shadowRoot!.querySelector('dialog')!
    expect(dialog).toHaveAttribute('open')
    expect(dialog.querySelector('iframe')).toHaveAttribute('allow', 'camera; microphone')
    expect(inner(el)).toHaveAttribute('aria-expanded', 'true')
    expect(el.shadowRoot!.querySelector('.vw-badge')).toHaveTextContent('Test mode')
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'in_progress')))
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    expect(events).toEqual([
      'verify-status:requires_input',
      'verify-status:in_progress',
      'verify-status:verified',
      'verify-verified:verified',
    ])
    expect(dialog).not.toHaveAttribute('open')
    expect(inner(el)).toHaveAttribute('data-state', 'verified')
    expect(inner(el)).toHaveAttribute('aria-disabled', 'true')
    expect(inner(el)).toHaveTextContent('Identity verified')
    expect(el.shadowRoot!.querySelector('[role="status"]')).toHaveTextContent('You are verified')
    // Verified starts nothing.
    inner(el).click()
    await flush()
    expect(edge.count('POST', '/sessions')).toBe(1)
  })

  it('Escape cancels through the backend, fires verify-canceled once and returns focus to the button', async () => {
    const s = session()
    const edge = backend(s)
    const events = recordEvents()
    const el = place('<verify-button provider="facesign"></verify-button>')
    inner(el).focus()
    inner(el).click()
    await flush()
    const dialog = el.shadowRoot!.querySelector('dialog')!
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await flush()
    expect(edge.count('POST', `/sessions/${s.sessionId}/cancel`)).toBe(1)
    expect(events.filter((e) => e.startsWith('verify-canceled'))).toEqual(['verify-canceled:canceled'])
    expect(dialog).not.toHaveAttribute('open')
    expect(el.shadowRoot!.activeElement).toBe(inner(el))
    expect(inner(el)).toHaveTextContent('Start verification again')
  })

  it('a failed start shows a readable error with "Try again" and fires verify-error with the backend code', async () => {
    let calls = 0
    const s = session()
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'POST /sessions': () =>
          calls++ === 0
            ? json({ error: { type: 'rate_limit_error', code: 'too_many_sessions', message: 'Slow down.' } }, 429)
            : json(s, 201),
      }).fetch,
    )
    const errors: unknown[] = []
    const el = place('<verify-button provider="facesign"></verify-button>')
    el.addEventListener('verify-error', (event) => errors.push(event.detail.code))
    inner(el).click()
    await flush()
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toHaveTextContent('Too many attempts. Wait a moment and try again.')
    expect(inner(el)).toHaveAttribute('data-state', 'error')
    expect(errors).toEqual(['too_many_sessions'])
    ;(el.shadowRoot!.querySelector('.vw-retry') as HTMLButtonElement).click()
    await flush()
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull()
    expect(el.shadowRoot!.querySelector('dialog')).toHaveAttribute('open')
  })

  it('inline mode renders the flow in its shadow root, without a dialog', async () => {
    backend()
    const el = place('<verify-button provider="facesign" mode="inline"></verify-button>')
    expect(inner(el)).not.toHaveAttribute('aria-haspopup')
    inner(el).click()
    await flush()
    expect(el.shadowRoot!.querySelector('dialog')).toBeNull()
    expect(el.shadowRoot!.querySelector('.vw-flow iframe')).not.toBeNull()
  })

  it('removed mid-flow, it leaves no listener, stream, timer or iframe behind', async () => {
    backend()
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const el = place('<verify-button provider="facesign"></verify-button>')
    inner(el).click()
    await flush()
    expect(el.shadowRoot!.querySelector('iframe')).not.toBeNull()
    el.remove()
    await flush()
    expect(el.shadowRoot!.querySelector('iframe')).toBeNull()
    expect(FakeEventSource.instances.every((e) => e.closed)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    for (const [type, fn] of add.mock.calls) expect(remove.mock.calls).toContainEqual([type, fn])
  })

  it('a new provider or mode is a new widget; other attributes change in place', async () => {
    backend(session({ provider: 'faceverify', url: 'https://phish.example/s', clientSecret: undefined }))
    const el = place('<verify-button provider="facesign"></verify-button>')
    el.setAttribute('mode', 'redirect')
    expect(inner(el)).not.toHaveAttribute('aria-haspopup')
    el.setAttribute('provider', 'faceverify')
    el.setAttribute('disabled', '')
    expect(inner(el)).toBeDisabled()
    el.removeAttribute('disabled')
    // FaceVerify leaves the page: the link must be on an allowed host, this one is not.
    inner(el).click()
    await flush()
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toHaveTextContent(/something went wrong/i)
  })

  it('follows the locale attribute, right to left for Arabic', async () => {
    backend()
    const el = place('<verify-button provider="facesign" locale="ar"></verify-button>')
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('.vw-root')).toHaveAttribute('dir', 'rtl'), { timeout: 5000 })
    expect(el.shadowRoot!.querySelector('.vw-root')).toHaveAttribute('lang', 'ar')
    expect(inner(el).querySelector('slot')).toHaveTextContent('تحقق من هويتك')
  })

  it('names the fix for a missing provider or an unknown mode in the console', () => {
    backend()
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    place('<verify-button mode="sheet"></verify-button>')
    expect(report).toHaveBeenCalledWith(expect.stringMatching(/provider="null">: use facesign or faceverify/))
    expect(report).toHaveBeenCalledWith(expect.stringMatching(/mode="sheet">: use modal, inline, redirect or popup/))
  })
})
