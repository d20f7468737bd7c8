import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { VerificationSession } from '../../../src/core'
import { SESSION_STORAGE_KEY } from '../../../src/core/storage'
import { VerifyButton } from '../../../src/react'
import { apiError, FakeEventSource, fakeFetch, json, session, snapshot, withFakeClockAndStream } from '../support/backend'
import { renderWidget } from './render'

const flush = withFakeClockAndStream()

function backend(s: VerificationSession = session()) {
  return fakeFetch({
    'POST /sessions': () => json(s, 201),
    'GET /sessions/:id': () => json(snapshot(s, 'in_progress')),
    'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
  })
}

const button = () => screen.getByRole('button', { name: /verify your identity|starting|identity verified|verification again/i })

describe('VerifyButton', () => {
  it('is a native button with popup semantics and a state', () => {
    renderWidget(<VerifyButton provider="facesign" />, { fetch: backend().fetch })
    const b = button()
    expect(b).toHaveAttribute('type', 'button')
    expect(b).toHaveAttribute('aria-haspopup', 'dialog')
    expect(b).toHaveAttribute('aria-expanded', 'false')
    expect(b).toHaveAttribute('data-state', 'idle')
  })

  it('starts, shows the flow in a dialog, and reports verified once', async () => {
    const s = session()
    const edge = backend(s)
    const onVerified = vi.fn()
    const onStatusChange = vi.fn()
    renderWidget(<VerifyButton provider="facesign" onVerified={onVerified} onStatusChange={onStatusChange} />, { fetch: edge.fetch })
    fireEvent.click(button())
    expect(button()).toHaveAttribute('aria-busy', 'true')
    expect(button()).toHaveTextContent('Starting…')
    await flush()
    const dialog = screen.getByRole('dialog', { name: 'Identity verification' })
    expect(dialog).toHaveAttribute('open')
    expect(dialog.querySelector('iframe')).toHaveAttribute('allow', 'camera; microphone')
    expect(button()).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('Test mode')).toBeInTheDocument()

    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'in_progress')))
    expect(screen.getAllByRole('status').some((el) => el.textContent === 'Verification in progress')).toBe(true)
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(onVerified).toHaveBeenCalledWith({ sessionId: s.sessionId, provider: 'facesign', status: 'verified', livemode: false })
    expect(onStatusChange.mock.calls.map((c) => c[0].status)).toEqual(['requires_input', 'in_progress', 'verified'])
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(button()).toHaveAttribute('data-state', 'verified')
    expect(document.activeElement).toBe(button())
    expect(screen.getByRole('status')).toHaveTextContent('You are verified')
  })

  it('treats a dialog the browser closed on its own (a repeated Escape) as a cancel', async () => {
    const s = session()
    const edge = backend(s)
    renderWidget(<VerifyButton provider="facesign" />, { fetch: edge.fetch })
    fireEvent.click(button())
    await flush()
    act(() => (screen.getByRole('dialog') as HTMLDialogElement).close())
    await flush()
    expect(edge.count('POST', `/sessions/${s.sessionId}/cancel`)).toBe(1)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('waits for a real click before leaving the page (redirect mode ignores pointerdown)', async () => {
    const edge = backend(session({ provider: 'faceverify', url: 'https://phish.example/s', clientSecret: undefined }))
    renderWidget(<VerifyButton provider="faceverify" mode="redirect" />, { fetch: edge.fetch })
    fireEvent.pointerDown(button())
    await flush()
    expect(edge.calls).toHaveLength(0)
    fireEvent.click(button())
    await flush()
    expect(edge.count('POST', '/sessions')).toBe(1)
    // The link is not on an allowed host: refused, with a readable error.
    expect(screen.getByRole('alert')).toHaveTextContent(/something went wrong/i)
  })

  it('under StrictMode a double click creates one session and fires one onVerified', async () => {
    const s = session()
    const edge = backend(s)
    const onVerified = vi.fn()
    renderWidget(<VerifyButton provider="facesign" onVerified={onVerified} />, { fetch: edge.fetch, strict: true })
    fireEvent.pointerDown(button())
    fireEvent.click(button())
    fireEvent.click(button())
    await flush()
    expect(edge.count('POST', '/sessions')).toBe(1)
    const open = FakeEventSource.instances.filter((e) => !e.closed)
    expect(open).toHaveLength(1)
    act(() => open[0]!.emitStatus(snapshot(s, 'verified')))
    expect(onVerified).toHaveBeenCalledTimes(1)
  })

  it('Escape closes the dialog, cancels the session and returns focus to the button', async () => {
    const s = session()
    const edge = backend(s)
    const onCancel = vi.fn()
    renderWidget(<VerifyButton provider="facesign" onCancel={onCancel} />, { fetch: edge.fetch })
    button().focus()
    fireEvent.click(button())
    await flush()
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    await flush()
    expect(edge.count('POST', `/sessions/${s.sessionId}/cancel`)).toBe(1)
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onCancel.mock.calls[0]![0].status).toBe('canceled')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(button())
    expect(button()).toHaveAttribute('data-state', 'canceled')
  })

  it.each([
    ['a 500', () => apiError(500, 'api_error', 'boom'), /something went wrong/i],
    ['a 429', () => apiError(429, 'rate_limit_error', 'Too many requests.', { 'Retry-After': '60' }), /too many attempts/i],
    ['malformed JSON', () => new Response('{"sessionId":', { status: 201 }), /something went wrong/i],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), /check your connection/i],
  ])('shows a readable error for %s and retries from it', async (_, failure, text) => {
    const s = session()
    let calls = 0
    const edge = fakeFetch({ 'POST /sessions': () => (calls++ === 0 ? (failure() as Response) : json(s, 201)) })
    const onError = vi.fn()
    renderWidget(<VerifyButton provider="facesign" onError={onError} />, { fetch: edge.fetch })
    fireEvent.click(button())
    await flush()
    expect(screen.getByRole('alert')).toHaveTextContent(text)
    expect(button()).toHaveAttribute('data-state', 'error')
    expect(onError).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await flush()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('ignores a message from a foreign origin', async () => {
    const s = session()
    const edge = backend(s)
    renderWidget(<VerifyButton provider="facesign" />, { fetch: edge.fetch })
    fireEvent.click(button())
    await flush()
    const frame = screen.getByRole('dialog').querySelector('iframe')!.contentWindow
    const cancel = { source: 'facesign-flow', type: 'canceled' }
    act(() => window.dispatchEvent(new MessageEvent('message', { data: cancel, origin: 'https://evil.example', source: frame })))
    await flush()
    expect(edge.count('POST', /cancel$/)).toBe(0)
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    act(() => window.dispatchEvent(new MessageEvent('message', { data: cancel, origin: 'https://verify.facesign.ai', source: frame })))
    await flush()
    expect(edge.count('POST', /cancel$/)).toBe(1)
  })

  it('unmounting mid-flow leaves no listener, stream or timer behind', async () => {
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const { unmount } = renderWidget(<VerifyButton provider="facesign" />, { fetch: backend().fetch })
    fireEvent.click(button())
    await flush()
    expect(screen.getByRole('dialog').querySelector('iframe')).not.toBeNull()
    unmount()
    await flush()
    expect(FakeEventSource.instances.every((e) => e.closed)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    for (const [type, fn] of add.mock.calls) {
      if (type === 'message' || type === 'focus' || type === 'pageshow') expect(remove.mock.calls).toContainEqual([type, fn])
    }
  })

  it('resumes a session after a remount and fires the terminal callback once across remounts', async () => {
    const s = session()
    const edge = backend(s)
    const onVerified = vi.fn()
    const first = renderWidget(<VerifyButton provider="facesign" onVerified={onVerified} />, { fetch: edge.fetch })
    fireEvent.click(button())
    await flush()
    first.unmount()
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe(s.sessionId)
    const second = renderWidget(<VerifyButton provider="facesign" onVerified={onVerified} />, { fetch: edge.fetch })
    // Resuming loads the status-tracking code first (a chunk of its own), then opens the stream.
    await flush()
    expect(FakeEventSource.latest().closed).toBe(false)
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    second.unmount()
    renderWidget(<VerifyButton provider="facesign" onVerified={onVerified} />, { fetch: edge.fetch })
    await flush()
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(edge.count('POST', '/sessions')).toBe(1)
  })

  it('keeps only the session id in sessionStorage, never the client secret', async () => {
    const s = session()
    renderWidget(<VerifyButton provider="facesign" />, { fetch: backend(s).fetch })
    fireEvent.click(button())
    await flush()
    const stored = Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k))
    expect(stored).toEqual([s.sessionId])
  })

  it('renders the flow inline without a dialog in inline mode', async () => {
    renderWidget(<VerifyButton provider="facesign" mode="inline" />, { fetch: backend().fetch })
    expect(button()).not.toHaveAttribute('aria-haspopup')
    fireEvent.click(button())
    await flush()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.querySelector('.vw-flow iframe')).not.toBeNull()
    expect(button()).toHaveAttribute('aria-expanded', 'true')
  })

  it('warms up allowed flow origins on hover', async () => {
    renderWidget(<VerifyButton provider="facesign" />, { fetch: backend().fetch, allowedHosts: ['127.0.0.1:4010', '*.facesign.ai'] })
    fireEvent.pointerEnter(button())
    fireEvent.focus(button())
    // The code that opens the flow warms its host up as it arrives (loaded on this same intent).
    await flush()
    expect(document.head.querySelectorAll('link[rel="preconnect"][href="http://127.0.0.1:4010"]')).toHaveLength(1)
  })
})
