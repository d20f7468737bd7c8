import type { Provider, SessionStatus } from '../core/types'

/** Who is asking: whatever the integrator's auth says, reduced to a stable id. */
export interface Identity {
  id: string
}

/** A session as the backend stores it. Holds no API key; the client secret is short-lived. */
export interface StoredSession {
  id: string
  userId: string
  provider: Provider
  /** The provider's own id (FaceSign `vs_…`, FaceVerify's session id or our uniqueIdentifier). */
  providerSessionId: string
  status: SessionStatus
  clientSecret?: string
  url: string
  expiresAt?: string
  livemode: boolean
  createdAt: string
  updatedAt: string
}

export type SessionPatch = Partial<Pick<StoredSession, 'clientSecret' | 'url' | 'expiresAt'>>

export interface WebhookEventRecord {
  provider: Provider
  eventId: string
  type: string
  sessionId?: string
  receivedAt: string
}

export interface ApplyStatusResult {
  session: StoredSession
  changed: boolean
}

/**
 * Where sessions and webhook events live. Async so that an integrator can back it with any
 * database; `applyStatus` must merge atomically (read, mergeStatus, write) because webhooks and
 * provider reads race each other.
 */
export interface SessionStore {
  insert(session: StoredSession): Promise<void>
  get(id: string): Promise<StoredSession | undefined>
  findOpen(userId: string, provider: Provider): Promise<StoredSession | undefined>
  findByProviderId(provider: Provider, providerSessionId: string): Promise<StoredSession | undefined>
  patch(id: string, patch: SessionPatch): Promise<StoredSession | undefined>
  applyStatus(id: string, status: SessionStatus, at: string): Promise<ApplyStatusResult | undefined>
  hasEvent(provider: Provider, eventId: string): Promise<boolean>
  /** Records an event; false when it was already recorded (a duplicate delivery). */
  recordEvent(event: WebhookEventRecord): Promise<boolean>
  close(): Promise<void>
}

export interface FaceSignClientOptions {
  apiKey: string
  /** Default `https://api.facesign.ai/v1`. */
  baseUrl?: string
  /** `FaceSign-Version` header, default `2024-01-15`. */
  version?: string
  /** Where the flow runs when the API gives no `clientSecret.url`; `client_secret` is appended. */
  flowUrl?: string
  /**
   * Hosts a flow URL from the API may point at (patterns as in `isAllowedFlowUrl`); default the
   * provider's own domains plus the host of `flowUrl`. Anything else is refused, never handed out.
   */
  allowedHosts?: readonly string[]
  timeoutMs?: number
  /** Retries for idempotent requests on 5xx and network errors. */
  maxRetries?: number
  /** A 429 asking to wait at most this long is waited out once; longer waits fail fast. */
  maxRateLimitWaitMs?: number
  fetch?: typeof fetch
}

export interface FaceVerifyClientOptions {
  apiKey: string
  secretKey: string
  /** Default `https://start.faceverify.ai`. */
  baseUrl?: string
  /** Hosts a session link may point at; default DEFAULT_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[]
  timeoutMs?: number
  fetch?: typeof fetch
}

export interface VerificationHandlerOptions {
  facesign?: FaceSignClientOptions & { webhookSecret?: string }
  faceverify?: FaceVerifyClientOptions
  /** The integrator's auth: the user behind a request, or null (→ 401). */
  identify: (request: Request) => Identity | null | Promise<Identity | null>
  store?: SessionStore
  /** Default `/api/verify`. */
  basePath?: string
  /**
   * This backend's public origin(s), e.g. `https://shop.example`: what a browser's Origin header must
   * name on POSTs. Default: the Host header's origin. Set it behind a proxy that rewrites Host.
   */
  publicOrigin?: string | readonly string[]
  /** Origins allowed to POST besides `publicOrigin` (e.g. a storefront on another domain). */
  allowedOrigins?: readonly string[]
  /** Request body limit in bytes, default 64 KiB. */
  maxBodyBytes?: number
  /** At most one provider read per session per this many ms, default 5000. */
  statusCacheMs?: number
  /** Session creations per user per minute, default 10. */
  createLimitPerMinute?: number
  /** SSE heartbeat interval, default 15000. */
  heartbeatMs?: number
  /** Data dir of the default SQLite store when no `store` is given, default `.data`. */
  dataDir?: string
  /** Unexpected failures, and provider answers that break its contract (the client sees a 500 or 502 either way). */
  onError?: (error: unknown) => void
}
