import { isRecord } from '../core/guards'
import { DEFAULT_ALLOWED_HOSTS, isAllowedFlowUrl } from '../core/url'
import { ProviderError } from './errors'
import { type ProviderHooks, providerFetch } from './provider-fetch'
import { signFaceVerifyRequest } from './sign'
import type { FaceVerifyClientOptions } from './types'

export interface FaceVerifySession {
  url: string
  /** The provider's session id when it sends one. */
  id?: string
}

export interface FaceVerifyClient {
  createSession(input: { country?: string; uniqueIdentifier?: string }): Promise<FaceVerifySession>
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

export function createFaceVerifyClient(options: FaceVerifyClientOptions, hooks: ProviderHooks = {}): FaceVerifyClient {
  const url = `${(options.baseUrl ?? 'https://start.faceverify.ai').replace(/\/+$/, '')}/api/v1/session`
  const allowedHosts = options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS
  const fetchOptions = {
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRetries: 0,
    maxRateLimitWaitMs: 0,
    gate: { blockedUntil: 0 },
    ...(hooks.beforeCall ? { beforeCall: hooks.beforeCall } : {}),
  }
  return {
    async createSession(input) {
      const payload: Record<string, string> = {}
      if (input.country) payload.country = input.country
      if (input.uniqueIdentifier) payload.uniqueIdentifier = input.uniqueIdentifier
      // Signed and sent as this exact string: the signature covers the bytes on the wire.
      const body = JSON.stringify(payload)
      const contentType = 'application/json'
      const signature = signFaceVerifyRequest({
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
      // Same uniqueIdentifier → same session on the provider side, so a retry is harmless; still,
      // the contract does not promise it, so no automatic retries here.
      const answer = await providerFetch({ method: 'POST', url, headers, body, idempotent: false }, fetchOptions)
      const link = readSessionLink(answer)
      if (!link) throw new ProviderError('api_error', 'FaceVerify sent no session link.', 200)
      if (!isAllowedFlowUrl(link, allowedHosts))
        throw new ProviderError('api_error', 'FaceVerify sent a session link on a host that is not allowed.', 200)
      const id = isRecord(answer) ? (answer.sessionId ?? answer.id) : undefined
      return typeof id === 'string' ? { url: link, id } : { url: link }
    },
  }
}
