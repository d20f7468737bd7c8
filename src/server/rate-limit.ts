export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimiter {
  take(key: string): RateLimitResult
}

/** A sliding-window limit per key: at most `limit` hits per `windowMs`. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>()
  return {
    take(key) {
      const t = now()
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs)
      if (recent.length >= limit) {
        hits.set(key, recent)
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + windowMs - t) / 1000)) }
      }
      recent.push(t)
      hits.set(key, recent)
      // Keep memory bounded: forget keys whose hits have all left the window.
      if (hits.size > 10_000) for (const [k, list] of hits) if (t - (list.at(-1) ?? 0) >= windowMs) hits.delete(k)
      return { ok: true }
    },
  }
}
