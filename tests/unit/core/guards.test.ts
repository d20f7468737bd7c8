import { describe, expect, it } from 'vitest'
import { VerifyError } from '../../../src/core'
import { toVerifyError } from '../../../src/core/errors'
import {
  errorMessage,
  parseFlowMessage,
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
    ['not an object', 'nope', 'expected a JSON object'],
    ['an array', [session], 'expected a JSON object'],
    ['null', null, 'expected a JSON object'],
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

describe('errorMessage', () => {
  it('reads the message of the backend error shape', () => {
    expect(errorMessage({ error: { type: 'invalid_request_error', code: 'bad_country', message: 'Bad country' } })).toBe('Bad country')
  })

  it('returns undefined for anything else', () => {
    for (const v of [undefined, null, 'error', [], { error: 'x' }, { error: null }, { error: { message: 1 } }, { message: 'x' }]) {
      expect(errorMessage(v)).toBeUndefined()
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
    expect(new VerifyError('not_found', 'gone').retryable).toBe(false)
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
