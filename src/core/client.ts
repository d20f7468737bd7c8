import { DEFAULT_ENDPOINT } from './config'
import { invalidResponse, toVerifyError, VerifyError, type VerifyErrorCode } from './errors'
import { parseErrorBody, parseRefreshedSecret, parseSessionSnapshot, parseVerificationSession } from './guards'
import type { Provider, RefreshedSecret, SessionSnapshot, VerificationSession } from './types'

export interface VerifyClientOptions {
  /** Base path (or URL) of the integrator backend. */
  endpoint?: string
  /** The network edge; defaults to the global fetch, read at call time. */
  fetch?: typeof fetch
  timeoutMs?: number
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
}

const CODES: Record<number, VerifyErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'unauthorized',
  404: 'not_found',
  429: 'rate_limited',
}

const JSON_TYPE = 'application/json'

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  const ms = Number.isFinite(+value) ? +value * 1000 : Date.parse(value) - Date.now()
  return Number.isNaN(ms) ? undefined : Math.max(0, ms)
}

export function createVerifyClient(options: VerifyClientOptions = {}): VerifyClient {
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '')
  const path = (id: string, tail = '') => `${endpoint}/sessions/${encodeURIComponent(id)}${tail}`

  async function request<T>(url: string, parse: (value: unknown) => T, body?: object): Promise<T> {
    let response: Response
    try {
      response = await (options.fetch ?? globalThis.fetch)(url, {
        method: body ? 'POST' : 'GET',
        headers: { accept: JSON_TYPE, ...(body && { 'content-type': JSON_TYPE }) },
        body: body && JSON.stringify(body),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      })
    } catch (error) {
      throw toVerifyError(error)
    }
    const { status, ok, headers } = response
    // A proxy's HTML error page or a truncated body must end as a typed error, never a SyntaxError.
    const json: unknown = await response.json().catch(() => undefined)
    if (!ok) {
      throw new VerifyError(
        CODES[status] ?? (status < 500 ? 'bad_request' : 'server_error'),
        parseErrorBody(json)?.message ?? `The server answered ${status}.`,
        { status, retryAfterMs: parseRetryAfter(headers.get('retry-after')) },
      )
    }
    if (json === undefined) throw invalidResponse('answer from the server: not JSON', status)
    return parse(json)
  }

  return {
    endpoint,
    createSession: (input) => request(`${endpoint}/sessions`, parseVerificationSession, input),
    getSession: (id) => request(path(id), parseSessionSnapshot),
    refreshSecret: (id) => request(path(id, '/refresh'), parseRefreshedSecret, {}),
    cancelSession: (id) => request(path(id, '/cancel'), parseSessionSnapshot, {}),
    eventsUrl: (id) => path(id, '/events'),
  }
}
