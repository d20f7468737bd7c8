import { delay, HttpResponse, http } from 'msw'
import type { SetupWorker } from 'msw/browser'
import { isProvider, isRecord } from '../../src/core/guards'
import { isTerminal } from '../../src/core/status'
import type { Provider, SessionStatus } from '../../src/core/types'
import { statusEventStream } from './events'
import { createMockSession, type MockHandoffPlan, type MockSession } from './sessions'

/** How a `POST /sessions` call fails instead of answering. */
export type MockFailure = 'server_error' | 'rate_limited' | 'malformed' | 'offline' | 'unauthorized'

export interface MockBackendOptions {
  /** Base path of the backend routes; the contract's default. */
  base?: string
  livemode?: boolean
  /** Statuses a new session moves through (one per `stepMs`); the last one holds. */
  timeline?: readonly SessionStatus[]
  stepMs?: number
  /** The first POST /sessions calls fail like this, in order; the next one succeeds. */
  createFailures?: readonly MockFailure[]
  /** Seconds in the Retry-After header of a 429. */
  retryAfterSeconds?: number
  /** Latency of POST /sessions; 'infinite' keeps the widget in its starting state. */
  createDelay?: number | 'infinite'
  /** A session that already exists with this id, for stories that resume one. */
  existingSessionId?: string
  existingProvider?: Provider
  /** false: the events route answers 404, so the client falls back to polling. */
  sse?: boolean
  heartbeatMs?: number
  /** Where FaceSign flows run; a static page served by Storybook. */
  flowUrl?: string
  /** `held`: the flow's page never finishes loading (a request of it is never answered), as behind a proxy that holds it. */
  flowLoad?: 'held'
  /** What the phone does with each "continue on your phone" link, in order (the last one for any after it); none opens by default. */
  handoffs?: readonly MockHandoffPlan[]
}

const ERRORS = {
  server_error: { status: 500, type: 'api_error', message: 'The verification service had a problem. Please try again.' },
  rate_limited: { status: 429, type: 'rate_limit_error', message: 'Too many requests. Please retry after a moment.' },
  unauthorized: { status: 401, type: 'authentication_error', message: 'Sign in to verify your identity.' },
  not_found: { status: 404, type: 'not_found_error', message: 'No such verification session.' },
  bad_request: { status: 400, type: 'invalid_request_error', message: 'provider must be "facesign" or "faceverify".' },
} as const

function errorResponse(kind: keyof typeof ERRORS, headers: Record<string, string> = {}): Response {
  const { status, type, message } = ERRORS[kind]
  return HttpResponse.json({ error: { type, code: kind, message } }, { status, headers })
}

function failure(kind: MockFailure, retryAfterSeconds: number): Response {
  if (kind === 'offline') return HttpResponse.error()
  if (kind === 'malformed') return new HttpResponse('{"sessionId": "vs_', { status: 200, headers: { 'Content-Type': 'application/json' } })
  if (kind === 'rate_limited') return errorResponse('rate_limited', { 'Retry-After': String(retryAfterSeconds) })
  return errorResponse(kind)
}

export const DEFAULT_TIMELINE: readonly SessionStatus[] = ['requires_input', 'in_progress', 'processing', 'verified']

/**
 * The integrator backend of the HTTP contract, mocked at the network edge with MSW, so that
 * stories run the widget's real client, status stream and error handling. Each call makes a
 * fresh backend (its own sessions), so call it per story render (in `beforeEach`).
 */
export function mockBackend(options: MockBackendOptions = {}) {
  const base = options.base ?? '/api/verify'
  const failures = [...(options.createFailures ?? [])]
  const sessions = new Map<string, MockSession>()
  const flowPage = new URL(options.flowUrl ?? 'mock-flow.html', document.baseURI)
  if (options.flowLoad === 'held') flowPage.searchParams.set('load', 'held')
  const flowUrl = flowPage.href
  const plans = [...(options.handoffs ?? [])]
  let links = 0
  const make = (provider: Provider, id?: string) => {
    const session = createMockSession({
      provider,
      livemode: options.livemode ?? false,
      timeline: options.timeline ?? DEFAULT_TIMELINE,
      stepMs: options.stepMs ?? 1500,
      flowUrl,
      ...(id ? { id } : {}),
    })
    sessions.set(session.id, session)
    return session
  }
  if (options.existingSessionId) make(options.existingProvider ?? 'facesign', options.existingSessionId)
  const find = (id: unknown) => (typeof id === 'string' ? sessions.get(id) : undefined)

  return [
    http.post(`${base}/sessions`, async ({ request }) => {
      if (options.createDelay !== undefined) await delay(options.createDelay)
      const next = failures.shift()
      if (next) return failure(next, options.retryAfterSeconds ?? 5)
      const body: unknown = await request.json().catch(() => undefined)
      if (!isRecord(body) || !isProvider(body.provider)) return errorResponse('bad_request')
      const provider = body.provider
      // Idempotent: the user's open session of that provider comes back with 200.
      const open = [...sessions.values()].find((s) => s.snapshot().provider === provider && !isTerminal(s.snapshot().status))
      if (open) return HttpResponse.json(open.toVerificationSession(), { status: 200 })
      return HttpResponse.json(make(provider).toVerificationSession(), { status: 201 })
    }),
    http.get(`${base}/sessions/:id`, ({ params }) => {
      const session = find(params.id)
      return session ? HttpResponse.json(session.snapshot()) : errorResponse('not_found')
    }),
    http.get(`${base}/sessions/:id/events`, ({ params, request }) => {
      const session = find(params.id)
      if (!session || options.sse === false) return errorResponse('not_found')
      return statusEventStream(session, request.signal, options.heartbeatMs ?? 15_000)
    }),
    http.post(`${base}/sessions/:id/refresh`, ({ params }) => {
      const session = find(params.id)
      if (!session) return errorResponse('not_found')
      const { sessionId, clientSecret, url, expiresAt } = session.toVerificationSession()
      return HttpResponse.json({ sessionId, clientSecret, url, expiresAt })
    }),
    http.post(`${base}/sessions/:id/cancel`, ({ params }) => {
      const session = find(params.id)
      if (!session) return errorResponse('not_found')
      session.cancel()
      return HttpResponse.json(session.snapshot())
    }),
    // A link to a phone: for the user's session of a provider (a new one waits for the phone, with no flow) or a given one.
    http.post(`${base}/handoffs`, async ({ request }) => {
      const body: unknown = await request.json().catch(() => undefined)
      if (!isRecord(body)) return errorResponse('bad_request')
      const provider = isProvider(body.provider) ? body.provider : undefined
      const session =
        typeof body.sessionId === 'string'
          ? find(body.sessionId)
          : provider &&
            ([...sessions.values()].find((s) => s.snapshot().provider === provider && !isTerminal(s.snapshot().status)) ?? make(provider))
      if (!session) return errorResponse(provider || typeof body.sessionId === 'string' ? 'not_found' : 'bad_request')
      const expiresAt = session.handOff(plans.length > 1 ? plans.shift()! : (plans[0] ?? {}))
      links += 1
      // The shape of a real link (32 random bytes, base64url, in the fragment); a different one each time.
      const token = `${links}${'Tq8vKz2RmX4pW7bN1cY5hJ3sD6fG9aL0eU2iO8rE5tZ'.repeat(2)}`.slice(0, 43)
      return HttpResponse.json(
        { session: session.snapshot(), handoff: { url: `https://shop.example/verify#handoff=${token}`, expiresAt } },
        { status: 201 },
      )
    }),
    // What `flowLoad: 'held'` holds: the flow page's image, never answered.
    http.get('*/mock-flow-held.png', async () => {
      await delay('infinite')
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}

/** A story's `beforeEach`: a fresh mocked backend for every render of the story. */
export function withMockBackend(options: MockBackendOptions = {}) {
  // The addon puts the worker on the story context; its type augmentation does not reach CSF's React types.
  return (context: object) => {
    const msw = (context as { msw?: SetupWorker }).msw
    if (!msw) throw new Error('withMockBackend needs the mswLoader of .storybook/preview.ts.')
    msw.use(...mockBackend(options))
  }
}
