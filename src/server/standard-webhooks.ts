import type { DeliveryContext, StatusChange } from './types'
import { hmacSha256, toBase64 } from './util/crypto'

/** Where outcomes go and what signs them. */
export interface StandardWebhookSenderOptions {
  /** The app's endpoint, e.g. `https://shop.example/webhooks/verify-widget` (http or https). */
  url: string
  /**
   * Standard Webhooks secrets, `whsec_` + base64 of 24 to 64 random bytes. Several while one
   * rotates: each attempt carries one signature per secret, so the app may verify with either.
   * Generate one with `echo "whsec_$(openssl rand -base64 32)"`.
   */
  secrets: string | readonly string[]
  /** One attempt's time before it is aborted (and retried by the outbox), default 10000 ms. */
  timeoutMs?: number
  /** The network edge, default the global fetch. */
  fetch?: typeof fetch
}

/** The body of every outcome webhook: Standard Webhooks' `type`, `timestamp` and `data`. */
export interface OutcomeWebhookPayload {
  /** `verification.<status>`: `verification.verified`, `verification.failed`, `verification.in_progress`… */
  type: string
  /** When the status changed (ISO), the same on every attempt. */
  timestamp: string
  /** The change, as `onStatusChange` hears it: `eventId` (also the `webhook-id` header), `userId`, `session`, `status`… */
  data: StatusChange
}

/** The app answered anything but 2xx, or could not be reached in time: the outbox retries. */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError'
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

const PREFIX = 'whsec_'
const MIN_SECRET_BYTES = 24
const MAX_SECRET_BYTES = 64
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** A `whsec_` secret's key bytes; a TypeError naming the setting for anything else. */
export function parseWebhookSecret(secret: unknown, name: string): Uint8Array {
  const fix = `a Standard Webhooks secret: "whsec_" then base64 of ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} random bytes (generate one with \`echo "whsec_$(openssl rand -base64 32)"\`)`
  if (typeof secret !== 'string' || !secret.startsWith(PREFIX)) throw new TypeError(`${name} must be ${fix}.`)
  const text = secret.slice(PREFIX.length)
  let bytes: Uint8Array
  try {
    if (!BASE64.test(text)) throw new Error('not base64')
    bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    throw new TypeError(`${name} is not base64 after "whsec_": it must be ${fix}.`)
  }
  if (bytes.length < MIN_SECRET_BYTES || bytes.length > MAX_SECRET_BYTES)
    throw new TypeError(`${name} holds ${bytes.length} bytes: it must be ${fix}.`)
  return bytes
}

/**
 * `webhook-signature` for one message: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, one
 * per key, space-separated (the spec's form for a rotation).
 */
export async function signStandardWebhook(keys: readonly Uint8Array[], id: string, timestamp: number, body: string): Promise<string> {
  const content = `${id}.${timestamp}.${body}`
  const signatures = await Promise.all(keys.map(async (key) => `v1,${toBase64(await hmacSha256(key, content))}`))
  return signatures.join(' ')
}

/** Aborts when any of `signals` does (AbortSignal.any, which Vercel's Edge runtime lacks). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b])
  const controller = new AbortController()
  for (const signal of [a, b]) {
    if (signal.aborted) controller.abort(signal.reason)
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }
  return controller.signal
}

/** The URL as an error may show it: no query (a token may sit there), no credentials. */
const shown = (url: URL) => `${url.origin}${url.pathname}`

/**
 * Outcomes to the app as Standard Webhooks (https://www.standardwebhooks.com): an `onStatusChange`
 * that POSTs each change as JSON with `webhook-id` (the change's `eventId`, the same on every
 * retry: dedupe on it), `webhook-timestamp` (this attempt's, in seconds) and `webhook-signature`.
 * A 2xx answer delivers it; anything else, a redirect or a timeout throws, and the outbox retries
 * with backoff and keeps it as a dead letter after its last attempt. Web APIs only: it runs
 * wherever the handler does.
 *
 * ```ts
 * createVerificationHandler({ …, onStatusChange: createStandardWebhookSender({ url, secrets: process.env.VERIFY_WEBHOOK_SECRET }) })
 * ```
 */
export function createStandardWebhookSender(
  options: StandardWebhookSenderOptions,
): (change: StatusChange, context?: DeliveryContext) => Promise<void> {
  let url: URL
  try {
    url = new URL(options.url)
  } catch {
    throw new TypeError(`createStandardWebhookSender: url must be an absolute http(s) URL; "${String(options.url)}" is not one.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`createStandardWebhookSender: url must be http(s); got ${url.protocol}.`)
  const list = [options.secrets].flat()
  if (list.length === 0 || options.secrets === undefined)
    throw new TypeError('createStandardWebhookSender needs secrets: the whsec_ secret(s) your app verifies with.')
  const keys = list.map((secret, i) => parseWebhookSecret(secret, Array.isArray(options.secrets) ? `secrets[${i}]` : 'secrets'))
  const timeoutMs = options.timeoutMs ?? 10_000
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError(`createStandardWebhookSender: timeoutMs must be a positive number; got ${String(timeoutMs)}.`)
  const target = url.toString()

  return async function sendStandardWebhook(change, context) {
    const payload: OutcomeWebhookPayload = { type: `verification.${change.status}`, timestamp: change.at, data: change }
    const body = JSON.stringify(payload)
    const timestamp = Math.floor(Date.now() / 1000)
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = context?.signal ? eitherSignal(context.signal, timeout) : timeout
    let response: Response
    try {
      response = await (options.fetch ?? fetch)(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'verify-widget',
          'webhook-id': change.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': await signStandardWebhook(keys, change.eventId, timestamp, body),
        },
        body,
        // A redirect would carry the signed body somewhere nobody configured.
        redirect: 'manual',
        signal,
      })
    } catch (error) {
      const why = timeout.aborted
        ? `did not answer within ${timeoutMs} ms`
        : signal.aborted
          ? 'was cut off (the delivery timed out)'
          : 'could not be reached'
      throw new WebhookDeliveryError(`The outcome webhook ${shown(url)} ${why}.`, undefined, { cause: error })
    }
    // The answer's body is not ours to read; let the connection go.
    await response.body?.cancel().catch(() => {})
    if (response.status >= 200 && response.status < 300) return
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed: configure the final URL)' : ''
    throw new WebhookDeliveryError(`The outcome webhook ${shown(url)} answered ${response.status}${redirect}.`, response.status)
  }
}
