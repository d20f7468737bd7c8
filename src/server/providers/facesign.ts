import { isRecord } from '../../core/guards'
import { DEFAULT_ALLOWED_HOSTS, isAllowedFlowUrl } from '../../core/url'
import { ProviderError } from '../errors'
import { providerFetch } from './fetch'
import { mapFaceSignStatus, mapWebhookEventType } from './status-map'
import { documentedLimit, isTestKey, type ProviderDefinition, type RemoteStatus } from './types'
import { eventIdentity, eventObject, nonEmpty } from './webhook-event'
import { verifyWebhookSignature } from './webhook-signature'

export interface FaceSignOptions {
  apiKey: string
  /** Signs FaceSign's webhooks; with it, webhooks are the status source and provider reads a slow fallback. */
  webhookSecret?: string
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
  /** Retries for idempotent requests on 5xx and network errors, default 2. */
  maxRetries?: number
  /** A 429 asking to wait at most this long is waited out once; longer waits fail fast. Default 2000. */
  maxRateLimitWaitMs?: number
  fetch?: typeof fetch
}

/** A FaceSign session in our terms: `status` undefined for a status we do not know (kept as `rawStatus`). */
export interface FaceSignSession {
  id: string
  status: RemoteStatus['status']
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

const invalid = (detail: string) => new ProviderError('api_error', `FaceSign sent an unexpected session: ${detail}.`, 200)
// Seconds or milliseconds since the epoch, or an ISO string; a number no Date can hold is no date.
function date(v: unknown): string | undefined {
  if (typeof v !== 'number') return nonEmpty(v)
  const time = new Date(v < 1e12 ? v * 1000 : v)
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString()
}

/** The secret in either documented form: a string, or `{secret, url, expireAt}`. */
export function parseFaceSignSecret(value: unknown, expiresAt?: unknown): FaceSignSecret | undefined {
  if (typeof value === 'string' && value !== '') return withExpiry({ clientSecret: value }, date(expiresAt))
  if (!isRecord(value)) return undefined
  const secret = nonEmpty(value.secret) ?? nonEmpty(value.clientSecret)
  if (!secret) return undefined
  const url = nonEmpty(value.url)
  return withExpiry(url ? { clientSecret: secret, url } : { clientSecret: secret }, date(value.expireAt ?? value.expiresAt ?? expiresAt))
}

const withExpiry = <T extends object>(value: T, expiresAt: string | undefined): T & { expiresAt?: string } =>
  expiresAt ? { ...value, expiresAt } : value

/** Parses both documented session shapes: flat `{id, clientSecret, status}` and `{session, clientSecret}`. */
export function parseFaceSignSession(value: unknown): FaceSignSession {
  if (!isRecord(value)) throw invalid('not a JSON object')
  const session = isRecord(value.session) ? value.session : value
  const id = nonEmpty(session.id)
  if (!id) throw invalid('no id')
  const rawStatus = typeof session.status === 'string' ? session.status : ''
  const report = isRecord(session.report) ? session.report : {}
  const secret = parseFaceSignSecret(value.clientSecret ?? session.clientSecret, session.expiresAt ?? value.expiresAt)
  const parsed: FaceSignSession = { id, status: mapFaceSignStatus(rawStatus, report.isVerified ?? session.isVerified), rawStatus }
  if (secret) Object.assign(parsed, secret)
  if (typeof session.livemode === 'boolean') parsed.livemode = session.livemode
  return parsed
}

/**
 * FaceSign: Bearer-key REST API (create, retrieve, refresh), its flow page in an iframe, and its
 * hex HMAC-signed webhooks (`FaceSign-Signature`, also `X-FaceSign-Signature`).
 */
export const faceSign: ProviderDefinition<FaceSignOptions> = {
  name: 'facesign',
  create(options, deps) {
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
    const livemode = !isTestKey(options.apiKey)
    const budget = deps.budget(options.apiKey, documentedLimit(options.apiKey))
    const fetchOptions = {
      fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 10_000,
      maxRetries: options.maxRetries ?? 2,
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 2000,
      gate: { blockedUntil: 0 },
      budget,
    }
    const headers = (extra: Record<string, string> = {}) => ({
      Authorization: `Bearer ${options.apiKey}`,
      'FaceSign-Version': options.version ?? '2024-01-15',
      Accept: 'application/json',
      ...extra,
    })
    const get = (path: string, tier: Parameters<typeof budget.beforeCall>[0]) =>
      providerFetch({ method: 'GET', url: `${baseUrl}${path}`, headers: headers(), idempotent: true, tier }, fetchOptions)

    // The browser checks the host too; a backend that never hands out a foreign URL is the first line.
    function flowUrl(secret: FaceSignSecret): string {
      if (secret.url && !isAllowedFlowUrl(secret.url, allowedHosts)) throw invalid('a flow URL on a host that is not allowed')
      if (secret.url) return secret.url
      const url = new URL(flowBase)
      url.searchParams.set('client_secret', secret.clientSecret)
      return url.toString()
    }

    const secret = options.webhookSecret
    return {
      name: 'facesign',
      label: 'FaceSign',
      livemode,
      budget,
      async create({ sessionId }, tier) {
        const request = {
          method: 'POST' as const,
          url: `${baseUrl}/sessions`,
          // Our session id is the idempotency key: a retry after a lost answer gets the same session.
          headers: headers({ 'Content-Type': 'application/json', 'Idempotency-Key': sessionId }),
          body: '{}',
          idempotent: true,
          tier,
        }
        const remote = parseFaceSignSession(await providerFetch(request, fetchOptions))
        if (!remote.clientSecret) throw invalid('no client secret')
        const created = {
          providerSessionId: remote.id,
          status: remote.status ?? 'requires_input',
          clientSecret: remote.clientSecret,
          url: flowUrl({ clientSecret: remote.clientSecret, ...(remote.url ? { url: remote.url } : {}) }),
          livemode: remote.livemode ?? livemode,
        }
        return withExpiry(created, remote.expiresAt)
      },
      async retrieve(id, tier) {
        const remote = parseFaceSignSession(await get(`/sessions/${encodeURIComponent(id)}`, tier))
        return { status: remote.status, raw: remote.rawStatus }
      },
      async renewSecret(id, tier) {
        const body = await get(`/sessions/${encodeURIComponent(id)}/refresh`, tier)
        const renewed = isRecord(body) ? parseFaceSignSecret(body.clientSecret, body.expiresAt) : undefined
        if (!renewed) throw invalid('no client secret in the refresh answer')
        return withExpiry({ clientSecret: renewed.clientSecret, url: flowUrl(renewed) }, renewed.expiresAt)
      },
      ...(secret
        ? {
            webhook: {
              verify: (raw, h) => verifyWebhookSignature(raw, h.get('facesign-signature') ?? h.get('x-facesign-signature'), secret),
              async parse(value, raw, h) {
                const { body, data } = eventObject(value)
                const { eventId, type } = await eventIdentity(body, h.get('facesign-event-id'), raw)
                // The newer `session.status` event carries only the id: the status is read from the API.
                const status = mapWebhookEventType(type)
                const providerSessionId = nonEmpty(data.id) ?? nonEmpty(data.sessionId) ?? nonEmpty(body.sessionId)
                return { eventId, type, ...(providerSessionId ? { providerSessionId } : {}), ...(status ? { status } : {}) }
              },
            },
          }
        : {}),
    }
  },
}
