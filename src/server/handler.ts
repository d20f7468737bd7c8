import { join } from 'node:path'
import type { Provider, SessionSnapshot } from '../core/types'
import { type HandlerContext, toSnapshot } from './context'
import { errorResponse, fromProviderError, HttpError, ProviderError } from './errors'
import { createFaceSignClient } from './facesign'
import { createFaceVerifyClient } from './faceverify'
import { pathProblem } from './node-guard'
import { createOutboxDispatcher, type OutboxDispatcher } from './outbox'
import { createProviderBudget } from './provider-budget'
import { sessionEvents } from './routes/events'
import { cancelSession, createSession, getSession, refreshSecret } from './routes/sessions'
import { receiveWebhook } from './routes/webhooks'
import { createSessionEvents } from './session-events'
import { createSqliteStore } from './store-sqlite'
import type { VerificationHandlerOptions } from './types'

type Route = { method: 'GET' | 'POST'; pattern: RegExp; run: (ctx: HandlerContext, request: Request, id: string) => Promise<Response> }

const ID = '([A-Za-z0-9_-]{1,100})'
const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/sessions$/, run: (ctx, r) => createSession(ctx, r) },
  { method: 'GET', pattern: new RegExp(`^/sessions/${ID}$`), run: getSession },
  { method: 'GET', pattern: new RegExp(`^/sessions/${ID}/events$`), run: sessionEvents },
  { method: 'POST', pattern: new RegExp(`^/sessions/${ID}/refresh$`), run: refreshSecret },
  { method: 'POST', pattern: new RegExp(`^/sessions/${ID}/cancel$`), run: cancelSession },
  { method: 'POST', pattern: /^\/webhooks\/facesign$/, run: (ctx, r) => receiveWebhook(ctx, r, 'facesign') },
  { method: 'POST', pattern: /^\/webhooks\/faceverify$/, run: (ctx, r) => receiveWebhook(ctx, r, 'faceverify') },
]

export type VerificationHandler = ((request: Request) => Promise<Response>) & {
  /** Provider reads made for status so far (benchmarks, tests). */
  readonly providerReads: number
  /** Provider calls (creates, reads, refreshes, retries) this process made so far. */
  readonly providerCalls: number
  /** Status streams open right now. */
  readonly openStreams: number
  /**
   * The user's most recent session (any status), answered from the store: gate a route or page on
   * `(await handler.latestSession(user.id))?.status === 'verified'`. Never trust the browser's callbacks for that.
   */
  latestSession(userId: string, provider?: Provider): Promise<SessionSnapshot | undefined>
  /** Stops the outbox dispatcher and closes the store when the handler created it. */
  close(): Promise<void>
}

/**
 * The integrator backend as a Web-standard handler: mount it in node:http (toNodeListener),
 * Next.js route handlers, Hono or Express. Paths outside `basePath` answer 404.
 */
export function createVerificationHandler(options: VerificationHandlerOptions): VerificationHandler {
  const basePath = (options.basePath ?? '/api/verify').replace(/\/+$/, '')
  const ownsStore = options.store === undefined
  // A misspelt publicOrigin fails here, at startup, not as a 500 on every POST.
  for (const origin of [options.publicOrigin ?? []].flat()) new URL(origin)
  const store = options.store ?? createSqliteStore({ path: join(options.dataDir ?? '.data', 'verify.sqlite') })
  const ctx: HandlerContext = {
    options,
    store,
    events: createSessionEvents(store, options.onError),
    budgets: {},
    reads: { count: 0 },
    streamsByUser: new Map(),
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    createLocks: new Map(),
    createLeases: new Map(),
    // Started by the first request (or latestSession), not here: creating a handler at import time
    // (a Next.js route module, `next build`) must open no store and create no file.
    outbox: {
      wake: () => startOutbox().wake(),
      idle: () => outbox?.idle() ?? Promise.resolve(),
      close: () => {
        closed = true
        outbox?.close()
      },
    },
  }
  let outbox: OutboxDispatcher | undefined
  let closed = false
  function startOutbox(): OutboxDispatcher {
    outbox ??= createOutboxDispatcher({
      store,
      onStatusChange: options.onStatusChange,
      onError: options.onError,
      maxAttempts: options.outbox?.maxAttempts ?? 8,
      retryDelayMs: options.outbox?.retryDelayMs ?? 1000,
      leaseMs: options.outbox?.leaseMs ?? 30_000,
      pollMs: options.outbox?.pollMs ?? 5000,
    })
    if (closed) outbox.close()
    return outbox
  }
  // Each API key spends from its own budget in the store, whichever route or instance calls.
  if (options.facesign) {
    ctx.budgets.facesign = createProviderBudget(ctx.store, options.facesign.apiKey, options.providerBudget)
    ctx.facesign = createFaceSignClient(options.facesign, { beforeCall: ctx.budgets.facesign.beforeCall })
  }
  if (options.faceverify) {
    ctx.budgets.faceverify = createProviderBudget(ctx.store, options.faceverify.apiKey, options.providerBudget)
    ctx.faceverify = createFaceVerifyClient(options.faceverify, { beforeCall: ctx.budgets.faceverify.beforeCall })
  }

  async function handle(request: Request): Promise<Response> {
    // The outbox drains from the first request on (entries a crash left behind included).
    if (!closed) startOutbox()
    const path = new URL(request.url).pathname
    // Other frameworks hand us their own Request: the same canonical-path rule as the node guard.
    const problem = pathProblem(path)
    if (problem) return errorResponse(new HttpError(400, 'invalid_request_error', 'invalid_path', problem))
    if (!path.startsWith(`${basePath}/`)) return errorResponse(new HttpError(404, 'not_found_error', 'route_not_found', 'No such route.'))
    const rest = path.slice(basePath.length)
    const matches = ROUTES.map((route) => ({ route, match: route.pattern.exec(rest) })).filter((m) => m.match)
    if (matches.length === 0) return errorResponse(new HttpError(404, 'not_found_error', 'route_not_found', 'No such route.'))
    const hit = matches.find((m) => m.route.method === request.method)
    if (!hit) {
      const allow = matches.map((m) => m.route.method).join(', ')
      return errorResponse(
        new HttpError(405, 'invalid_request_error', 'method_not_allowed', `Use ${allow} for this route.`, { Allow: allow }),
      )
    }
    try {
      return await hit.route.run(ctx, request, hit.match?.[1] ?? '')
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error)
      if (error instanceof ProviderError) {
        // An answer that breaks the provider's contract (a 2xx we cannot use) wants an operator's
        // look; outages, limits and refusals are the caller's answer and nothing more.
        if (error.status !== undefined && error.status < 300) options.onError?.(error)
        return errorResponse(fromProviderError(error))
      }
      options.onError?.(error)
      return errorResponse(new HttpError(500, 'api_error', 'internal_error', 'Something went wrong on our side. Try again.'))
    }
  }

  // defineProperties, not Object.assign: assign would copy the getters' current values once.
  return Object.defineProperties(handle, {
    providerReads: { get: () => ctx.reads.count },
    providerCalls: { get: () => (ctx.budgets.facesign?.spent ?? 0) + (ctx.budgets.faceverify?.spent ?? 0) },
    openStreams: { get: () => ctx.events.size },
    latestSession: {
      value: async (userId: string, provider?: Provider) => {
        if (!closed) startOutbox()
        const session = await store.latest(userId, provider)
        return session ? toSnapshot(session) : undefined
      },
    },
    close: {
      value: async () => {
        ctx.outbox.close()
        if (ownsStore) await store.close()
      },
    },
  }) as VerificationHandler
}
