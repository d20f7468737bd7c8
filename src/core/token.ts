import { VerifyError } from './errors'
import { isRecord, parseErrorBody } from './guards'
import type { GetIdentityToken } from './types'

// Loaded by the client only when it has `getToken` or `tokenUrl`: a page without a token never carries it.

/** How the client sends a request: failures of the network are VerifyErrors already. */
export type Send = (url: string, init: SendInit) => Promise<Response>

/** A request's options, its headers as a plain record (the token's header is added to them). */
export type SendInit = Omit<RequestInit, 'headers'> & { headers: Record<string, string> }

/** The identity token a client sends: held in memory only, never in a URL, storage or a log line. */
export interface TokenSource {
  /** The token to send: the one held while it is fresh, else a new one (concurrent callers share one request). */
  get(): Promise<string>
  /** The backend refused `token` as expired: the next `get()` asks for a new one (once, whoever else held it). */
  expire(token: string): void
  /**
   * Tells the developer, in the console, why the backend refused the token and what to change (a
   * `token_expired` reaches this only for a token fetched anew after the first one expired).
   */
  refused(code: string | undefined, message: string | undefined): void
}

// RFC 6750's b64token, what a Bearer header may carry (a JWT is one): anything else would break the header.
const B64TOKEN = /^[\w.~+/-]+=*$/
// A new token is asked for this long before `expiresAt` (a quarter of a shorter token's life).
const MARGIN_MS = 30_000

/** A `token_unavailable` error, also in the console: a token that cannot be had is the app's to fix. */
function unavailable(detail: string, status?: number, cause?: unknown): VerifyError {
  const error = new VerifyError('token_unavailable', `No identity token: ${detail}`, { status, cause })
  console.error(`verify-widget: ${error.message}`, ...(cause ? [cause] : []))
  return error
}

/** `expiresAt` as epoch ms: an ISO 8601 date, or a number of seconds (below 1e11, before the year 5138) or ms. */
function expiryOf(value: unknown): number {
  const at = typeof value === 'number' ? (value < 1e11 ? value * 1000 : value) : typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (Number.isNaN(at))
    throw unavailable(`expiresAt must be an ISO 8601 date or a time in epoch seconds or milliseconds; got ${JSON.stringify(value)}.`)
  return at
}

/** The same-origin route that hands the signed-in user a token (`token-url`), fetched with the page's cookies. */
export function fetchTokenFrom(url: string, send: Send): GetIdentityToken {
  return async () => {
    // Only a route of the page's own origin gets the page's cookies (and only a page has an origin).
    const target = typeof document === 'undefined' ? undefined : new URL(url, document.baseURI)
    if (!target || target.origin !== location.origin)
      throw unavailable(
        `token-url ${url} must be a route on this page's origin (it is fetched with the page's cookies); give getToken otherwise.`,
      )
    const response = await send(target.href, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    })
    const body: unknown = await response.json().catch(() => undefined)
    // Its status decides whether a retry can help: a 5xx may pass, a 401 (signed out) will not.
    if (!response.ok)
      throw unavailable(
        `${url} answered ${response.status}; it must answer 200 {"token", "expiresAt"} for the signed-in user.`,
        response.status,
      )
    if (!isRecord(body)) throw unavailable(`${url} did not answer JSON {"token", "expiresAt"}.`)
    return body as { token: string }
  }
}

export function createTokenSource(getToken: GetIdentityToken): TokenSource {
  let held: { token: string; refreshAt: number } | undefined
  let pending: Promise<string> | undefined

  async function fetchToken(): Promise<string> {
    let answer: unknown
    try {
      answer = await getToken()
    } catch (error) {
      throw error instanceof VerifyError ? error : unavailable('getToken failed.', undefined, error)
    }
    const { token, expiresAt } = (isRecord(answer) ? answer : { token: answer }) as { token: unknown; expiresAt?: unknown }
    if (typeof token !== 'string' || !B64TOKEN.test(token))
      throw unavailable('getToken must give the token (a JWT), or { token, expiresAt }.')
    const life = expiresAt == null ? 0 : expiryOf(expiresAt) - Date.now()
    // Without an expiry, or one already past by this browser's clock (a clock that is off), it is used until refused.
    held = { token, refreshAt: life > 0 ? Date.now() + life - Math.min(MARGIN_MS, life / 4) : Number.POSITIVE_INFINITY }
    return token
  }

  return {
    get() {
      if (held && Date.now() < held.refreshAt) return Promise.resolve(held.token)
      pending ??= fetchToken().finally(() => {
        pending = undefined
      })
      return pending
    },
    expire(token) {
      if (held?.token === token) held = undefined
    },
    refused(code, message) {
      console.error(
        `verify-widget: the backend refused the identity token (${code}: ${message}) ${
          code === 'token_expired'
            ? 'although it was just fetched: hand out a new token on every request (Cache-Control: no-store), and check the clocks of your backend and the service.'
            : 'Check what getToken (or token-url) gives: a JWT your backend signs with HS256 and the VERIFY_TOKEN_SECRET the service holds, with sub (your user), aud (VERIFY_TOKEN_AUDIENCE), iat and a short exp.'
        }`,
      )
    },
  }
}

/**
 * The client's `send` with the identity token as `Authorization: Bearer` (never in the URL), once
 * more with a new token after a 401 `token_expired`; any other refusal of a token is explained in
 * the console, and its answer goes back to the client, which throws it as the backend's error.
 */
export function authorize(send: Send, getToken: GetIdentityToken | undefined, tokenUrl: string | undefined): Send {
  if (getToken && tokenUrl) console.error('verify-widget: getToken and tokenUrl are both given: tokenUrl is left unused. Give one.')
  const tokens = createTokenSource(getToken ?? fetchTokenFrom(tokenUrl!, send))
  const sendWithToken = async (url: string, init: SendInit, again?: boolean): Promise<Response> => {
    const token = await tokens.get()
    const response = await send(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } })
    if (response.status === 401) {
      const { code, message } = parseErrorBody(
        await response
          .clone()
          .json()
          .catch(() => undefined),
      )
      if (code === 'token_expired' && !again) {
        tokens.expire(token)
        return sendWithToken(url, init, true)
      }
      tokens.refused(code, message)
    }
    return response
  }
  return sendWithToken
}
