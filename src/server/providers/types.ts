import type { SessionStatus } from '../../core/types'

/**
 * Who a provider call is for, most important last. Each tier may use the key's per-minute budget
 * only up to its share, so status reads can never crowd out a person's create or refresh, and none
 * of them can take the last calls a webhook needs to read a status it was told about.
 */
export type CallTier = 'background' | 'create' | 'refresh' | 'webhook'

/** The provider-call budget of one API key, shared by every route, session and instance. */
export interface ProviderBudget {
  /** Calls per minute this key may make (a share of the documented limit). */
  readonly perMinute: number
  /** Calls this process let through so far (benchmarks, tests, metrics). */
  readonly spent: number
  /** Called before every attempt (retries included); throws a `budget_exhausted` ProviderError to refuse. */
  beforeCall(tier: CallTier): Promise<void>
  /** Called after every attempt that was sent: how it went (metrics). */
  afterCall?(tier: CallTier, ok: boolean): void
  /** Calls left in the current minute, across every instance (health, metrics). */
  remaining?(): Promise<number>
}

/** What the handler gives each adapter it builds. */
export interface AdapterDeps {
  /** The budget for `apiKey` (known to the store only as a hash), at `limitPerMinute` documented calls. */
  budget(apiKey: string, limitPerMinute: number): ProviderBudget
}

/** A provider session just created. */
export interface CreatedSession {
  providerSessionId: string
  status: SessionStatus
  clientSecret?: string
  url: string
  expiresAt?: string
  livemode: boolean
}

/** Where a (renewed) flow runs. */
export interface FlowSecret {
  clientSecret?: string
  url: string
  expiresAt?: string
}

/** A session as the provider reports it: `status` undefined for a status this version does not know (kept as `raw`). */
export interface RemoteStatus {
  status: SessionStatus | undefined
  raw: string
}

/** A verified webhook, parsed. */
export interface WebhookEvent {
  /** The dedupe key, covered by the signature. */
  eventId: string
  type: string
  /** Our own session id when the event names it (FaceVerify's uniqueIdentifier). */
  sessionId?: string
  /** The provider's session id. */
  providerSessionId?: string
  /** The status the event tells; undefined: the event carries none, read it with `retrieve`. */
  status?: SessionStatus
}

/**
 * Everything the backend knows about one provider, behind one interface: nothing outside
 * `src/server/providers` names a provider. Adding one is a file that exports a definition plus its
 * line in `registry.ts`.
 */
export interface ProviderAdapter {
  /** The name sessions, routes (`/webhooks/<name>`) and the browser use. */
  readonly name: string
  /** For people: "FaceSign". */
  readonly label: string
  /** False for test keys: sessions are test sessions and the widget shows "Test mode". */
  readonly livemode: boolean
  readonly budget: ProviderBudget
  /** Creates the provider session for our session `sessionId` (also the idempotency key). */
  create(input: { sessionId: string; country?: string }, tier: CallTier): Promise<CreatedSession>
  /** The session's status at the provider; absent when the provider has no status endpoint. */
  retrieve?(providerSessionId: string, tier: CallTier): Promise<RemoteStatus>
  /** A new client secret (a new flow) for an open session; absent when the provider has none. */
  renewSecret?(providerSessionId: string, tier: CallTier): Promise<FlowSecret>
  /** Present when webhooks are configured: then they are the status source. */
  readonly webhook?: {
    /** Checks the signature over the raw body; never throws. */
    verify(raw: string, headers: Headers): Promise<boolean>
    /** Parses a verified body; throws a 400 HttpError for one that is not an event. */
    parse(body: unknown, raw: string, headers: Headers): Promise<WebhookEvent>
  }
}

/** A provider the handler can be configured with: `options[name]` turns into an adapter. */
export interface ProviderDefinition<Options> {
  readonly name: string
  /** Throws a TypeError naming the setting for options that cannot work. */
  create(options: Options, deps: AdapterDeps): ProviderAdapter
}

/** Test keys start with `sk_test_`; every other key is live. */
export const isTestKey = (apiKey: string) => apiKey.startsWith('sk_test_')

/** The rate limit both providers document: 100 calls a minute for a test key, 1000 for a live one. */
export const documentedLimit = (apiKey: string) => (isTestKey(apiKey) ? 100 : 1000)
