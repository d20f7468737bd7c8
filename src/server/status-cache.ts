/**
 * Throttles provider reads per session: at most one read per `intervalMs`, and concurrent callers
 * share the read in flight. However many tabs poll, the provider sees one GET per session per interval.
 */
export interface StatusCache {
  /** Runs `read` unless the session was read recently; resolves when the read (if any) is done. */
  refresh(sessionId: string, read: () => Promise<void>, options?: { force?: boolean }): Promise<void>
  /** Provider reads started so far (for benchmarks and tests). */
  readonly reads: number
}

export function createStatusCache(intervalMs = 5000, now: () => number = Date.now): StatusCache {
  const lastRead = new Map<string, number>()
  const inFlight = new Map<string, Promise<void>>()
  let reads = 0
  return {
    get reads() {
      return reads
    },
    refresh(sessionId, read, options = {}) {
      const pending = inFlight.get(sessionId)
      if (pending) return pending
      const last = lastRead.get(sessionId)
      if (!options.force && last !== undefined && now() - last < intervalMs) return Promise.resolve()
      lastRead.set(sessionId, now())
      reads++
      const promise = read().finally(() => inFlight.delete(sessionId))
      inFlight.set(sessionId, promise)
      // Keep the map bounded: sessions not read for a while are forgotten.
      if (lastRead.size > 10_000) for (const [id, at] of lastRead) if (now() - at > intervalMs) lastRead.delete(id)
      return promise
    },
  }
}
