import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  useVerification,
  useVerificationStatus,
  useVerifyContext,
  VerifyButton,
  type VerifyContextValue,
  VerifyProvider,
  verificationKeys,
} from '../../../src/react'
import { loadMessages, SUPPORTED_LOCALES } from '../../../src/react/locales'
import en from '../../../src/react/locales/en'
import { FakeEventSource, fakeFetch, json, session, snapshot } from '../support/backend'
import { renderWidget } from './render'

beforeEach(() => {
  FakeEventSource.reset()
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.documentElement.lang = ''
  for (const meta of document.head.querySelectorAll('meta')) meta.remove()
})

describe('VerifyProvider', () => {
  it.each([
    ['useVerification', (): unknown => useVerification({ provider: 'facesign' })],
    ['useVerificationStatus', (): unknown => useVerificationStatus('vs_1')],
  ])('%s outside <VerifyProvider> throws an error naming the hook', (name, hook) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const queryClient = new QueryClient()
    expect(() =>
      renderHook(hook, { wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider> }),
    ).toThrowError(`${name} must be used inside <VerifyProvider>`)
  })

  it('reuses the QueryClient already in the tree', () => {
    const app = new QueryClient()
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={app}>
          <VerifyProvider>{children}</VerifyProvider>
        </QueryClientProvider>
      ),
    })
    expect(result.current).toBe(app)
  })

  it('creates its own QueryClient when the app has none', () => {
    const { result } = renderHook(() => useQueryClient(), { wrapper: ({ children }) => <VerifyProvider>{children}</VerifyProvider> })
    expect(result.current).toBeInstanceOf(QueryClient)
  })

  it('keeps one client across renders with an inline fetch, and uses the latest fetch', async () => {
    const answer = async (_input: RequestInfo | URL, _init?: RequestInit) => json(snapshot({ sessionId: 'vs_a' }, 'in_progress'))
    const first = vi.fn(answer)
    const second = vi.fn(answer)
    const seen: VerifyContextValue[] = []
    const { rerender } = render(
      <VerifyProvider fetch={(input, init) => first(input, init)}>
        <ContextProbe seen={seen} />
      </VerifyProvider>,
    )
    rerender(
      <VerifyProvider fetch={(input, init) => second(input, init)}>
        <ContextProbe seen={seen} />
      </VerifyProvider>,
    )
    expect(seen.at(-1)!.client).toBe(seen[0]!.client)
    await seen[0]!.client.getSession('vs_a')
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledTimes(1)
  })

  it('reads endpoint and allowed hosts from the page meta tags at render time', () => {
    document.head.insertAdjacentHTML(
      'beforeend',
      '<meta name="verify-widget:endpoint" content="/custom/verify"><meta name="verify-widget:allowed-hosts" content="127.0.0.1:4010, localhost:4010">',
    )
    const { result } = renderHook(() => useVerifyContext('test'), {
      wrapper: ({ children }) => <VerifyProvider>{children}</VerifyProvider>,
    })
    expect(result.current.client.endpoint).toBe('/custom/verify')
    expect(result.current.allowedHosts).toEqual(['127.0.0.1:4010', 'localhost:4010'])
  })
})

function ContextProbe({ seen }: { seen: VerifyContextValue[] }) {
  seen.push(useVerifyContext('test'))
  return null
}

function Status({ sessionId }: { sessionId: string }) {
  const { data } = useVerificationStatus(sessionId)
  return <p>status: {data?.status ?? 'loading'}</p>
}

describe('useVerificationStatus', () => {
  it('is a query whose cache the pushed statuses write into', async () => {
    const s = session()
    const edge = fakeFetch({ 'GET /sessions/:id': () => json(snapshot(s, 'requires_input')) })
    const { queryClient } = renderWidget(<Status sessionId={s.sessionId} />, { fetch: edge.fetch })
    await screen.findByText('status: requires_input')
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'processing')))
    expect(await screen.findByText('status: processing')).toBeInTheDocument()
    act(() => FakeEventSource.latest().emitStatus(snapshot(s, 'failed')))
    expect(queryClient.getQueryData(verificationKeys.session(s.sessionId))).toMatchObject({ status: 'failed' })
    expect(FakeEventSource.instances.every((e) => e.closed)).toBe(true)
  })
})

describe('locales', () => {
  it('every locale has exactly the English keys, and is its own module', async () => {
    expect(SUPPORTED_LOCALES.length).toBeGreaterThanOrEqual(10)
    for (const locale of SUPPORTED_LOCALES) {
      const messages = await loadMessages(locale)
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
      for (const value of Object.values(messages)) expect(value.trim()).not.toBe('')
      if (locale !== 'en') expect(messages.start).not.toBe(en.start)
    }
  })

  it('follows the locale prop, right to left for Arabic', async () => {
    renderWidget(<VerifyButton provider="facesign" />, { fetch: fakeFetch({}).fetch, locale: 'ar' })
    const button = await screen.findByRole('button', { name: 'تحقق من هويتك' })
    expect(button.closest('.vw-root')).toHaveAttribute('dir', 'rtl')
    expect(button.closest('.vw-root')).toHaveAttribute('lang', 'ar')
  })

  it('follows <html lang> when no locale is given', async () => {
    document.documentElement.lang = 'fr-CA'
    renderWidget(<VerifyButton provider="facesign" />, { fetch: fakeFetch({}).fetch })
    expect(await screen.findByRole('button', { name: 'Vérifier votre identité' })).toBeInTheDocument()
  })
})

describe('appearance', () => {
  it('maps to data-theme and CSS variables set through CSSOM', async () => {
    const appearance = { theme: 'dark' as const, variables: { colorPrimary: 'rebeccapurple', borderRadius: '2px' } }
    renderWidget(<VerifyButton provider="facesign" />, { fetch: fakeFetch({}).fetch, appearance })
    const root = screen.getByRole('button').closest('.vw-root') as HTMLElement
    expect(root).toHaveAttribute('data-theme', 'dark')
    await waitFor(() => expect(root.style.getPropertyValue('--vw-color-primary')).toBe('rebeccapurple'))
    expect(root.style.getPropertyValue('--vw-border-radius')).toBe('2px')
  })

  it('renders no inline style attribute without an appearance (strict CSP)', () => {
    const { container } = render(
      <VerifyProvider fetch={fakeFetch({}).fetch}>
        <VerifyButton provider="faceverify" mode="redirect" />
      </VerifyProvider>,
    )
    expect(container.querySelector('[style]')).toBeNull()
  })
})
