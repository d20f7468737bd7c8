import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseRetryAfter } from '../../../src/core/retry-after'

const NOW = Date.parse('2026-01-01T00:00:00Z')

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('parseRetryAfter (the one parser, browser and server)', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('0')).toBe(0)
    expect(parseRetryAfter(' 120 ')).toBe(120_000)
  })

  it('reads an HTTP date as the time left, a past one as 0', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT')).toBe(30_000)
    expect(parseRetryAfter(new Date(NOW - 60_000).toUTCString())).toBe(0)
  })

  it('ignores what is neither', () => {
    for (const junk of [null, undefined, '', '  ', 'soon', '-3', '1.5', '1e3', '0x10']) expect(parseRetryAfter(junk)).toBeUndefined()
  })
})
