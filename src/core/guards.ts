import { VerifyError } from './errors'
import { isSessionStatus } from './status'
import type { FlowMessage, Provider, RefreshedSecret, SessionSnapshot, VerificationSession } from './types'

type Json = Record<string, unknown>

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isProvider(value: unknown): value is Provider {
  return value === 'facesign' || value === 'faceverify'
}

const isString = (v: unknown): v is string => typeof v === 'string'
const isFilled = (v: unknown) => isString(v) && v !== ''

/** What each backend field must hold: a field name means the same thing in every answer. */
const FIELDS: Record<string, (value: unknown) => boolean> = {
  sessionId: isFilled,
  provider: isProvider,
  status: isSessionStatus,
  livemode: (v) => typeof v === 'boolean',
  url: isFilled,
  clientSecret: isFilled,
  expiresAt: isString,
  updatedAt: isString,
}

/**
 * One validator for every answer shape. `fields` lists the keys kept, in order; a trailing `?`
 * marks an optional one (absent or null: left out). Anything else in the answer is dropped.
 */
function parser<T>(what: string, fields: string): (value: unknown) => T {
  return (value) => {
    const fail = (detail: string) => new VerifyError('invalid_response', `Invalid ${what} from the server: ${detail}`)
    if (!isRecord(value)) throw fail('expected a JSON object')
    const parsed: Json = {}
    for (const field of fields.split(' ')) {
      const key = field.replace('?', '')
      const v = value[key]
      if (key !== field && v == null) continue
      if (!FIELDS[key]!(v)) throw fail(`"${key}"`)
      parsed[key] = v
    }
    return parsed as T
  }
}

/** `POST /sessions` → VerificationSession, or a typed `invalid_response` error. */
export const parseVerificationSession = /* @__PURE__ */ parser<VerificationSession>(
  'session',
  'sessionId provider status livemode url clientSecret? expiresAt?',
)

/** `GET /sessions/:id` and SSE `status` data → SessionSnapshot. */
export const parseSessionSnapshot = /* @__PURE__ */ parser<SessionSnapshot>(
  'session status',
  'sessionId provider status livemode updatedAt expiresAt?',
)

/** `POST /sessions/:id/refresh` → RefreshedSecret. */
export const parseRefreshedSecret = /* @__PURE__ */ parser<RefreshedSecret>('refreshed secret', 'sessionId clientSecret url expiresAt?')

/** The message of the backend's `{"error":{type,code,message}}`, or undefined when the body is something else. */
export function errorMessage(value: unknown): string | undefined {
  const message = (value as { error?: { message?: unknown } } | undefined)?.error?.message
  return isString(message) ? message : undefined
}

const FLOW_TYPES = ['ready', 'started', 'completed', 'canceled', 'expired', 'error']

/**
 * A postMessage from a flow page → FlowMessage, or undefined for anything else (ignored).
 * Only the type is read: what a flow says about the result is never trusted (the backend decides).
 */
export function parseFlowMessage(value: unknown): FlowMessage | undefined {
  // Object() turns null, undefined and primitives into objects without these keys.
  const { source, type, message } = Object(value) as Json
  if (source !== 'facesign-flow' || !FLOW_TYPES.includes(type as string)) return undefined
  return (
    type === 'error' ? { source, type, message: isString(message) ? message : 'The verification flow failed.' } : { source, type }
  ) as FlowMessage
}
