// verify-widget/server: the integrator backend on Web APIs only (fetch, Web Crypto, Web Streams),
// the same on Node, Bun, Deno, Cloudflare Workers and Vercel's Edge runtime. What only Node has
// (toNodeListener, the node:http guard, the SQLite store) is verify-widget/server/node.
import { createHandler, type VerificationHandler } from './handler'
import type { VerificationHandlerOptions } from './options'

export type { CookieIdentity, CookieIdentityOptions } from './cookie-identity'
export { createCookieIdentity } from './cookie-identity'
export type { ErrorType } from './errors'
export { HttpError, ProviderError } from './errors'
export type { HealthReport, VerificationHandler } from './handler'
export type {
  CorsOptions,
  HandoffOptions,
  LimitOptions,
  OutboxOptions,
  RequestFacts,
  RetentionOptions,
  VerificationHandlerOptions,
} from './options'
export type { ProviderBudgetOptions } from './providers/budget'
export type { FaceSignOptions, FaceSignSecret, FaceSignSession } from './providers/facesign'
export { parseFaceSignSession } from './providers/facesign'
export type { FaceVerifyOptions } from './providers/faceverify'
export type { FaceVerifySignInput } from './providers/faceverify-sign'
export { signFaceVerifyRequest } from './providers/faceverify-sign'
export type { ProviderFactory, ProviderOptions } from './providers/registry'
export type {
  AdapterDeps,
  CallTier,
  CreatedSession,
  FlowSecret,
  ProviderAdapter,
  ProviderBudget,
  ProviderDefinition,
  RemoteStatus,
  WebhookEvent,
} from './providers/types'
export { verifyWebhookSignature } from './providers/webhook-signature'
export { maskSecrets } from './report'
export type { MeterLike } from './service/metrics'
export { OutboxDeliveryError } from './service/outbox'
export type { RetentionResult } from './service/retention'
export type { OutcomeWebhookPayload, StandardWebhookSenderOptions } from './standard-webhooks'
export { createStandardWebhookSender, WebhookDeliveryError } from './standard-webhooks'
export type { MemoryStoreOptions } from './stores/memory'
export { createMemoryStore } from './stores/memory'
export type { PostgresPoolLike, PostgresStoreOptions } from './stores/postgres'
export { createPostgresStore } from './stores/postgres'
export type { TokenClaims, TokenIdentity, TokenIdentityOptions } from './token-identity'
export { createTokenIdentity } from './token-identity'
export type * from './types'

/**
 * The integrator backend as a Web-standard handler: `handler(request, { clientAddress })` answers
 * every route under `basePath`. Mount it in Next.js route handlers, Hono, a Worker's `fetch`,
 * `Deno.serve`, `Bun.serve`, or node:http and Express through `toNodeListener`
 * (verify-widget/server/node). On Node the store defaults to SQLite in `dataDir`; elsewhere pass one.
 */
export function createVerificationHandler(options: VerificationHandlerOptions): VerificationHandler {
  return createHandler(options)
}
