import { isRecord } from '../../core/guards'
import { DEFAULT_ALLOWED_HOSTS, isAllowedFlowUrl } from '../../core/url'
import { ProviderError } from '../errors'
import { signFaceVerifyRequest } from './faceverify-sign'
import { providerFetch } from './fetch'
import { mapWebhookEventType } from './status-map'
import { documentedLimit, isTestKey, type ProviderDefinition } from './types'
import { eventIdentity, eventObject, nonEmpty } from './webhook-event'
import { verifyWebhookSignature } from './webhook-signature'

export interface FaceVerifyOptions {
  apiKey: string
  /** Signs our requests and FaceVerify's webhooks. */
  secretKey: string
  /** Default `https://start.faceverify.ai`. */
  baseUrl?: string
  /** Hosts a session link may point at; default DEFAULT_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[]
  timeoutMs?: number
  fetch?: typeof fetch
}

// The link's field name is not documented; these are the spellings seen or plausible.
const LINK_FIELDS = ['url', 'sessionUrl', 'link', 'session_url'] as const

export function readSessionLink(body: unknown): string | undefined {
  const sources = isRecord(body) ? [body, isRecord(body.data) ? body.data : {}, isRecord(body.session) ? body.session : {}] : []
  for (const source of sources) {
    for (const key of LINK_FIELDS) {
      const value = source[key]
      if (typeof value === 'string' && value !== '') return value
    }
  }
  return undefined
}

/**
 * FaceVerify: one signed create call (`x-auth-client` + `x-hmac-signature` over the request) that
 * answers a session link to redirect to. It documents no status endpoint and no refresh: the status
 * comes from its webhooks (signed with the secret key over the raw body), the only source.
 */
export const faceVerify: ProviderDefinition<FaceVerifyOptions> = {
  name: 'faceverify',
  create(options, deps) {
    const url = `${(options.baseUrl ?? 'https://start.faceverify.ai').replace(/\/+$/, '')}/api/v1/session`
    const allowedHosts = options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS
    const livemode = !isTestKey(options.apiKey)
    const budget = deps.budget(options.apiKey, documentedLimit(options.apiKey))
    const fetchOptions = {
      fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 10_000,
      // Same uniqueIdentifier → same session on the provider side, so a retry would be harmless;
      // still, the contract does not promise it, so no automatic retries here.
      maxRetries: 0,
      maxRateLimitWaitMs: 0,
      gate: { blockedUntil: 0 },
      budget,
    }
    return {
      name: 'faceverify',
      label: 'FaceVerify',
      livemode,
      budget,
      async create({ sessionId, country }, tier) {
        // Our session id doubles as the uniqueIdentifier: webhooks name it, and the user id never leaves us.
        const payload: Record<string, string> = country ? { country, uniqueIdentifier: sessionId } : { uniqueIdentifier: sessionId }
        // Signed and sent as this exact string: the signature covers the bytes on the wire.
        const body = JSON.stringify(payload)
        const contentType = 'application/json'
        const signature = await signFaceVerifyRequest({
          method: 'POST',
          url,
          body,
          contentType,
          apiKey: options.apiKey,
          secretKey: options.secretKey,
        })
        const headers = {
          'Content-Type': contentType,
          'x-auth-client': options.apiKey,
          'x-hmac-signature': signature,
          Accept: 'application/json',
        }
        const answer = await providerFetch({ method: 'POST', url, headers, body, idempotent: false, tier }, fetchOptions)
        const link = readSessionLink(answer)
        if (!link) throw new ProviderError('api_error', 'FaceVerify sent no session link.', 200)
        if (!isAllowedFlowUrl(link, allowedHosts))
          throw new ProviderError('api_error', 'FaceVerify sent a session link on a host that is not allowed.', 200)
        const id = isRecord(answer) ? (nonEmpty(answer.sessionId) ?? nonEmpty(answer.id)) : undefined
        return { providerSessionId: id ?? sessionId, status: 'requires_input', url: link, livemode }
      },
      webhook: {
        verify: (raw, headers) => verifyWebhookSignature(raw, headers.get('x-hmac-signature'), options.secretKey),
        async parse(value, raw) {
          const { body, data } = eventObject(value)
          const { eventId, type } = await eventIdentity(body, null, raw)
          const status = mapWebhookEventType(type)
          const sessionId = nonEmpty(body.uniqueIdentifier) ?? nonEmpty(data.uniqueIdentifier)
          const providerSessionId = nonEmpty(body.sessionId)
          return {
            eventId,
            type,
            ...(sessionId ? { sessionId } : {}),
            ...(providerSessionId ? { providerSessionId } : {}),
            ...(status ? { status } : {}),
          }
        },
      },
    }
  },
}
