import { QueryClient, skipToken } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VerificationSession, VerifyError } from '../../../src/core'
import { type Appearance, useVerificationStatus, VerifyButton, VerifyProvider } from '../../../src/react'
import { apiError, FakeEventSource, fakeFetch, json, session, snapshot, withFakeClockAndStream } from '../support/backend'
import { renderWidget } from './render'

// What an integrator writes, and what must not break a running verification.
const flush = withFakeClockAndStream()
const button = () => screen.getByRole('button', { name: /verify your identity|starting/i })

afterEach(() => {
  for (const link of document.head.querySelectorAll('link')) link.remove()
})

function backend(s: VerificationSession = session()) {
  return fakeFetch({
    'POST /sessions': () => json(s, 201),
    'GET /sessions/:id': () => json(snapshot(s, 'requires_input')),
    'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
  })
}

function Status({ sessionId }: { sessionId: string | undefined | typeof skipToken }) {
  const { data, status, fetchStatus } = useVerificationStatus(sessionId)
  return <output data-testid="live">{`${status}/${fetchStatus}/${data?.status ?? '-'}`}</output>
}

interface InlineAppProps {
  queryClient: QueryClient
  edgeFetch: typeof fetch
  onVerified: (status: string, renders: number) => void
  controls: { rerender?: () => void }
}

/** A parent that passes new objects and functions on every render, as the README's inline examples do. */
function InlineApp({ queryClient, edgeFetch, onVerified, controls }: InlineAppProps) {
  const [n, setN] = useState(0)
  controls.rerender = () => setN((x) => x + 1)
  const appearance: Appearance = { theme: 'auto', variables: { colorPrimary: '#0a58ca', borderRadius: `${8}px` } }
  return (
    <VerifyProvider
      queryClient={queryClient}
      appearance={appearance}
      allowedHosts={['*.facesign.ai', '*.faceverify.ai']}
      fetch={(input, init) => edgeFetch(input, init)}
    >
      <VerifyButton
        provider="facesign"
        country="US"
        onVerified={(r) => onVerified(r.status, n)}
        onStatusChange={() => {}}
        onError={() => {}}
      />
    </VerifyProvider>
  )
}

/** The button, and the live status of the session it reports (the demo's layout). */
function ButtonAndStatus() {
  const [id, setId] = useState<string>()
  return (
    <>
      <VerifyButton provider="facesign" onStatusChange={(r) => setId(r.sessionId)} />
      <Status sessionId={id} />
    </>
  )
}

describe('new prop identities never restart a running session', () => {
  it('re-rendering the parent with inline appearance, allowedHosts, fetch, callbacks and options mid-flow keeps the flow', async () => {
    const s = session()
    const edge = backend(s)
    const queryClient = new QueryClient()
    const onVerified = vi.fn()
    const controls: { rerender?: () => void } = {}
    render(<InlineApp queryClient={queryClient} edgeFetch={edge.fetch} onVerified={onVerified} controls={controls} />)
    fireEvent.click(button())
    await flush()
    const iframe = screen.getByRole('dialog').querySelector('iframe')
    expect(iframe).not.toBeNull()
    for (let i = 0; i < 3; i++) {
      act(() => controls.rerender!())
      await flush()
    }
    expect(screen.getByRole('dialog')).toHaveAttribute('open')
    expect(screen.getByRole('dialog').querySelector('iframe')).toBe(iframe)
    expect(FakeEventSource.instances).toHaveLength(1)
    expect(FakeEventSource.latest().closed).toBe(false)
    expect(edge.count('POST', '/sessions')).toBe(1)
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    // The latest callback is the one called.
    expect(onVerified.mock.calls).toEqual([['verified', 3]])
  })
})

describe('one subscription per session per page', () => {
  it('the button and useVerificationStatus on the same session share one EventSource', async () => {
    const s = session()
    renderWidget(<ButtonAndStatus />, { fetch: backend(s).fetch })
    fireEvent.click(button())
    await flush()
    await flush()
    expect(screen.getByTestId('live')).toHaveTextContent(/requires_input/)
    expect(FakeEventSource.instances).toHaveLength(1)
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'processing')))
    // A late, weaker push (duplicated, out of order) never moves the cached status back.
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'in_progress')))
    await flush()
    expect(screen.getByTestId('live')).toHaveTextContent('success/idle/processing')
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    await flush()
    expect(screen.getByTestId('live')).toHaveTextContent('success/idle/verified')
    expect(FakeEventSource.instances).toHaveLength(1)
    expect(FakeEventSource.latest().closed).toBe(true)
  })
})

describe('useVerificationStatus without a session id (TanStack Query conventions)', () => {
  it.each([
    ['undefined', undefined],
    ['skipToken', skipToken],
  ] as const)('%s is a disabled query: no request, no stream, pending/idle', async (_, id) => {
    const edge = backend()
    renderWidget(<Status sessionId={id} />, { fetch: edge.fetch })
    await flush()
    expect(screen.getByTestId('live')).toHaveTextContent('pending/idle/-')
    expect(edge.calls).toEqual([])
    expect(FakeEventSource.instances).toHaveLength(0)
  })

  it('starts fetching and streaming once an id arrives', async () => {
    const s = session()
    const edge = backend(s)
    const view = renderWidget(<Status sessionId={skipToken} />, { fetch: edge.fetch })
    view.rerenderWidget(<Status sessionId={s.sessionId} />)
    await flush()
    expect(screen.getByTestId('live')).toHaveTextContent('success/idle/requires_input')
    expect(edge.count('GET', `/sessions/${s.sessionId}`)).toBe(1)
    expect(FakeEventSource.instances).toHaveLength(1)
  })
})

describe("integrators' callbacks and the backend's errors", () => {
  it('a throwing callback is reported and never shown as the widget failing; the flow carries on', async () => {
    const s = session()
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const onVerified = vi.fn()
    const onError = vi.fn()
    renderWidget(
      <VerifyButton
        provider="facesign"
        onStatusChange={() => {
          throw new Error('integrator bug')
        }}
        onVerified={onVerified}
        onError={onError}
      />,
      { fetch: backend(s).fetch },
    )
    fireEvent.click(button())
    await flush()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('dialog')).toHaveAttribute('open')
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'verified')))
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(onError).not.toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: /identity verified/i })).toHaveAttribute('data-state', 'verified')
    expect(report).toHaveBeenCalledWith(expect.stringContaining('verify-widget'), expect.objectContaining({ message: 'integrator bug' }))
  })

  it.each([
    [400, 'invalid_request_error', 'provider_not_configured', /something went wrong/i],
    [403, 'permission_error', 'origin_not_allowed', /something went wrong/i],
    [429, 'rate_limit_error', 'too_many_sessions', /too many attempts/i],
  ] as const)(
    'a %i reaches onError with the code and type as sent (%s, %s); the person reads a localized sentence',
    async (status, type, code, text) => {
      const onError = vi.fn<(e: VerifyError) => void>()
      const edge = fakeFetch({
        'POST /sessions': () => apiError(status, type, 'Backend detail for developers.', { 'Retry-After': '5' }, code),
      })
      renderWidget(<VerifyButton provider="facesign" onError={onError} />, { fetch: edge.fetch })
      fireEvent.click(button())
      await flush()
      expect(onError).toHaveBeenCalledTimes(1)
      expect(onError.mock.calls[0]![0]).toMatchObject({
        name: 'VerifyError',
        code,
        type,
        status,
        message: 'Backend detail for developers.',
      })
      expect(screen.getByRole('alert')).toHaveTextContent(text)
      expect(screen.getByRole('alert')).not.toHaveTextContent('Backend detail')
      expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    },
  )
})

describe('preconnect', () => {
  const links = () => [...document.head.querySelectorAll('link[rel="preconnect"]')].map((l) => l.getAttribute('href'))

  // The code that opens the flow warms its host up as it arrives (loaded on the same intent): one flush.
  it('uses http only for loopback hosts, https for every other one, and skips wildcards', async () => {
    renderWidget(<VerifyButton provider="facesign" />, {
      fetch: backend().fetch,
      allowedHosts: ['127.0.0.1:4010', 'localhost:4011', '[::1]:4012', 'flow.example.com:8443', 'verify.example.org', '*.facesign.ai'],
    })
    fireEvent.pointerEnter(button())
    await flush()
    expect(links()).toEqual([
      'http://127.0.0.1:4010',
      'http://localhost:4011',
      'http://[::1]:4012',
      'https://flow.example.com:8443',
      'https://verify.example.org',
    ])
  })

  it('keeps no module state: the document says what is warm', async () => {
    const props = { fetch: backend().fetch, allowedHosts: ['flow.example.com:8443'] }
    const first = renderWidget(<VerifyButton provider="facesign" />, props)
    fireEvent.pointerEnter(button())
    fireEvent.focus(button())
    await flush()
    expect(links()).toEqual(['https://flow.example.com:8443'])
    first.unmount()
    for (const link of document.head.querySelectorAll('link')) link.remove()
    renderWidget(<VerifyButton provider="facesign" />, props)
    fireEvent.pointerEnter(button())
    await flush()
    expect(links()).toEqual(['https://flow.example.com:8443'])
  })
})
