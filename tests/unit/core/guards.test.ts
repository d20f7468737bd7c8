import { describe, expect, it } from 'vitest'
import { VerifyError } from '../../../src/core'
import { toVerifyError } from '../../../src/core/errors'
import {
  parseErrorBody,
  parseFlowMessage,
  parseHandoffLink,
  parseRefreshedSecret,
  parseSessionSnapshot,
  parseVerificationSession,
} from '../../../src/core/guards'

const session = {
  sessionId: 'vs_123',
  provider: 'facesign',
  status: 'requires_input',
  clientSecret: 'vs_123_secret_abc',
  url: 'https://verify.facesign.ai/?client_secret=vs_123_secret_abc',
  expiresAt: '2026-11-25T10:00:00.000Z',
  livemode: false,
}

function errorOf(fn: () => unknown): VerifyError {
  try {
    fn()
  } catch (error) {
    if (error instanceof VerifyError) return error
    throw error
  }
  throw new Error('expected a VerifyError')
}

describe('parseVerificationSession', () => {
  it('accepts a complete session', () => {
    expect(parseVerificationSession(session)).toEqual(session)
  })

  it('accepts a FaceVerify session without secret or expiry and drops unknown fields', () => {
    const { clientSecret: _s, expiresAt: _e, ...rest } = session
    const parsed = parseVerificationSession({ ...rest, provider: 'faceverify', extra: 'ignored' })
    expect(parsed).toEqual({ ...rest, provider: 'faceverify' })
    expect(parsed).not.toHaveProperty('clientSecret')
  })

  it.each([
    ['not an object', 'nope', '"sessionId"'],
    ['an array', [session], '"sessionId"'],
    ['null', null, '"sessionId"'],
    ['empty id', { ...session, sessionId: '' }, '"sessionId"'],
    ['unknown provider', { ...session, provider: 'onfido' }, '"provider"'],
    ['unknown status', { ...session, status: 'complete' }, '"status"'],
    ['missing url', { ...session, url: undefined }, '"url"'],
    ['livemode as string', { ...session, livemode: 'false' }, '"livemode"'],
    ['secret as number', { ...session, clientSecret: 42 }, '"clientSecret"'],
  ])('rejects %s with a typed invalid_response error', (_name, value, message) => {
    const error = errorOf(() => parseVerificationSession(value))
    expect(error.code).toBe('invalid_response')
    expect(error.message).toContain(message)
    expect(error).toBeInstanceOf(VerifyError)
  })
})

describe('parseSessionSnapshot', () => {
  const snapshot = { sessionId: 'vs_1', provider: 'faceverify', status: 'processing', livemode: true, updatedAt: '2026-11-25T10:00:00Z' }

  it('accepts a snapshot', () => {
    expect(parseSessionSnapshot(snapshot)).toEqual(snapshot)
  })

  it('keeps the handoff state of a session handed to a phone, and refuses any other value', () => {
    expect(parseSessionSnapshot({ ...snapshot, handoff: 'waiting' })).toEqual({ ...snapshot, handoff: 'waiting' })
    expect(parseSessionSnapshot({ ...snapshot, handoff: 'opened' }).handoff).toBe('opened')
    expect(parseSessionSnapshot({ ...snapshot, handoff: null })).not.toHaveProperty('handoff')
    for (const handoff of ['claimed', true, 1, {}]) {
      const error = errorOf(() => parseSessionSnapshot({ ...snapshot, handoff }))
      expect(error.code).toBe('invalid_response')
      expect(error.message).toContain('"handoff"')
    }
  })

  it('requires updatedAt', () => {
    expect(errorOf(() => parseSessionSnapshot({ ...snapshot, updatedAt: undefined })).message).toContain('"updatedAt"')
  })
})

describe('parseRefreshedSecret', () => {
  it('accepts a refreshed secret and rejects one without a secret', () => {
    const value = { sessionId: 'vs_1', clientSecret: 'vs_1_secret_2', url: 'https://verify.facesign.ai/x' }
    expect(parseRefreshedSecret(value)).toEqual(value)
    expect(errorOf(() => parseRefreshedSecret({ ...value, clientSecret: '' })).code).toBe('invalid_response')
  })
})

describe('parseErrorBody', () => {
  it("reads the backend's error type, code and message as sent", () => {
    expect(parseErrorBody({ error: { type: 'permission_error', code: 'origin_not_allowed', message: 'No' } })).toEqual({
      type: 'permission_error',
      code: 'origin_not_allowed',
      message: 'No',
    })
  })

  it('leaves out what is not a string, and gives {} for any other body', () => {
    expect(parseErrorBody({ error: { type: 1, code: null, message: 'Bad country' } })).toEqual({ message: 'Bad country' })
    for (const v of [undefined, null, 'error', [], { error: null }, { error: { message: 1 } }, { message: 'x' }]) {
      expect(parseErrorBody(v)).toEqual({})
    }
  })
})

describe('parseFlowMessage', () => {
  it('accepts each flow message', () => {
    expect(parseFlowMessage({ source: 'facesign-flow', type: 'ready' })).toEqual({ source: 'facesign-flow', type: 'ready' })
    // What a flow says about the result is dropped: only the backend decides it.
    expect(parseFlowMessage({ source: 'facesign-flow', type: 'completed', status: 'verified' })).toEqual({
      source: 'facesign-flow',
      type: 'completed',
    })
    expect(parseFlowMessage({ source: 'facesign-flow', type: 'error' })).toMatchObject({ type: 'error', message: expect.any(String) })
    expect(parseFlowMessage({ source: 'facesign-flow', type: 'error', message: 'camera denied' })).toEqual({
      source: 'facesign-flow',
      type: 'error',
      message: 'camera denied',
    })
  })

  it('ignores anything that is not a flow message', () => {
    for (const v of [
      'completed',
      null,
      { type: 'completed', status: 'verified' },
      { source: 'other', type: 'ready' },
      { source: 'facesign-flow', type: 'hack' },
      { source: 'facesign-flow', type: 'toString' },
      [{ source: 'facesign-flow', type: 'ready' }],
    ]) {
      expect(parseFlowMessage(v)).toBeUndefined()
    }
  })
})

describe('VerifyError', () => {
  it('carries code, status and retry-after, and says whether a retry can help', () => {
    const error = new VerifyError('rate_limited', 'Too many', { status: 429, retryAfterMs: 5000 })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('VerifyError')
    expect([error.code, error.status, error.retryAfterMs, error.retryable]).toEqual(['rate_limited', 429, 5000, true])
    expect(new VerifyError('resource_missing', 'gone', { status: 404 }).retryable).toBe(false)
    expect(new VerifyError('origin_not_allowed', 'no', { status: 403 }).retryable).toBe(false)
    expect(new VerifyError('provider_unavailable', 'down', { status: 502 }).retryable).toBe(true)
    expect(new VerifyError('untrusted_url', 'refused').retryable).toBe(false)
    expect(new VerifyError('network_error', 'offline').retryable).toBe(true)
  })

  it('wraps unknown throwables, keeping the cause', () => {
    const cause = new TypeError('Failed to fetch')
    const error = toVerifyError(cause)
    expect(error.code).toBe('network_error')
    expect(error.cause).toBe(cause)
    expect(toVerifyError(error)).toBe(error)
    expect(toVerifyError(new DOMException('t', 'TimeoutError')).code).toBe('timeout')
  })
})

describe('parseHandoffLink', () => {
  const session = {
    sessionId: 'vws_1',
    provider: 'facesign',
    status: 'requires_input',
    livemode: false,
    updatedAt: 'x',
    handoff: 'waiting',
  }
  const url = 'https://shop.example/verify#handoff=AAAA'

  it('flattens the answer of POST /handoffs into the session, the link and its expiry', () => {
    expect(parseHandoffLink({ session, handoff: { url, expiresAt: '2026-12-01T10:10:00Z' }, extra: 1 })).toEqual({
      session,
      url,
      expiresAt: '2026-12-01T10:10:00Z',
    })
  })

  it.each([
    ['no handoff', { session }, '"url"'],
    ['an empty url', { session, handoff: { url: '', expiresAt: 'x' } }, '"url"'],
    ['no expiry', { session, handoff: { url } }, '"expiresAt"'],
    ['a bad session', { session: { ...session, status: 'done' }, handoff: { url, expiresAt: 'x' } }, '"status"'],
    ['null', null, '"sessionId"'],
  ])('refuses %s with a typed invalid_response error', (_name, value, message) => {
    const error = errorOf(() => parseHandoffLink(value))
    expect(error).toBeInstanceOf(VerifyError)
    expect(error.code).toBe('invalid_response')
    expect(error.message).toContain(message)
  })
})
