import { randomUUID } from 'node:crypto'
import { isRecord } from '../core/guards'
import { mapFaceSignStatus } from '../core/provider-status'
import type { SessionStatus } from '../core/types'
import { DEFAULT_ALLOWED_HOSTS, isAllowedFlowUrl } from '../core/url'
import { ProviderError } from './errors'
import { type ProviderHooks, providerFetch } from './provider-fetch'
import type { FaceSignClientOptions } from './types'

export interface FaceSignSession {
  id: string
  /** Mapped onto the model; undefined for a status we do not know (kept as `rawStatus`). */
  status: SessionStatus | undefined
  rawStatus: string
  clientSecret?: string
  url?: string
  expiresAt?: string
  livemode?: boolean
}

export interface FaceSignSecret {
  clientSecret: string
  url?: string
  expiresAt?: string
}

export interface FaceSignClient {
  readonly livemode: boolean
  createSession(input?: { idempotencyKey?: string; metadata?: Record<string, string> }): Promise<FaceSignSession>
  retrieveSession(id: string): Promise<FaceSignSession>
  refreshClientSecret(id: string): Promise<FaceSignSecret>
  /**
   * The flow URL for a secret: the API's own `url` when it gave one (on an allowed host, else an
   * `api_error`), else `flowUrl?client_secret=…`.
   */
  flowUrl(secret: FaceSignSecret): string
}

const invalid = (detail: string) => new ProviderError('api_error', `FaceSign sent an unexpected session: ${detail}.`, 200)
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)
const date = (v: unknown) => (typeof v === 'number' ? new Date(v < 1e12 ? v * 1000 : v).toISOString() : str(v))

/** The secret in either documented form: a string, or `{secret, url, expireAt}`. */
export function parseFaceSignSecret(value: unknown, expiresAt?: unknown): FaceSignSecret | undefined {
  if (typeof value === 'string' && value !== '') return { clientSecret: value, expiresAt: date(expiresAt) }
  if (!isRecord(value)) return undefined
  const secret = str(value.secret) ?? str(value.clientSecret)
  if (!secret) return undefined
  return { clientSecret: secret, url: str(value.url), expiresAt: date(value.expireAt ?? value.expiresAt ?? expiresAt) }
}

/** Parses both documented session shapes: flat `{id, clientSecret, status}` and `{session, clientSecret}`. */
export function parseFaceSignSession(value: unknown): FaceSignSession {
  if (!isRecord(value)) throw invalid('not a JSON object')
  const session = isRecord(value.session) ? value.session : value
  const id = str(session.id)
  if (!id) throw invalid('no id')
  const rawStatus = typeof session.status === 'string' ? session.status : ''
  const report = isRecord(session.report) ? session.report : {}
  const secret = parseFaceSignSecret(value.clientSecret ?? session.clientSecret, session.expiresAt ?? value.expiresAt)
  return {
    id,
    status: mapFaceSignStatus(rawStatus, report.isVerified ?? session.isVerified),
    rawStatus,
    clientSecret: secret?.clientSecret,
    url: secret?.url,
    expiresAt: secret?.expiresAt,
    livemode: typeof session.livemode === 'boolean' ? session.livemode : undefined,
  }
}

export function createFaceSignClient(options: FaceSignClientOptions, hooks: ProviderHooks = {}): FaceSignClient {
  const baseUrl = (options.baseUrl ?? 'https://api.facesign.ai/v1').replace(/\/+$/, '')
  if (options.flowUrl === undefined && new URL(baseUrl).protocol === 'http:') {
    // No real provider serves plain http: this is a local API (the sandbox), and the default flow
    // page would send the person to the real FaceSign with a secret it never issued.
    throw new TypeError(
      `facesign.baseUrl is the local API ${baseUrl} but facesign.flowUrl is not set: set it to that API's flow page (sandbox.handlerOptions() gives both).`,
    )
  }
  const flowBase = options.flowUrl ?? 'https://verify.facesign.ai/'
  const allowedHosts = options.allowedHosts ?? [...DEFAULT_ALLOWED_HOSTS, new URL(flowBase).host]
  const fetchOptions = {
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRetries: options.maxRetries ?? 2,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 2000,
    gate: { blockedUntil: 0 },
    ...(hooks.beforeCall ? { beforeCall: hooks.beforeCall } : {}),
  }
  const headers = (extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${options.apiKey}`,
    'FaceSign-Version': options.version ?? '2024-01-15',
    Accept: 'application/json',
    ...extra,
  })
  const get = (path: string) =>
    providerFetch({ method: 'GET', url: `${baseUrl}${path}`, headers: headers(), idempotent: true }, fetchOptions)

  return {
    livemode: options.apiKey.startsWith('sk_live_'),
    async createSession(input = {}) {
      const body = JSON.stringify(input.metadata ? { metadata: input.metadata } : {})
      const idempotencyKey = input.idempotencyKey ?? randomUUID()
      const request = {
        method: 'POST' as const,
        url: `${baseUrl}/sessions`,
        headers: headers({ 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }),
        body,
        idempotent: true,
      }
      return parseFaceSignSession(await providerFetch(request, fetchOptions))
    },
    async retrieveSession(id) {
      return parseFaceSignSession(await get(`/sessions/${encodeURIComponent(id)}`))
    },
    async refreshClientSecret(id) {
      const body = await get(`/sessions/${encodeURIComponent(id)}/refresh`)
      const secret = isRecord(body) ? parseFaceSignSecret(body.clientSecret, body.expiresAt) : undefined
      if (!secret) throw invalid('no client secret in the refresh answer')
      return secret
    },
    flowUrl(secret) {
      // The browser checks the host too; a backend that never hands out a foreign URL is the first line.
      if (secret.url && !isAllowedFlowUrl(secret.url, allowedHosts))
        throw invalid(`a flow URL on a host that is not allowed (${secret.url})`)
      if (secret.url) return secret.url
      const url = new URL(flowBase)
      url.searchParams.set('client_secret', secret.clientSecret)
      return url.toString()
    },
  }
}
