import type { ProviderBudgetOptions } from './providers/budget'
import type { ProviderFactory, ProviderOptions } from './providers/registry'
import { createConsoleReporter } from './report'
import type { MeterLike } from './service/metrics'
import type { DeliveryContext, Identity, SessionStore, StatusChange } from './types'
import type { CorsPolicy } from './util/cors'

/** What the runtime knows about a request and a `Request` cannot carry: `handler(request, facts)`. */
export interface RequestFacts {
  /** The client's address (the socket's peer, a platform's connection info). */
  clientAddress?: string
  /**
   * A framework read and parsed the body before the handler (Express's `express.json()`); the
   * Request carries it re-serialised. JSON routes accept that; webhooks refuse it, since their
   * signatures cover the bytes sent.
   */
  bodyParsedBefore?: boolean
}

/** Limits per user, per client address and for the whole backend (all instances: they are kept in the store). */
export interface LimitOptions {
  /** Session creations per user per minute, default 10. */
  createPerUser?: number
  /** Session creations per client address (IPv6: per /64) per minute, default 30 but at most a quarter of `createGlobal`. */
  createPerAddress?: number
  /**
   * Session creations per minute for the whole backend, default the create share of the smallest
   * provider budget. Anonymous users (an identity with `anonymous: true`) together get half of it,
   * so signed-in users always have the other half.
   */
  createGlobal?: number
  /** New client secrets per session per minute, default 3. */
  refreshPerSession?: number
  /** New client secrets per user per minute, default 6. */
  refreshPerUser?: number
  /** New client secrets per client address (IPv6: per /64) per minute, default 30 but at most a quarter of the budget's refresh share. */
  refreshPerAddress?: number
  /** Status streams one user may hold open at once, default 5. */
  streamsPerUser?: number
  /** Status streams one client address (IPv6: per /64) may hold open at once, default 20. */
  streamsPerAddress?: number
  /** Status streams open at once on the whole backend, default 2000. */
  streamsGlobal?: number
  /** A status stream ends after this long (the browser's EventSource reconnects), default 5 min. */
  streamLifetimeMs?: number
  /** "Continue on your phone" links one user may make per minute, default 10. */
  handoffPerUser?: number
  /** Links per session per minute, default 5. */
  handoffPerSession?: number
  /** Attempts to open a link per client address (IPv6: per /64) per minute, default 30. */
  claimPerAddress?: number
}

/** "Continue on your phone": a link that hands one session to a second device. */
export interface HandoffOptions {
  /**
   * The hosted verification page the link opens (this package's `index.html`, served by you), e.g.
   * `https://shop.example/verify`. Default: `publicOrigin` + `/`, else the requesting page's origin + `/`.
   */
  pageUrl?: string
  /** How long a link can be opened, default 10 min. It opens once: the first device wins. */
  ttlMs?: number
  /** How long the device that opened it may follow and finish the session, default 1 h. */
  deviceTtlMs?: number
}

/** How long data is kept. Finished sessions, webhook events and settled outbox rows are deleted after their time. */
export interface RetentionOptions {
  /** A session still open this long after it was created ends as expired (no provider expiry needed), default 24 h. */
  openSessionMs?: number
  /** Finished sessions (and with them what `latestSession` can answer), default 365 days. Keep outcomes longer through `onStatusChange`. */
  finishedSessionMs?: number
  /** Recorded webhook events (the dedupe window), default 30 days. */
  webhookEventMs?: number
  /** Delivered outbox entries, default 7 days. */
  deliveredMs?: number
  /** Dead outbox entries (deliveries given up), default 30 days. */
  deadMs?: number
  /** How often one instance prunes (in bounded batches), default 1 h. */
  intervalMs?: number
}

/**
 * Pages on other origins than this backend (the backend runs as a service of its own): their
 * browser calls are allowed for these origins only. Without it, serve the page and the backend
 * from one origin (your reverse proxy) and no cross-origin call is needed.
 */
export interface CorsOptions {
  /** Exact origins such as `https://shop.example` (no `*`); they also pass the Origin check on POSTs. */
  origins: readonly string[]
  /**
   * Let those pages send cookies (`fetch(…, { credentials: 'include' })`): only for an `identify`
   * that reads a cookie shared with the page. Identity tokens need none. Default false.
   */
  credentials?: boolean
  /** How long a browser may reuse a preflight answer, default 600 s. */
  maxAgeSeconds?: number
}

export interface OutboxOptions {
  /** Attempts before an entry is given up (kept as dead, reported to onError), default 8. */
  maxAttempts?: number
  /** First retry delay, doubling up to 10 min, default 1000 ms. */
  retryDelayMs?: number
  /** One delivery's time: its signal aborts and it counts as failed, default 10000 ms. */
  timeoutMs?: number
  /** How often the store is checked for entries no write of this process announced, default 5000 ms. */
  pollMs?: number
}

export interface VerificationHandlerOptions extends ProviderOptions {
  /** The integrator's auth: the user behind a request, or null (→ 401). */
  identify: (request: Request) => Identity | null | Promise<Identity | null>
  /** Where sessions live; default SQLite in `dataDir` on Node, required on other runtimes. */
  store?: SessionStore
  /** Providers of your own, by name (see `ProviderAdapter`). */
  providers?: Readonly<Record<string, ProviderFactory>>
  /** Default `/api/verify`. */
  basePath?: string
  /**
   * This backend's public origin(s), e.g. `https://shop.example`: what a browser's Origin header must
   * name on POSTs. Default: the Host header's origin (refused in production: set it there).
   */
  publicOrigin?: string | readonly string[]
  /** Origins allowed to POST besides `publicOrigin` (e.g. a storefront on another domain). */
  allowedOrigins?: readonly string[]
  /** Cross-origin browser calls, for the listed origins only (default: none). */
  cors?: CorsOptions
  /** Request body limit in bytes, default 64 KiB. */
  maxBodyBytes?: number
  /**
   * Without webhooks: at most one provider read per session per this many ms at first (backing off
   * to 1 min as the session stays quiet), default 5000. Also how often a status stream checks the store.
   */
  statusCacheMs?: number
  /**
   * With webhooks, they are the status source: a session is read from the provider only after
   * nothing was heard of it for this long (then with backoff), default 60000.
   */
  statusFallbackAfterMs?: number
  /**
   * The provider-call budget per API key, shared by every route, session and instance (kept in the
   * store): `share` (default 0.8) of `limitPerMinute` (default: the documented 100/min for test keys,
   * 1000/min for live keys). Spent: creates answer 429 with Retry-After; webhooks still land.
   */
  providerBudget?: ProviderBudgetOptions
  limits?: LimitOptions
  /**
   * The client's address for per-address limits when the runtime passes none in `handler(request,
   * { clientAddress })` (e.g. from a platform header such as `CF-Connecting-IP`).
   */
  clientAddress?: (request: Request) => string | undefined
  /** Behind your own proxy: take the client address from the last X-Forwarded-For entry. Default false. */
  trustProxy?: boolean
  /** SSE heartbeat interval, default 15000. */
  heartbeatMs?: number
  /** Node's default SQLite store lives here when no `store` is given, default `.data`. */
  dataDir?: string
  /**
   * The integrator's server code hears every status transition here: durably and at least once
   * (the outbox), in order per session, retried with backoff while it throws, rejects or runs past
   * `outbox.timeoutMs` (then `context.signal` aborts). `change.eventId` is stable across retries: dedupe on it.
   */
  onStatusChange?: (change: StatusChange, context: DeliveryContext) => void | Promise<void>
  outbox?: OutboxOptions
  retention?: RetentionOptions
  /** "Continue on your phone" links (`false` turns the routes off). */
  handoff?: HandoffOptions | false
  /**
   * An OpenTelemetry meter, e.g. `metrics.getMeter('verify-widget')` from `@opentelemetry/api`: sessions,
   * provider calls, webhooks, the outbox, streams and budgets are recorded on it ([operations](docs/operations.md)).
   */
  meter?: MeterLike
  /**
   * Unexpected failures and provider answers that break its contract. Default: one line each on the
   * console (the same failure at most once a minute, secrets masked); your function replaces that.
   */
  onError?: (error: unknown) => void
}

/** Every setting with its default applied: resolved once, when the handler is created. */
export interface ResolvedOptions {
  basePath: string
  /** Configured public origins, normalised; undefined: the Host header's. */
  publicOrigins: readonly string[] | undefined
  allowedOrigins: readonly string[]
  cors: CorsPolicy | undefined
  maxBodyBytes: number
  statusCacheMs: number
  statusFallbackAfterMs: number
  heartbeatMs: number
  budget: ProviderBudgetOptions
  limits: Required<LimitOptions>
  outbox: Required<OutboxOptions> & { leaseMs: number }
  retention: Required<RetentionOptions>
  handoff: { pageUrl: string | undefined; ttlMs: number; deviceTtlMs: number } | undefined
  meter: MeterLike | undefined
  trustProxy: boolean
  identify: VerificationHandlerOptions['identify']
  clientAddress: VerificationHandlerOptions['clientAddress']
  onStatusChange: VerificationHandlerOptions['onStatusChange']
  report: (error: unknown) => void
}

const HOUR = 60 * 60_000
const DAY = 24 * HOUR

/** Defaults that do not depend on other settings. */
export const DEFAULTS = {
  basePath: '/api/verify',
  maxBodyBytes: 64 * 1024,
  statusCacheMs: 5000,
  statusFallbackAfterMs: 60_000,
  heartbeatMs: 15_000,
  dataDir: '.data',
  limits: {
    createPerUser: 10,
    createPerAddress: 30,
    refreshPerSession: 3,
    refreshPerUser: 6,
    refreshPerAddress: 30,
    streamsPerUser: 5,
    streamsPerAddress: 20,
    streamsGlobal: 2000,
    streamLifetimeMs: 5 * 60_000,
    handoffPerUser: 10,
    handoffPerSession: 5,
    claimPerAddress: 30,
  },
  handoff: { ttlMs: 10 * 60_000, deviceTtlMs: HOUR },
  outbox: { maxAttempts: 8, retryDelayMs: 1000, timeoutMs: 10_000, pollMs: 5000 },
  retention: {
    openSessionMs: 24 * HOUR,
    finishedSessionMs: 365 * DAY,
    webhookEventMs: 30 * DAY,
    deliveredMs: 7 * DAY,
    deadMs: 30 * DAY,
    intervalMs: HOUR,
  },
} as const

/** Options from before the redesign, with where they went: a clear startup error instead of a silent default. */
const RENAMED: Record<string, string> = {
  createLimitPerMinute: 'limits.createPerUser',
  createLimitPerAddressPerMinute: 'limits.createPerAddress',
  createLimitGlobalPerMinute: 'limits.createGlobal',
  maxStreamsPerUser: 'limits.streamsPerUser',
  trustForwardedFor: 'trustProxy',
}

const checked = (name: string, value: number | undefined, fallback: number, least: number): number => {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < least)
    throw new TypeError(`${name} must be a ${least > 0 ? 'positive' : 'non-negative'} number; got ${String(value)}.`)
  return value
}
/** An absolute http(s) URL without a fragment (the link's token goes there). */
function pageUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(`handoff.pageUrl must be an absolute URL such as "https://shop.example/verify"; "${value}" is not one.`)
  }
  if (!/^https?:$/.test(url.protocol) || url.hash)
    throw new TypeError(`handoff.pageUrl must be an http(s) URL without a #fragment; got "${value}".`)
  return url.toString()
}

function resolveCors(cors: CorsOptions | undefined, origins: (list: readonly string[], name: string) => string[]): CorsPolicy | undefined {
  if (cors === undefined) return undefined
  if (!cors || !Array.isArray(cors.origins))
    throw new TypeError('cors must be { origins: ["https://shop.example"] }: the origins of the pages that call this backend.')
  if (cors.origins.includes('*') || cors.origins.includes('null'))
    throw new TypeError(
      'cors.origins must list exact origins such as "https://shop.example": "*" or "null" would let any page call with its visitors\' tokens.',
    )
  const list = origins(cors.origins, 'cors.origins').map((origin) => origin.toLowerCase())
  if (list.length === 0) throw new TypeError('cors.origins is empty: list the origins of your pages, or leave cors out.')
  if (cors.credentials !== undefined && typeof cors.credentials !== 'boolean')
    throw new TypeError('cors.credentials must be true or false.')
  const maxAge = cors.maxAgeSeconds ?? 600
  if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 86_400)
    throw new TypeError(`cors.maxAgeSeconds must be a whole number from 0 to 86400; got ${String(cors.maxAgeSeconds)}.`)
  return { origins: list, credentials: cors.credentials ?? false, maxAgeSeconds: maxAge }
}

const positive = (name: string, value: number | undefined, fallback: number) => checked(name, value, fallback, Number.MIN_VALUE)
const nonNegative = (name: string, value: number | undefined, fallback: number) => checked(name, value, fallback, 0)

/**
 * Checks and completes the options once. `createGlobalDefault` is the create share of the smallest
 * provider budget (the adapters know their keys' limits). Throws a TypeError naming the setting.
 */
export function resolveOptions(options: VerificationHandlerOptions, tiers: { create: number; refresh: number }): ResolvedOptions {
  for (const [old, now] of Object.entries(RENAMED)) {
    if (old in options) throw new TypeError(`The option ${old} is now ${now}.`)
  }
  if (typeof options.identify !== 'function')
    throw new TypeError('identify is required: a function from the request to { id } of your signed-in user, or null.')
  const origins = (list: readonly string[], name: string) =>
    list.map((origin) => {
      try {
        return new URL(origin).origin
      } catch {
        throw new TypeError(`${name} must hold origins such as "https://shop.example"; "${origin}" is not one.`)
      }
    })
  const publicOrigin = options.publicOrigin
  const cors = resolveCors(options.cors, origins)
  const l = options.limits ?? {}
  const d = DEFAULTS.limits
  const o = options.outbox ?? {}
  const timeoutMs = positive('outbox.timeoutMs', o.timeoutMs, DEFAULTS.outbox.timeoutMs)
  const createGlobal = Math.floor(positive('limits.createGlobal', l.createGlobal, tiers.create))
  // By default one address may take at most a quarter of what the backend can do: two cannot lock out the rest.
  const quarter = (n: number) => Math.max(1, Math.floor(n / 4))
  return {
    basePath: (options.basePath ?? DEFAULTS.basePath).replace(/\/+$/, ''),
    publicOrigins: publicOrigin === undefined ? undefined : origins([publicOrigin].flat(), 'publicOrigin'),
    // A page allowed to call cross-origin must also pass the Origin check of its POSTs.
    allowedOrigins: [...new Set([...origins(options.allowedOrigins ?? [], 'allowedOrigins'), ...(cors?.origins ?? [])])],
    cors,
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, DEFAULTS.maxBodyBytes),
    statusCacheMs: nonNegative('statusCacheMs', options.statusCacheMs, DEFAULTS.statusCacheMs),
    statusFallbackAfterMs: nonNegative('statusFallbackAfterMs', options.statusFallbackAfterMs, DEFAULTS.statusFallbackAfterMs),
    heartbeatMs: positive('heartbeatMs', options.heartbeatMs, DEFAULTS.heartbeatMs),
    budget: options.providerBudget ?? {},
    limits: {
      createPerUser: positive('limits.createPerUser', l.createPerUser, d.createPerUser),
      // By default one address may take at most a quarter of the backend's creations: two cannot lock
      // out the rest. A value set on purpose (a test rig, an office behind one address) stands.
      createPerAddress: positive('limits.createPerAddress', l.createPerAddress, Math.min(d.createPerAddress, quarter(createGlobal))),
      createGlobal,
      refreshPerSession: positive('limits.refreshPerSession', l.refreshPerSession, d.refreshPerSession),
      refreshPerUser: positive('limits.refreshPerUser', l.refreshPerUser, d.refreshPerUser),
      refreshPerAddress: positive('limits.refreshPerAddress', l.refreshPerAddress, Math.min(d.refreshPerAddress, quarter(tiers.refresh))),
      streamsPerUser: positive('limits.streamsPerUser', l.streamsPerUser, d.streamsPerUser),
      streamsPerAddress: positive('limits.streamsPerAddress', l.streamsPerAddress, d.streamsPerAddress),
      streamsGlobal: positive('limits.streamsGlobal', l.streamsGlobal, d.streamsGlobal),
      streamLifetimeMs: positive('limits.streamLifetimeMs', l.streamLifetimeMs, d.streamLifetimeMs),
      handoffPerUser: positive('limits.handoffPerUser', l.handoffPerUser, d.handoffPerUser),
      handoffPerSession: positive('limits.handoffPerSession', l.handoffPerSession, d.handoffPerSession),
      claimPerAddress: positive('limits.claimPerAddress', l.claimPerAddress, d.claimPerAddress),
    },
    outbox: {
      maxAttempts: Math.floor(positive('outbox.maxAttempts', o.maxAttempts, DEFAULTS.outbox.maxAttempts)),
      retryDelayMs: positive('outbox.retryDelayMs', o.retryDelayMs, DEFAULTS.outbox.retryDelayMs),
      timeoutMs,
      pollMs: positive('outbox.pollMs', o.pollMs, DEFAULTS.outbox.pollMs),
      // A claim outlives its delivery's timeout: an entry in flight is never claimed again.
      leaseMs: timeoutMs * 2 + 1000,
    },
    retention: Object.fromEntries(
      Object.entries(DEFAULTS.retention).map(([name, fallback]) => [
        name,
        positive(`retention.${name}`, options.retention?.[name as keyof RetentionOptions], fallback),
      ]),
    ) as Required<RetentionOptions>,
    handoff:
      options.handoff === false
        ? undefined
        : {
            pageUrl: options.handoff?.pageUrl === undefined ? undefined : pageUrl(options.handoff.pageUrl),
            ttlMs: positive('handoff.ttlMs', options.handoff?.ttlMs, DEFAULTS.handoff.ttlMs),
            deviceTtlMs: positive('handoff.deviceTtlMs', options.handoff?.deviceTtlMs, DEFAULTS.handoff.deviceTtlMs),
          },
    meter: options.meter,
    trustProxy: options.trustProxy ?? false,
    identify: options.identify,
    clientAddress: options.clientAddress,
    onStatusChange: options.onStatusChange,
    report: options.onError ?? createConsoleReporter(),
  }
}
