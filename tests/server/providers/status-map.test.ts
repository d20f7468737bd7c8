import { describe, expect, it } from 'vitest'
import { mapFaceSignStatus, mapWebhookEventType } from '../../../src/server/providers/status-map'

describe('mapFaceSignStatus', () => {
  it.each([
    ['requiresInput', undefined, 'requires_input'],
    ['created', undefined, 'requires_input'],
    ['inProgress', undefined, 'in_progress'],
    ['processing', undefined, 'processing'],
    ['complete', true, 'verified'],
    ['complete', false, 'failed'],
    ['complete', undefined, 'failed'],
    ['canceled', undefined, 'canceled'],
    ['cancelled', undefined, 'canceled'],
    ['incomplete', undefined, 'expired'],
  ] as const)('%s (isVerified %s) → %s', (raw, verified, expected) => {
    expect(mapFaceSignStatus(raw, verified)).toBe(expected)
  })

  it('does not treat a truthy non-boolean isVerified as verified', () => {
    expect(mapFaceSignStatus('complete', 'true')).toBe('failed')
    expect(mapFaceSignStatus('complete', 1)).toBe('failed')
  })

  it('returns undefined for unknown statuses instead of guessing', () => {
    for (const raw of ['archived', '', 'Complete', null, 42, {}]) expect(mapFaceSignStatus(raw)).toBeUndefined()
  })
})

describe('mapWebhookEventType', () => {
  it.each([
    ['session.created', 'requires_input'],
    ['session.started', 'in_progress'],
    ['session.verified', 'verified'],
    ['session.failed', 'failed'],
    ['session.cancelled', 'canceled'],
    ['session.expired', 'expired'],
  ] as const)('%s → %s', (type, status) => {
    expect(mapWebhookEventType(type)).toBe(status)
  })

  it('returns undefined for session.status (refetch) and unknown events', () => {
    for (const t of ['session.status', 'session.toString', 'constructor', 42, undefined]) expect(mapWebhookEventType(t)).toBeUndefined()
  })
})
