import { act } from '@testing-library/react'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { type SessionSnapshot, type SessionStatus, type VerificationSession, VerifyError } from '../../../src/core'

let counter = 0
/** A fresh id per test: terminal callbacks are remembered per session for the page's lifetime. */
export const nextSessionId = () => `vs_test_${++counter}_${Math.random().toString(36).slice(2, 8)}`

export function session(overrides: Partial<VerificationSession> = {}): VerificationSession {
  const sessionId = overrides.sessionId ?? nextSessionId()
  return {
    sessionId,
    provider: 'facesign',
    status: 'requires_input',
    clientSecret: `${sessionId}_secret_abc`,
    url: `https://verify.facesign.ai/?client_secret=${sessionId}_secret_abc`,
    livemode: false,
    ...overrides,
  }
}

export function snapshot(from: { sessionId: string; provider?: VerificationSession['provider'] }, status: SessionStatus): SessionSnapshot {
  return { sessionId: from.sessionId, provider: from.provider ?? 'facesign', status, livemode: false, updatedAt: new Date(0).toISOString() }
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/** The backend's error shape; without `code`, the body is one a proxy could send (the client derives a code from the status). */
export const apiError = (status: number, type: string, message: string, headers: Record<string, string> = {}, code?: string) =>
  json({ error: { type, code, message } }, status, headers)

type Route = (request: { method: string; url: string; body: unknown }) => Response | Promise<Response>

/**
 * The network edge: a fetch that answers from `routes` (`'POST /sessions'`, `'GET /sessions/:id'`…)
 * and records every call. Unmatched calls answer 404 like the backend would.
 */
export function fakeFetch(routes: Record<string, Route>) {
  const calls: { method: string; path: string; body: unknown }[] = []
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost')
    const method = init.method ?? 'GET'
    const path = url.pathname.replace(/^\/api\/verify/, '')
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    calls.push({ method, path, body })
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ')
      return m === method && new RegExp(`^${p!.replace(/:id/g, '[^/]+')}$`).test(path)
    })
    if (!key) return apiError(404, 'not_found_error', 'No such route')
    return routes[key]!({ method, url: url.href, body })
  }
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    count: (method: string, path: RegExp | string) =>
      calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))).length,
  }
}

/** EventSource at the edge: tests push `status` events and errors by hand. */
export class FakeEventSource {
  static instances: FakeEventSource[] = []
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  readyState = 0
  closed = false
  private listeners = new Map<string, Set<(event: Event) => void>>()

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this)
  }

  addEventListener(type: string, fn: (event: Event) => void) {
    const set = this.listeners.get(type) ?? new Set()
    set.add(fn)
    this.listeners.set(type, set)
  }

  removeEventListener(type: string, fn: (event: Event) => void) {
    this.listeners.get(type)?.delete(fn)
  }

  close() {
    this.closed = true
    this.readyState = 2
  }

  emitStatus(data: unknown) {
    this.readyState = 1
    const event = new MessageEvent('status', { data: typeof data === 'string' ? data : JSON.stringify(data) })
    for (const fn of this.listeners.get('status') ?? []) fn(event)
  }

  fail(closed = false) {
    this.readyState = closed ? 2 : 0
    for (const fn of this.listeners.get('error') ?? []) fn(new Event('error'))
  }

  static latest(): FakeEventSource {
    const last = FakeEventSource.instances.at(-1)
    if (!last) throw new Error('no EventSource was opened')
    return last
  }

  static reset() {
    FakeEventSource.instances = []
  }
}

/** The VerifyError a promise rejects with (the test fails if it resolves, or rejects with anything else). */
export async function failure(promise: Promise<unknown>): Promise<VerifyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VerifyError)
  return error as VerifyError
}

/**
 * For every test of the calling file: fake timers and the fake `EventSource`, both undone after each
 * test with every stub and spy. Returns `flush`: runs what is due now, inside `act`.
 */
export function withFakeClockAndStream(): () => Promise<void> {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeEventSource.reset()
    vi.stubGlobal('EventSource', FakeEventSource)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })
  return async () => {
    await act(() => vi.advanceTimersByTimeAsync(0))
  }
}
