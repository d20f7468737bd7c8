import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../src/server/rate-limit'

describe('createRateLimiter', () => {
  it('allows `limit` hits per window per key and says how long to wait', () => {
    let now = 0
    const limiter = createRateLimiter(2, 60_000, () => now)
    expect(limiter.take('a')).toEqual({ ok: true })
    now = 10_000
    expect(limiter.take('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 50 })
    expect(limiter.take('b')).toEqual({ ok: true })
    now = 60_000
    expect(limiter.take('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 })
  })
})
