import { QueryClient } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest'
import { VerifyButtonElement as ElementClass, type VerifyButtonElement } from '../../../src/element'
import { useVerificationStatus, VerifyButton, VerifyProvider } from '../../../src/react'
import { createVerification } from '../../../src/ui/verification'
import { FakeEventSource, session, snapshot, withFakeClockAndStream } from '../support/backend'
import { type EventStream, eventStream, recordingFetch } from '../support/token'

// The identity token through every skin: createVerification({ getToken }), <verify-button token-url>,
// <VerifyProvider getToken>. The network edge is faked; the service is on another origin.

const SERVICE = 'https://verify.shop.example/api/verify'
const T1 = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzQyIn0.c2lnLTE'
const T2 = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzQyIn0.c2lnLTI'
const flush = withFakeClockAndStream()

let consoleError: MockInstance<typeof console.error>

beforeAll(async () => {
  await Promise.all([import('../../../src/core/event-stream'), import('../../../src/core/token')])
})
beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.reset()
  vi.stubGlobal('EventSource', FakeEventSource)
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  for (const host of document.querySelectorAll('div[data-verify-widget]')) host.remove()
  document.body.replaceChildren()
})

/** verify-widget serve on another origin, which accepts `valid` tokens, and this page's `/verify-token` route. */
function service(options: { valid?: string[]; tokenRoute?: () => Response } = {}) {
  const s = session()
  const streams: EventStream[] = []
  const valid = options.valid ?? [T1, T2]
  const guard = (headers: Headers, answer: () => Response) =>
    valid.some((t) => headers.get('authorization') === `Bearer ${t}`)
      ? answer()
      : Response.json({ error: { type: 'authentication_error', code: 'token_missing', message: 'Send the token.' } }, { status: 401 })
  const edge = recordingFetch({
    'GET /verify-token': () => options.tokenRoute?.() ?? Response.json({ token: T1, expiresAt: Math.floor(Date.now() / 1000) + 120 }),
    'POST /sessions': (r) => guard(r.headers, () => Response.json(s, { status: 201 })),
    'GET /sessions/:id': (r) => guard(r.headers, () => Response.json(snapshot(s, 'in_progress'))),
    'POST /sessions/:id/cancel': (r) => guard(r.headers, () => Response.json(snapshot(s, 'canceled'))),
    'GET /sessions/:id/events': (r) =>
      guard(r.headers, () => {
        const stream = eventStream(r)
        streams.push(stream)
        return stream.response
      }),
  })
  const toService = () => edge.seen.filter((r) => r.url.startsWith(SERVICE))
  return { s, edge, streams, toService }
}

describe('createVerification({ getToken })', () => {
  it('sends the token to the service on another origin, follows the stream read with fetch, and cancels with it', async () => {
    const { s, edge, streams, toService } = service()
    const getToken = vi.fn(() => ({ token: T1, expiresAt: new Date(Date.now() + 120_000).toISOString() }))
    const v = createVerification({ provider: 'facesign', endpoint: SERVICE, getToken, fetch: edge.fetch })
    const statuses: string[] = []
    v.on('status', (r) => statuses.push(r.status))
    await act(() => v.start())
    await flush()
    expect(FakeEventSource.instances).toHaveLength(0)
    act(() => streams[0]!.status(snapshot(s, 'processing')))
    await flush()
    expect(statuses).toEqual(['requires_input', 'processing'])
    await act(() => v.cancel())
    expect(toService().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /sessions',
      `GET /sessions/${s.sessionId}/events`,
      `POST /sessions/${s.sessionId}/cancel`,
    ])
    expect(toService().map((r) => r.headers.get('authorization'))).toEqual(Array(3).fill(`Bearer ${T1}`))
    expect(getToken).toHaveBeenCalledTimes(1)
    v.destroy()
  })

  it('a token that cannot be had ends in the error state; start() again tries again', async () => {
    const { edge } = service()
    let fail = true
    const v = createVerification({
      provider: 'facesign',
      endpoint: SERVICE,
      fetch: edge.fetch,
      getToken: () => {
        if (fail) throw new Error('signed out')
        return T1
      },
    })
    const errors: string[] = []
    v.on('error', (e) => errors.push(e.code))
    expect(await act(() => v.start())).toMatchObject({ phase: 'error', error: { code: 'token_unavailable' } })
    expect(errors).toEqual(['token_unavailable'])
    fail = false
    expect(await act(() => v.start())).toMatchObject({ phase: 'active' })
    v.destroy()
  })
})

describe('<verify-button token-url>', () => {
  const place = (html: string): VerifyButtonElement => {
    document.body.innerHTML = html
    const el = document.querySelector('verify-button')!
    expect(el).toBeInstanceOf(ElementClass)
    return el
  }
  const inner = (el: VerifyButtonElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('.vw-button')!

  it('fetches the token from the page’s route with its cookies and sends it to the service', async () => {
    const { edge, toService } = service()
    vi.stubGlobal('fetch', edge.fetch)
    const el = place(`<verify-button provider="facesign" endpoint="${SERVICE}" token-url="/verify-token"></verify-button>`)
    inner(el).click()
    await flush()
    expect(el.shadowRoot!.querySelector('dialog')).toHaveAttribute('open')
    const [route] = edge.seen
    expect(route).toMatchObject({ url: `${location.origin}/verify-token`, credentials: 'same-origin' })
    expect(toService()[0]!.headers.get('authorization')).toBe(`Bearer ${T1}`)
  })

  it('a route answering 500: the readable error with "Try again", the route named in the console; Try again recovers', async () => {
    let broken = true
    const { edge, toService } = service({
      tokenRoute: () => (broken ? new Response('oops', { status: 500 }) : Response.json({ token: T1 })),
    })
    vi.stubGlobal('fetch', edge.fetch)
    const events: string[] = []
    document.addEventListener('verify-error', (e) => events.push((e as CustomEvent<{ code: string }>).detail.code))
    const el = place(`<verify-button provider="facesign" endpoint="${SERVICE}" token-url="/verify-token">Verify</verify-button>`)
    inner(el).click()
    await flush()
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!
    expect(alert).toHaveTextContent(/something went wrong/i)
    expect(events).toEqual(['token_unavailable'])
    expect(consoleError.mock.calls.flat().join(' ')).toContain('/verify-token answered 500')
    expect(toService()).toHaveLength(0)
    broken = false
    fireEvent.click(alert.querySelector('button')!)
    await flush()
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull()
    expect(el.shadowRoot!.querySelector('dialog')).toHaveAttribute('open')
    expect(toService()[0]!.headers.get('authorization')).toBe(`Bearer ${T1}`)
  })

  it('a new token-url makes a new widget with it', async () => {
    const { edge } = service({ tokenRoute: () => Response.json({ token: T2 }) })
    vi.stubGlobal('fetch', edge.fetch)
    const el = place(`<verify-button provider="facesign" endpoint="${SERVICE}" token-url="/old-token"></verify-button>`)
    el.setAttribute('token-url', '/verify-token')
    inner(el).click()
    await flush()
    expect(edge.seen.map((r) => r.path).slice(0, 2)).toEqual(['/verify-token', '/sessions'])
    expect(edge.seen[1]!.headers.get('authorization')).toBe(`Bearer ${T2}`)
  })
})

function Status({ id }: { id: string | undefined }) {
  const { data } = useVerificationStatus(id)
  return <p data-testid="status">{data?.status ?? 'none'}</p>
}

describe('<VerifyProvider getToken>', () => {
  it('every button and hook under it sends the token; a new getToken function is used without restarting anything', async () => {
    const { s, edge, streams, toService } = service()
    const first = vi.fn(() => ({ token: T1, expiresAt: Date.now() + 60_000 }))
    const second = vi.fn(() => ({ token: T2, expiresAt: Date.now() + 60_000 }))
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const tree = (getToken: () => { token: string; expiresAt: number }) => (
      <VerifyProvider queryClient={queryClient} fetch={edge.fetch} endpoint={SERVICE} getToken={getToken}>
        <VerifyButton provider="facesign" />
        <Status id={s.sessionId} />
      </VerifyProvider>
    )
    const { rerender } = render(tree(first))
    await flush()
    expect(screen.getByTestId('status')).toHaveTextContent('in_progress')
    fireEvent.click(screen.getByRole('button', { name: /verify your identity/i }))
    await flush()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    // One stream for the session, shared by the button and the hook.
    expect(streams).toHaveLength(1)
    // A new function (an inline arrow in a re-render) changes no connection: the next token comes from it.
    rerender(tree(second))
    await act(() => vi.advanceTimersByTimeAsync(50_000))
    act(() => streams[0]!.end())
    await act(() => vi.advanceTimersByTimeAsync(3000))
    expect(streams).toHaveLength(2)
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    expect(toService().filter((r) => r.method === 'POST')).toHaveLength(1)
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1])
    expect(toService().map((r) => r.headers.get('authorization'))).toEqual([`Bearer ${T1}`, `Bearer ${T1}`, `Bearer ${T1}`, `Bearer ${T2}`])
  })
})
