import { VerifyError } from './errors'
import { isSessionStatus } from './status'
import type { FlowMessage, HandoffLink, Provider, RefreshedSecret, SessionSnapshot, VerificationSession } from './types'

type Json = Record<string, unknown>

/** A JSON object (JSON and structured clones hold no functions, the other kind of object). */
export function isRecord(value: unknown): value is Json {
  return Object(value) === value && !Array.isArray(value)
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
  handoff: (v) => v === 'waiting' || v === 'opened',
}

/**
 * One validator for every answer shape. `fields` lists the keys kept, in order; a trailing `?`
 * marks an optional one (absent or null: left out). Anything else in the answer is dropped. What is
 * not an object (null, a string, an array) has none of the fields: its first required field fails.
 */
function parser<T>(what: string, fields: string): (value: unknown) => T {
  return (value) => {
    const given = Object(value) as Json
    const parsed: Json = {}
    for (const field of fields.split(' ')) {
      const key = field.replace('?', '')
      const v = given[key]
      if (key !== field && v == null) continue
      if (!FIELDS[key]!(v)) throw new VerifyError('invalid_response', `Invalid ${what}: "${key}"`)
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
  'sessionId provider status livemode updatedAt expiresAt? handoff?',
)

/** `POST /sessions/:id/refresh` → RefreshedSecret. */
export const parseRefreshedSecret = /* @__PURE__ */ parser<RefreshedSecret>('refreshed secret', 'sessionId clientSecret url expiresAt?')

const parseLink = /* @__PURE__ */ parser<Omit<HandoffLink, 'session'>>('handoff link', 'url expiresAt')

/** `POST /handoffs` → HandoffLink (the answer is `{session, handoff: {url, expiresAt}}`). */
export const parseHandoffLink = (value: unknown): HandoffLink => ({
  session: parseSessionSnapshot(Object(value).session),
  ...parseLink(Object(value).handoff),
})

/** The backend's `{"error":{type,code,message}}` (fields that are not strings left out), or `{}` for any other body. */
export function parseErrorBody(value: unknown): { type?: string; code?: string; message?: string } {
  const body: Json = { ...Object(value).error }
  for (const key in body) if (!isString(body[key])) delete body[key]
  return body
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
  return (type === 'error' ? { source, type, message: isString(message) ? message : 'Flow failed.' } : { source, type }) as FlowMessage
}
