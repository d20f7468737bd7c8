import { isRecord } from '../../core/guards'
import { parseRetryAfter } from '../../core/retry-after'
import { type ErrorType, ProviderError } from '../errors'
import { isBudgetRefusal } from './budget'
import type { CallTier, ProviderBudget } from './types'

const TYPES = new Set<ErrorType>(['invalid_request_error', 'authentication_error', 'not_found_error', 'rate_limit_error', 'api_error'])

export interface ProviderRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
  /** Safe to send again: GETs, and POSTs carrying an Idempotency-Key. */
  idempotent: boolean
  /** Whose call it is, for the budget. */
  tier: CallTier
}

export interface ProviderFetchOptions {
  fetch: typeof fetch
  timeoutMs: number
  maxRetries: number
  maxRateLimitWaitMs: number
  /** Set from a 429 so that no request goes out before the provider said it may. */
  gate: { blockedUntil: number }
  /** Checked before every attempt; throws to refuse the call. */
  budget: ProviderBudget
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Retry-After in ms: the header (seconds or a date), else the documented "retry after 60 seconds". */
function retryAfterMs(response: Response, message: string): number {
  const header = parseRetryAfter(response.headers.get('retry-after'))
  if (header !== undefined) return header
  const match = /retry after (\d+) seconds?/i.exec(message)
  return match ? Number(match[1]) * 1000 : 60_000
}

async function toProviderError(response: Response): Promise<ProviderError> {
  const body: unknown = await response.json().catch(() => undefined)
  const raw = isRecord(body) && isRecord(body.error) ? body.error : {}
  const message = typeof raw.message === 'string' ? raw.message : `The provider answered ${response.status}.`
  const declared = typeof raw.type === 'string' && TYPES.has(raw.type as ErrorType) ? (raw.type as ErrorType) : undefined
  const type = response.status === 429 ? 'rate_limit_error' : response.status === 401 ? 'authentication_error' : (declared ?? 'api_error')
  return new ProviderError(type, message, response.status, {
    code: typeof raw.code === 'string' ? raw.code : undefined,
    param: typeof raw.param === 'string' ? raw.param : undefined,
    retryAfterMs: response.status === 429 ? retryAfterMs(response, message) : undefined,
  })
}

function rateLimited(ms: number): ProviderError {
  return new ProviderError('rate_limit_error', 'Too many requests to the provider.', 429, { retryAfterMs: ms })
}

async function attempt(request: ProviderRequest, options: ProviderFetchOptions): Promise<unknown> {
  await options.budget.beforeCall(request.tier)
  try {
    const body = await send(request, options)
    options.budget.afterCall?.(request.tier, true)
    return body
  } catch (error) {
    options.budget.afterCall?.(request.tier, false)
    throw error
  }
}

async function send(request: ProviderRequest, options: ProviderFetchOptions): Promise<unknown> {
  let response: Response
  try {
    response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    })
  } catch (cause) {
    const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError'
    const message = timedOut ? 'The provider did not answer in time.' : 'Could not reach the provider.'
    throw new ProviderError('api_error', message, undefined, { code: timedOut ? 'timeout' : 'network_error', cause })
  }
  if (!response.ok) throw await toProviderError(response)
  const body: unknown = await response.json().catch(() => undefined)
  if (body === undefined) throw new ProviderError('api_error', 'The provider sent a body that is not JSON.', response.status)
  return body
}

const retryable = (error: ProviderError) => error.status === undefined || error.status >= 500

/**
 * One provider call: a timeout per attempt, capped exponential backoff on 5xx and network errors
 * for idempotent requests, and a 429 gate so a rate-limited key is not hammered again (no retry
 * storm): short waits are waited out once, longer ones fail fast until the provider's time is up.
 */
export async function providerFetch(request: ProviderRequest, options: ProviderFetchOptions): Promise<unknown> {
  let rateLimitWaited = false
  for (let tries = 0; ; tries++) {
    const wait = options.gate.blockedUntil - Date.now()
    if (wait > 0) {
      if (rateLimitWaited || wait > options.maxRateLimitWaitMs) throw rateLimited(wait)
      rateLimitWaited = true
      await sleep(wait)
    }
    try {
      return await attempt(request, options)
    } catch (error) {
      // Our own budget said no: the provider was not asked, so its gate stays as it is.
      if (!(error instanceof ProviderError) || isBudgetRefusal(error)) throw error
      if (error.type === 'rate_limit_error') {
        options.gate.blockedUntil = Date.now() + (error.options.retryAfterMs ?? 60_000)
        if (rateLimitWaited || (error.options.retryAfterMs ?? 60_000) > options.maxRateLimitWaitMs) throw error
        continue
      }
      if (!request.idempotent || !retryable(error) || tries >= options.maxRetries) throw error
      await sleep(Math.min(2000, 200 * 2 ** tries))
    }
  }
}
