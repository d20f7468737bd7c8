import { isRecord } from '../core/guards'
import type { Provider, SessionSnapshot } from '../core/types'
import { errorResponse, fromProviderError, HttpError, notFound as notFoundError, ProviderError } from './errors'
import { DEFAULTS, type RequestFacts, resolveOptions, type VerificationHandlerOptions } from './options'
import { budgetPerMinute, createProviderBudget, tierLimit } from './providers/budget'
import { createAdapters, shippedProviders } from './providers/registry'
import { describeFailure } from './report'
import type { RouteContext, RouteGuards } from './routes/context'
import { checkOrigin, requireIdentity } from './routes/guards'
import { ROUTES } from './routes/table'
import { createSessionEvents } from './service/fanout'
import { createHandoffService } from './service/handoff'
import { clientAddressOf, createLimits } from './service/limits'
import { createMetrics, type Metrics } from './service/metrics'
import { createOutboxDispatcher, type OutboxDispatcher } from './service/outbox'
import { createRetention, type RetentionResult } from './service/retention'
import { createSessionService } from './service/sessions'
import type { DeadLetter, Identity, SessionStore, StoredSession } from './types'
import { applyCors, isPreflight, preflightResponse } from './util/cors'
import { pathProblem } from './util/path'

export type VerificationHandler = ((request: Request, facts?: RequestFacts | object) => Promise<Response>) & {
  /** Provider reads made for status so far (benchmarks, tests). */
  readonly providerReads: number
  /** Provider calls (creates, reads, refreshes, retries) this process made so far. */
  readonly providerCalls: number
  /** Status streams open right now in this process. */
  readonly openStreams: number
  /**
   * The user's most recent session (any status), answered from the store: gate a route or page on
   * `(await handler.latestSession(user.id))?.status === 'verified'`. Never trust the browser's callbacks for that.
   */
  latestSession(userId: string, provider?: Provider | string): Promise<SessionSnapshot | undefined>
  /**
   * For a readiness probe: whether the store answers, the outbox backlog and dead entries, what each
   * provider key's budget has left this minute, and the streams open here. Never throws.
   */
  health(): Promise<HealthReport>
  /**
   * Outcomes given up on (every attempt of `onStatusChange` failed), the most recent first, up to
   * `limit` (default 100, at most 1000): each with its change, attempts and last error.
   */
  deadLetters(limit?: number): Promise<DeadLetter[]>
  /**
   * Sends these dead outcomes again (once the app's endpoint is fixed): pending from now, with their
   * attempts counted anew. Returns how many were revived (ids that are not dead are ignored).
   */
  reviveDeadLetters(ids: readonly string[]): Promise<number>
  /**
   * One retention pass now: ends sessions open past `retention.openSessionMs`, deletes what is past
   * its lifetime (it also runs on its own every `retention.intervalMs`, on one instance at a time).
   */
  prune(): Promise<RetentionResult>
  /**
   * Resolves once this handler has no status stream open and no `onStatusChange` delivery running:
   * a handler made per request (a Worker with PostgreSQL) closes after it, in `waitUntil`.
   */
  idle(): Promise<void>
  /**
   * Stops taking outbox entries, lets the deliveries in progress finish, and closes the store when
   * the handler created it. Open status streams see their store go and end; browsers reconnect.
   */
  close(): Promise<void>
}

/** `handler.health()`: `ok` is false when the store does not answer (its error, masked, says why). */
export interface HealthReport {
  ok: boolean
  store: { ok: boolean; error?: string }
  outbox?: { pending: number; dead: number }
  budgets?: { provider: string; perMinute: number; remaining: number }[]
  streams: number
}

/** What the runtime's entry gives the handler: its default store (Node: SQLite in `dataDir`). */
export interface RuntimeDefaults {
  defaultStore?: (dataDir: string) => SessionStore
}

const isProduction = () =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV === 'production'

const notFound = () => errorResponse(new HttpError(404, 'not_found_error', 'route_not_found', 'No such route.'))

/**
 * Only the facts we know, each checked: frameworks pass their own second argument (Next.js route
 * handlers `{ params }`, Workers `env`), which must never be mistaken for ours.
 */
function readFacts(value: unknown): RequestFacts {
  if (!isRecord(value)) return {}
  const facts: RequestFacts = {}
  if (typeof value.clientAddress === 'string' && value.clientAddress !== '') facts.clientAddress = value.clientAddress
  if (value.bodyParsedBefore === true) facts.bodyParsedBefore = true
  return facts
}

/**
 * The integrator backend as a Web-standard handler, built once from the options (checked and
 * completed here, so a bad setting fails at startup, not as a 500 per request). Layers, bottom up:
 * the store, the provider adapters, the session service, the routes; this function only wires them.
 */
export function createHandler(options: VerificationHandlerOptions, runtime: RuntimeDefaults = {}): VerificationHandler {
  if (!isRecord(options)) throw new TypeError('createVerificationHandler needs an options object.')
  const ownsStore = options.store === undefined
  let store: SessionStore
  if (options.store) store = options.store
  else if (runtime.defaultStore) store = runtime.defaultStore(options.dataDir ?? DEFAULTS.dataDir)
  else
    throw new TypeError(
      'This runtime has no default session store: pass store: createPostgresStore({ connectionString }) (several instances) or createMemoryStore() (one process, lost on restart).',
    )
  // Set once the options are resolved; provider calls made before that (none are) would go uncounted.
  let metrics: Metrics | undefined
  const adapters = createAdapters(options, options.providers ?? {}, (name) => ({
    budget: (apiKey, documented) =>
      createProviderBudget(store, apiKey, budgetPerMinute(documented, options.providerBudget), (tier, ok, refused) =>
        metrics?.providerCall(name, tier, refused ? 'budget_refused' : ok ? 'ok' : 'error'),
      ),
  }))
  const smallestBudget = Math.min(...[...adapters.values()].map((a) => a.budget.perMinute))
  const tier = (name: 'create' | 'refresh', none: number) => (Number.isFinite(smallestBudget) ? tierLimit(smallestBudget, name) : none)
  let closed = false
  const given = resolveOptions(options, { create: tier('create', 600), refresh: tier('refresh', 120) })
  // Once closed, what fails is work the close cut short (a store that is gone): not news.
  const resolved = { ...given, report: (error: unknown) => !closed && given.report(error) }
  const live = [...adapters.values()].filter((a) => a.livemode).map((a) => a.label)
  if (!resolved.publicOrigins && (isProduction() || live.length > 0)) {
    // Without it the Origin check trusts the Host header, which a DNS-rebinding page chooses.
    throw new TypeError(
      `publicOrigin is required ${live.length > 0 ? `with live keys (${live.join(', ')})` : 'when NODE_ENV is production'}: set it to the origin(s) your pages are served from, e.g. publicOrigin: 'https://shop.example'.`,
    )
  }

  const fanout = createSessionEvents(store, resolved.report)
  const budgets = () =>
    Promise.all(
      [...adapters].map(async ([provider, a]) => ({
        provider,
        perMinute: a.budget.perMinute,
        remaining: (await a.budget.remaining?.()) ?? a.budget.perMinute,
      })),
    )
  metrics = createMetrics(resolved.meter, { outbox: () => store.outboxStats(), budgets, streams: () => fanout.size }, resolved.report)
  const limits = createLimits(store, resolved)
  let outbox: OutboxDispatcher | undefined
  // Store work a route left running after its answer (a stream's slot given back): close waits for it.
  const pending = new Set<Promise<unknown>>()
  const defer = (work: Promise<unknown>) => {
    pending.add(work)
    void work.catch(resolved.report).finally(() => pending.delete(work))
  }
  // Started by the first request (or latestSession), not here: creating a handler at import time
  // (a Next.js route module, `next build`, a Worker's global scope) must open no store and start no timer.
  let closing = false
  const startOutbox = () => {
    if (closing || outbox) return
    outbox = createOutboxDispatcher({
      store,
      onStatusChange: resolved.onStatusChange,
      report: resolved.report,
      metrics: metrics!,
      ...resolved.outbox,
    })
    retention.start(resolved.report)
  }
  const service = createSessionService({
    store,
    adapters,
    options: resolved,
    limits,
    fanout,
    wakeOutbox: () => outbox?.wake(),
    knownProviders: shippedProviders,
    metrics,
  })

  const retention = createRetention({ store, options: resolved, expire: (id) => service.applyStatus(id, 'expired') })

  const handoff = createHandoffService({ store, service, limits, options: resolved })

  /**
   * Who is asking, and the session a route is about: the signed-in owner, or (where a route lets it)
   * the device a handoff link bound to that one session, which then acts for its owner.
   */
  async function principal(request: Request, guards: RouteGuards, id: string): Promise<{ user?: Identity; session?: StoredSession }> {
    if (!guards.identity) return {}
    if (!guards.device || !guards.ownSession) {
      const user = await requireIdentity(resolved, request)
      return { user, ...(guards.ownSession ? { session: await service.own(user, id) } : {}) }
    }
    // An identify that refuses with its own 401 (createTokenIdentity: no token on the phone) still
    // lets the device a handoff link bound through; anyone else hears that refusal.
    let refused: HttpError | undefined
    const user = await Promise.resolve(resolved.identify(request)).catch((error: unknown) => {
      if (!(error instanceof HttpError)) throw error
      refused = error
      return null
    })
    const session = await store.get(id)
    if (session && user?.id && session.userId === user.id) return { user, session }
    if (session && (await handoff.isDeviceOf(request, id))) return { user: { id: session.userId }, session }
    if (refused) throw refused
    if (!user?.id) await requireIdentity(resolved, request)
    throw notFoundError()
  }

  async function route(request: Request, facts: RequestFacts): Promise<Response> {
    const path = new URL(request.url).pathname
    // Other frameworks hand us their own Request: the same canonical-path rule as the node guard.
    const problem = pathProblem(path)
    if (problem) return errorResponse(new HttpError(400, 'invalid_request_error', 'invalid_path', problem))
    if (!path.startsWith(`${resolved.basePath}/`)) return notFound()
    const rest = path.slice(resolved.basePath.length)
    const matches = ROUTES.map((r) => ({ route: r, match: r.pattern.exec(rest) })).filter((m) => m.match)
    if (matches.length === 0) return notFound()
    // Browser routes answer preflights; a provider's webhook is never called from a page.
    const browser = matches.filter((m) => m.route.guards.origin || m.route.guards.identity)
    if (isPreflight(request) && browser.length > 0)
      return preflightResponse(
        resolved.cors,
        request,
        browser.map((m) => m.route.method),
      )
    const hit = matches.find((m) => m.route.method === request.method)
    if (!hit) {
      const allow = matches.map((m) => m.route.method).join(', ')
      return errorResponse(
        new HttpError(405, 'invalid_request_error', 'method_not_allowed', `Use ${allow} for this route.`, { Allow: allow }),
      )
    }
    const { route: r, match } = hit
    const params = { ...match?.groups }
    const { guards } = r
    if (guards.origin) checkOrigin(resolved, request)
    const { user, session } = await principal(request, guards, params.id ?? '')
    const ctx = {
      request,
      facts,
      address: clientAddressOf(request, facts.clientAddress, resolved),
      params,
      user,
      session,
      service,
      handoff,
      limits,
      fanout,
      options: resolved,
      defer,
    } as RouteContext
    return r.run(ctx)
  }

  async function handle(request: Request, facts?: unknown): Promise<Response> {
    // The outbox drains from the first request on (entries a crash left behind included).
    startOutbox()
    const response = await answer(request, facts)
    // A preflight's answer carries its own headers (a refused one none).
    if (!resolved.cors || isPreflight(request)) return response
    return applyCors(resolved.cors, request, response, !new URL(request.url).pathname.startsWith(`${resolved.basePath}/webhooks/`))
  }

  async function answer(request: Request, facts?: unknown): Promise<Response> {
    try {
      return await route(request, readFacts(facts))
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error)
      if (error instanceof ProviderError) {
        // An answer that breaks the provider's contract (a 2xx we cannot use) wants an operator's
        // look; outages, limits and refusals are the caller's answer, and reported when they are ours to fix.
        if (error.status !== undefined && error.status < 300) resolved.report(error)
        else if (error.type === 'authentication_error') resolved.report(error)
        return errorResponse(fromProviderError(error))
      }
      resolved.report(error)
      return errorResponse(new HttpError(500, 'api_error', 'internal_error', 'Something went wrong on our side. Try again.'))
    }
  }

  // defineProperties, not Object.assign: assign would copy the getters' current values once.
  return Object.defineProperties(handle, {
    providerReads: { get: () => service.reads.count },
    providerCalls: { get: () => [...adapters.values()].reduce((n, a) => n + a.budget.spent, 0) },
    openStreams: { get: () => fanout.size },
    latestSession: {
      value: (userId: string, provider?: string) => {
        startOutbox()
        return service.latest(userId, provider)
      },
    },
    prune: { value: () => retention.run() },
    deadLetters: {
      value: (limit = 100) => {
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
          throw new TypeError(`deadLetters(limit): a whole number from 1 to 1000; got ${String(limit)}.`)
        return store.deadLetters(limit)
      },
    },
    reviveDeadLetters: {
      value: async (ids: readonly string[]) => {
        if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))
          throw new TypeError('reviveDeadLetters(ids): an array of dead letter ids (their eventId).')
        const revived = await store.reviveDeadLetters(ids)
        startOutbox()
        outbox?.wake()
        return revived
      },
    },
    health: {
      value: async (): Promise<HealthReport> => {
        const streams = fanout.size
        try {
          const [outboxStats, budgetsLeft] = await Promise.all([store.outboxStats(), budgets()])
          return { ok: true, store: { ok: true }, outbox: outboxStats, budgets: budgetsLeft, streams }
        } catch (error) {
          return { ok: false, store: { ok: false, error: describeFailure(error) }, streams }
        }
      },
    },
    idle: {
      value: async () => {
        await fanout.idle()
        await outbox?.idle()
      },
    },
    close: {
      value: async () => {
        closing = true
        // Stops claiming; deliveries already running finish (each within outbox.timeoutMs) before the store closes.
        const running = outbox?.idle()
        outbox?.close()
        retention.stop()
        await running
        await Promise.allSettled([...pending])
        closed = true
        if (ownsStore) await store.close()
      },
    },
  }) as VerificationHandler
}
