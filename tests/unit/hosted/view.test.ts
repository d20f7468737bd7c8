import { describe, expect, it } from 'vitest'
import { VerifyError } from '../../../src/core'
import { deriveView } from '../../../src/hosted/view'

const base = { phase: 'active', online: true, status: undefined, error: null } as const

describe('deriveView', () => {
  it('shows starting until the backend names a status, then that status', () => {
    expect(deriveView({ ...base, phase: 'starting' })).toEqual({ kind: 'starting' })
    expect(deriveView({ ...base, status: 'in_progress' })).toEqual({ kind: 'in_progress' })
    expect(deriveView({ ...base, status: 'processing' })).toEqual({ kind: 'processing' })
  })

  it('shows idle before anything was started', () => {
    expect(deriveView({ ...base, phase: 'idle' })).toEqual({ kind: 'idle' })
  })

  it('lets a known result outrank being offline and any later error', () => {
    const error = new VerifyError('server_error', 'Down')
    for (const status of ['verified', 'failed', 'canceled', 'expired'] as const) {
      expect(deriveView({ ...base, status, online: false, error })).toEqual({ kind: status })
    }
  })

  it('explains a failure by being offline first', () => {
    expect(deriveView({ ...base, online: false, error: new VerifyError('network_error', 'x') })).toEqual({ kind: 'offline' })
    expect(deriveView({ ...base, online: false, status: 'in_progress' })).toEqual({ kind: 'offline' })
  })

  it('maps a 429 to a countdown with the Retry-After, or a 10 s default', () => {
    const limited = new VerifyError('rate_limited', 'Slow down', { status: 429, retryAfterMs: 7000 })
    expect(deriveView({ ...base, error: limited })).toEqual({ kind: 'rate_limited', retryAfterMs: 7000 })
    expect(deriveView({ ...base, error: new VerifyError('rate_limited', 'Slow down') })).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 10_000,
    })
    // The backend's own 429 codes keep the countdown.
    for (const code of ['too_many_sessions', 'provider_rate_limited']) {
      const error = new VerifyError(code, 'Busy', { status: 429, type: 'rate_limit_error', retryAfterMs: 3000 })
      expect(deriveView({ ...base, error })).toEqual({ kind: 'rate_limited', retryAfterMs: 3000 })
    }
  })

  it('maps an expired secret to the expired view and other errors to a readable message', () => {
    expect(deriveView({ ...base, error: new VerifyError('session_expired', 'x') })).toEqual({ kind: 'expired' })
    expect(deriveView({ ...base, error: new VerifyError('server_error', 'The service is down.') })).toEqual({
      kind: 'error',
      message: 'The service is down.',
    })
  })
  it('gives a phone’s refused claim its own page, and a computer the same codes as errors', () => {
    const codes = {
      handoff_taken: 'handoff_taken',
      handoff_expired: 'handoff_expired',
      handoff_not_found: 'handoff_invalid',
      session_finished: 'handoff_finished',
    }
    for (const [code, kind] of Object.entries(codes)) {
      const error = new VerifyError(code, 'Refused.', { status: 409 })
      expect(deriveView({ ...base, error, phone: true })).toEqual({ kind })
      expect(deriveView({ ...base, error })).toEqual({ kind: 'error', message: 'Refused.' })
    }
    // No code is looked up through the prototype.
    expect(deriveView({ ...base, error: new VerifyError('constructor', 'x'), phone: true })).toEqual({ kind: 'error', message: 'x' })
  })
})
