import { describe, expect, it } from 'vitest'
import type { SessionStatus } from '../../../src/core'
import { isTerminal, mergeStatus, SESSION_STATUSES } from '../../../src/core'
import { isSessionStatus } from '../../../src/core/status'

describe('isTerminal', () => {
  it.each([
    ['verified', true],
    ['failed', true],
    ['canceled', true],
    ['expired', true],
    ['requires_input', false],
    ['in_progress', false],
    ['processing', false],
  ] as const)('%s → %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal)
  })

  it('treats a missing status as not terminal', () => {
    expect(isTerminal(undefined)).toBe(false)
  })
})

describe('isSessionStatus', () => {
  it('accepts every model status and nothing else', () => {
    for (const s of SESSION_STATUSES) expect(isSessionStatus(s)).toBe(true)
    for (const v of ['complete', 'toString', '', null, 3, {}, 'VERIFIED']) expect(isSessionStatus(v)).toBe(false)
  })
})

describe('mergeStatus', () => {
  it('takes the first status as is', () => {
    expect(mergeStatus(undefined, 'processing')).toBe('processing')
  })

  it('moves forward through the lifecycle', () => {
    expect(mergeStatus('requires_input', 'in_progress')).toBe('in_progress')
    expect(mergeStatus('in_progress', 'processing')).toBe('processing')
    expect(mergeStatus('processing', 'verified')).toBe('verified')
  })

  it('never lets a late non-terminal event overwrite a terminal status', () => {
    for (const terminal of ['verified', 'failed', 'canceled', 'expired'] as const) {
      for (const late of ['requires_input', 'in_progress', 'processing'] as const) {
        expect(mergeStatus(terminal, late)).toBe(terminal)
      }
    }
  })

  it('keeps the first terminal status when a second, different one arrives', () => {
    expect(mergeStatus('verified', 'failed')).toBe('verified')
    expect(mergeStatus('canceled', 'verified')).toBe('canceled')
  })

  it('does not move a session back on an out-of-order non-terminal event', () => {
    expect(mergeStatus('processing', 'requires_input')).toBe('processing')
    expect(mergeStatus('in_progress', 'requires_input')).toBe('in_progress')
  })

  it('ends in the same state whatever order duplicated events arrive in', () => {
    const events: SessionStatus[] = ['requires_input', 'in_progress', 'processing', 'verified', 'processing', 'verified', 'in_progress']
    const orders = [events, [...events].reverse(), [events[3]!, ...events], [...events.slice(4), ...events.slice(0, 4)]]
    for (const order of orders) {
      expect(order.reduce<SessionStatus | undefined>((s, e) => mergeStatus(s, e), undefined)).toBe('verified')
    }
  })
})

describe('SESSION_STATUSES', () => {
  it('is frozen: the shared list cannot be reordered or extended', () => {
    expect(Object.isFrozen(SESSION_STATUSES)).toBe(true)
    expect(() => (SESSION_STATUSES as SessionStatus[]).reverse()).toThrow(TypeError)
    expect(() => (SESSION_STATUSES as SessionStatus[]).push('verified')).toThrow(TypeError)
  })

  it('does not decide what is terminal: a reordered copy changes nothing', () => {
    const reordered = [...SESSION_STATUSES].reverse()
    expect(reordered.filter(isTerminal)).toEqual(['expired', 'canceled', 'failed', 'verified'])
    expect(mergeStatus('verified', 'requires_input')).toBe('verified')
  })
})
