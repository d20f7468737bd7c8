import type { FaceSignOptions, FaceVerifyOptions } from '../server'

export type SandboxProvider = 'facesign' | 'faceverify'

/** What the person chooses on a hosted flow page. */
export type FlowOutcome = 'pass' | 'fail' | 'cancel'

/** A failure the next provider API call(s) answer with, for tests. */
export type SandboxFault = 401 | 429 | 500 | 'timeout'

export interface SandboxOptions {
  /** Default 0 (an ephemeral port). */
  port?: number
  /** Default 127.0.0.1: the sandbox never listens beyond loopback unless told. */
  host?: string
  facesign?: {
    /** Accepted Bearer keys; default: any `sk_test_` key. */
    apiKeys?: readonly string[]
    webhookUrl?: string
    webhookSecret?: string
    /** Which documented session shape the API answers with, default `flat`. */
    shape?: 'flat' | 'wrapped'
    /** Requests per minute per key, default 100 (the documented test-mode limit). */
    rateLimitPerMinute?: number
    /** Client secret lifetime, default 10 minutes. */
    secretTtlMs?: number
  }
  faceverify?: {
    apiKey?: string
    secretKey?: string
    webhookUrl?: string
    /** Where the flow sends the person after the outcome. */
    returnUrl?: string
  }
  /**
   * The app origins: they may frame the flow pages, and a FaceSign flow's `return_url` may only lead
   * back to one of them. Exact origins or `http://host:*` patterns; default any http loopback origin.
   */
  frameAncestors?: readonly string[]
  /**
   * Keep the sandbox's sessions in this JSON file (created private), so that a restarted sandbox still
   * knows the sessions it made, as a real provider would. Default: in memory only.
   */
  stateFile?: string
  /** Webhook retry schedule, default 500 ms doubling to 30 s, 12 attempts. */
  webhookRetry?: { initialMs?: number; maxMs?: number; maxAttempts?: number }
}

/** Where the backend that talks to this sandbox runs; `handlerOptions()` wires the sandbox to it. */
export interface SandboxAppOptions {
  /** The backend's origin as the sandbox reaches it, e.g. `http://localhost:3000`. */
  appUrl: string
  /** The handler's `basePath`, default `/api/verify`: webhooks go to `<appUrl><basePath>/webhooks/<provider>`. */
  basePath?: string
  /** Where FaceVerify's flow sends the person back, default `<appUrl>/`. */
  returnUrl?: string
}

/** The `facesign` and `faceverify` options of `createVerificationHandler` for this sandbox. */
export interface SandboxHandlerOptions {
  facesign: FaceSignOptions & { webhookSecret: string }
  faceverify: FaceVerifyOptions
}

export interface WebhookDelivery {
  eventId: string
  provider: SandboxProvider
  type: string
  url: string
  body: string
  attempts: number
  delivered: boolean
  /** HTTP status of the last attempt, or the network error text. */
  lastResult: number | string | undefined
}

export interface SandboxSessionView {
  provider: SandboxProvider
  id: string
  status: string
  isVerified?: boolean
  url: string
  uniqueIdentifier?: string
}

export interface Sandbox {
  url: string
  port: number
  /** FaceSign API base (`…/facesign/v1`), FaceSign flow page and FaceVerify API base for the clients. */
  facesignApiUrl: string
  facesignFlowUrl: string
  faceverifyApiUrl: string
  /**
   * Hosts the browser may open flows on (`<VerifyProvider allowedHosts>`): this sandbox only.
   */
  allowedHosts: string[]
  /**
   * Everything a backend needs to use this sandbox, in one call: points the sandbox's webhooks and
   * FaceVerify return URL at the app, lets the app's origin frame the flow pages, and answers the
   * handler's provider options (keys, webhook secret, API and flow URLs, allowed hosts):
   * `createVerificationHandler({ ...sandbox.handlerOptions({ appUrl }), identify })`.
   */
  handlerOptions(app: SandboxAppOptions): SandboxHandlerOptions
  /** Makes the next `times` API calls to a provider fail this way. */
  failNext(provider: SandboxProvider, fault: SandboxFault, times?: number): void
  /** Finishes a session as if the person had pressed a button (by provider id or FaceVerify uniqueIdentifier). */
  complete(id: string, outcome: FlowOutcome): Promise<void>
  /** Marks a session started, as opening the flow page does. */
  start(id: string): Promise<void>
  /** Ends a session as expired (webhook `session.expired`), as an abandoned session does at the provider. */
  expire(id: string): Promise<void>
  /** Makes the current FaceSign client secret stale: the flow page then reports `expired` until a refresh. */
  expireClientSecret(id: string): void
  sessions(): SandboxSessionView[]
  deliveries(): WebhookDelivery[]
  /** Sends an already delivered event again, as providers do. */
  redeliver(eventId: string): Promise<void>
  /** Resolves when no webhook is waiting to be (re)tried. */
  webhooksSettled(): Promise<void>
  setWebhookUrl(provider: SandboxProvider, url: string): void
  /** API calls received, keyed like `GET /facesign/v1/sessions/:id`. */
  counts(): Record<string, number>
  close(): Promise<void>
}
