import { DEFAULT_ENDPOINT } from './config'
import { toVerifyError, VerifyError, type VerifyErrorCode } from './errors'
import { parseErrorBody, parseRefreshedSecret, parseSessionSnapshot, parseVerificationSession } from './guards'
import { parseRetryAfter } from './retry-after'
import type { Send, SendInit } from './token'
import type { GetIdentityToken, Provider, RefreshedSecret, SessionSnapshot, VerificationSession } from './types'

export interface VerifyClientOptions {
  /** Base path (or URL) of the integrator backend. */
  endpoint?: string
  /** The network edge; defaults to the global fetch, read at call time. */
  fetch?: typeof fetch
  timeoutMs?: number
  /**
   * The app's identity token, for a backend that identifies its user by it (`verify-widget serve`):
   * sent as `Authorization: Bearer` on every call, the status stream included, never in a URL and
   * never stored. Called when a call needs a token and the one held is within 30 s of its
   * `expiresAt` (or has none and was refused as `token_expired`, which is retried once with a new one).
   */
  getToken?: GetIdentityToken
  /**
   * Or: your route on the page's own origin that answers `{"token", "expiresAt"}` for the signed-in
   * user, fetched with the page's cookies (`credentials: 'same-origin'`).
   */
  tokenUrl?: string
}

export interface CreateSessionInput {
  provider: Provider
  country?: string
}

/** Typed client for the integrator backend routes; every answer is validated before use. */
export interface VerifyClient {
  readonly endpoint: string
  createSession(input: CreateSessionInput): Promise<VerificationSession>
  getSession(sessionId: string): Promise<SessionSnapshot>
  refreshSecret(sessionId: string): Promise<RefreshedSecret>
  cancelSession(sessionId: string): Promise<SessionSnapshot>
  eventsUrl(sessionId: string): string
  /**
   * Any route below the base path (`/handoffs`, or one of your own): POST with `body`, else GET, with the
   * client's headers, timeout and typed errors; the answer goes through `parse`, which throws on a bad one.
   * The handoff calls (`createHandoff`, `claimHandoff` in `verify-widget/dom`) are built on it.
   */
  request<T>(route: string, parse: (value: unknown) => T, body?: object): Promise<T>
  /** Whether calls carry an identity token (`getToken` or `tokenUrl`): EventSource cannot send it. */
  readonly usesToken: boolean
  /**
   * A request through the client's network edge with its identity token (once more with a new one
   * after a 401 `token_expired`), for what the typed methods do not cover: the status stream read
   * with fetch. Network failures reject as a `VerifyError`; any answer resolves as it came.
   */
  send(url: string, init: SendInit): Promise<Response>
}

const JSON_TYPE = 'application/json'

// The code of an error answer that carries none (a proxy's page), from its HTTP status.
const codeFor = (status: number): VerifyErrorCode =>
  status > 499
    ? 'server_error'
    : status === 429
      ? 'rate_limited'
      : status === 404
        ? 'not_found'
        : status === 401 || status === 403
          ? 'unauthorized'
          : 'bad_request'

export function createVerifyClient({
  endpoint = DEFAULT_ENDPOINT,
  fetch: edge,
  timeoutMs = 15_000,
  getToken,
  tokenUrl,
}: VerifyClientOptions = {}): VerifyClient {
  const base = endpoint.replace(/\/+$/, '')
  const path = (id: string, tail = '') => `/sessions/${encodeURIComponent(id)}${tail}`
  const send: Send = (url, init) =>
    (edge ?? fetch)(url, init).catch((error: unknown) => {
      throw toVerifyError(error)
    })
  let withToken: Promise<Send> | undefined
  // The token's code loads with the first call, and only for a backend that wants a token.
  const tokenSend = () => {
    withToken ??= import('./token').then(
      (m) => m.authorize(send, getToken, tokenUrl),
      (error: unknown) => {
        withToken = undefined
        throw toVerifyError(error)
      },
    )
    return withToken
  }
  const authorized: Send = getToken || tokenUrl ? (url, init) => tokenSend().then((sendWithToken) => sendWithToken(url, init)) : send

  /** A route of the backend (`route` below the base path), with the identity token; the answer goes through `parse`. */
  async function request<T>(route: string, parse: (value: unknown) => T, body?: object): Promise<T> {
    const response = await authorized(base + route, {
      method: body && 'POST',
      headers: { accept: JSON_TYPE, ...(body && { 'content-type': JSON_TYPE }) },
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const { status } = response
    // A proxy's HTML error page or a truncated body must end as a typed error, never a SyntaxError.
    const json: unknown = await response.json().catch(() => undefined)
    if (!response.ok) {
      // The backend's own code and type reach the integrator as sent; a body without them (a
      // proxy's page) gets a code from the HTTP status.
      const { type, code = codeFor(status), message = `The server answered ${status}.` } = parseErrorBody(json)
      if (code === 'token_missing' && authorized === send)
        console.error('verify-widget: the backend identifies its user by an identity token: give getToken, or token-url.')
      throw new VerifyError(code, message, { status, type, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) })
    }
    // No JSON at all fails the parser (its first required field is missing).
    return parse(json)
  }

  return {
    endpoint: base,
    createSession: (input) => request('/sessions', parseVerificationSession, input),
    getSession: (id) => request(path(id), parseSessionSnapshot),
    refreshSecret: (id) => request(path(id, '/refresh'), parseRefreshedSecret, {}),
    cancelSession: (id) => request(path(id, '/cancel'), parseSessionSnapshot, {}),
    eventsUrl: (id) => base + path(id, '/events'),
    request,
    usesToken: authorized !== send,
    send: authorized,
  }
}
