import { VerifyError } from './errors'
import { isSessionStatus } from './status'
import type { BackendErrorBody, FlowMessage, Provider, RefreshedSecret, SessionSnapshot, VerificationSession } from './types'

type Json = Record<string, unknown>

function invalid(what: string, detail: string): VerifyError {
  return new VerifyError('invalid_response', `The verification service sent an invalid ${what}: ${detail}.`)
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isProvider(value: unknown): value is Provider {
  return value === 'facesign' || value === 'faceverify'
}

function field<T>(obj: Json, key: string, what: string, test: (v: unknown) => v is T, expected: string): T {
  const value = obj[key]
  if (!test(value)) throw invalid(what, `"${key}" should be ${expected}`)
  return value
}

function optional<T>(obj: Json, key: string, what: string, test: (v: unknown) => v is T, expected: string): T | undefined {
  return obj[key] === undefined || obj[key] === null ? undefined : field(obj, key, what, test, expected)
}

const isString = (v: unknown): v is string => typeof v === 'string'
const isNonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'

function record(value: unknown, what: string): Json {
  if (!isRecord(value)) throw invalid(what, 'expected a JSON object')
  return value
}

function base(obj: Json, what: string) {
  return {
    sessionId: field(obj, 'sessionId', what, isNonEmpty, 'a non-empty string'),
    provider: field(obj, 'provider', what, isProvider, '"facesign" or "faceverify"'),
    status: field(obj, 'status', what, isSessionStatus, 'a known status'),
    livemode: field(obj, 'livemode', what, isBoolean, 'a boolean'),
  }
}

function withOptional<T extends object>(value: T, key: string, extra: string | undefined): T {
  return extra === undefined ? value : { ...value, [key]: extra }
}

/** `POST /sessions` → VerificationSession, or a typed `invalid_response` error. */
export function parseVerificationSession(value: unknown): VerificationSession {
  const what = 'session'
  const obj = record(value, what)
  const session: VerificationSession = { ...base(obj, what), url: field(obj, 'url', what, isNonEmpty, 'a URL') }
  const withSecret = withOptional(session, 'clientSecret', optional(obj, 'clientSecret', what, isNonEmpty, 'a string'))
  return withOptional(withSecret, 'expiresAt', optional(obj, 'expiresAt', what, isString, 'an ISO date'))
}

/** `GET /sessions/:id` and SSE `status` data → SessionSnapshot. */
export function parseSessionSnapshot(value: unknown): SessionSnapshot {
  const what = 'session status'
  const obj = record(value, what)
  const snapshot: SessionSnapshot = { ...base(obj, what), updatedAt: field(obj, 'updatedAt', what, isString, 'an ISO date') }
  return withOptional(snapshot, 'expiresAt', optional(obj, 'expiresAt', what, isString, 'an ISO date'))
}

/** `POST /sessions/:id/refresh` → RefreshedSecret. */
export function parseRefreshedSecret(value: unknown): RefreshedSecret {
  const what = 'refreshed secret'
  const obj = record(value, what)
  const refreshed: RefreshedSecret = {
    sessionId: field(obj, 'sessionId', what, isNonEmpty, 'a non-empty string'),
    clientSecret: field(obj, 'clientSecret', what, isNonEmpty, 'a non-empty string'),
    url: field(obj, 'url', what, isNonEmpty, 'a URL'),
  }
  return withOptional(refreshed, 'expiresAt', optional(obj, 'expiresAt', what, isString, 'an ISO date'))
}

/** The backend's `{"error":{type,code,message}}`, or undefined when the body is something else. */
export function parseErrorBody(value: unknown): BackendErrorBody | undefined {
  if (!isRecord(value) || !isRecord(value.error)) return undefined
  const { type, code, message } = value.error
  if (!isString(type) || !isString(message)) return undefined
  return { type, code: isString(code) ? code : type, message }
}

const FLOW_TYPES = new Set(['ready', 'started', 'completed', 'canceled', 'expired', 'error'])

/** A postMessage from a flow page → FlowMessage, or undefined for anything else (ignored). */
export function parseFlowMessage(value: unknown): FlowMessage | undefined {
  if (!isRecord(value) || value.source !== 'facesign-flow' || !FLOW_TYPES.has(value.type as string)) return undefined
  if (value.type === 'completed') {
    return isSessionStatus(value.status) ? { source: 'facesign-flow', type: 'completed', status: value.status } : undefined
  }
  if (value.type === 'error') {
    return { source: 'facesign-flow', type: 'error', message: isString(value.message) ? value.message : 'The verification flow failed.' }
  }
  return { source: 'facesign-flow', type: value.type } as FlowMessage
}
