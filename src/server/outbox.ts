import type { OutboxEntry, SessionStore, StatusChange } from './types'

export interface OutboxDispatcherOptions {
  store: SessionStore
  /** The integrator's hook; without one, entries are settled as they come (nobody to tell). */
  onStatusChange: ((change: StatusChange) => void | Promise<void>) | undefined
  onError: ((error: unknown) => void) | undefined
  maxAttempts: number
  retryDelayMs: number
  /** How long a claimed entry is ours before another caller (or we, after a crash) may take it. */
  leaseMs: number
  /** How often the store is asked anyway: other processes' entries, leases that ran out. */
  pollMs: number
}

export interface OutboxDispatcher {
  /** Something was written: look for due entries now. */
  wake(): void
  /** Resolves when nothing is being claimed or delivered (tests, benchmarks). */
  idle(): Promise<void>
  /** Stops claiming; deliveries in progress finish on their own and are not awaited. */
  close(): void
}

/** An entry that ran out of attempts: kept in the store as dead, reported to onError. */
export class OutboxDeliveryError extends Error {
  readonly change: StatusChange
  readonly attempts: number
  constructor(entry: OutboxEntry, attempts: number, cause: unknown) {
    super(`onStatusChange failed ${attempts} times for ${entry.id}; the entry is kept as dead in the outbox.`, { cause })
    this.name = 'OutboxDeliveryError'
    this.change = entry.change
    this.attempts = attempts
  }
}

const CONCURRENCY = 32
const MAX_DELAY_MS = 10 * 60_000
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500)

/**
 * Delivers the outbox to `onStatusChange`: after the transition committed, at least once, in order
 * per session (the store hands out only a session's oldest pending entry), retried with doubling
 * delays, given up after `maxAttempts` (kept, reported). It drains on start, after each write of
 * this process, when a retry falls due, and every `pollMs` (entries left by a crash or another process).
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { store } = options
  let closed = false
  let draining: Promise<void> | undefined
  let again = false
  const inFlight = new Map<string, Promise<void>>()
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryAt = Number.POSITIVE_INFINITY

  const report = (error: unknown) => {
    if (!closed) options.onError?.(error)
  }

  // The retry times this process is waiting for; one timer, set for the earliest.
  const retryTimes: number[] = []
  function wakeAt(at?: number) {
    if (closed) return
    if (at !== undefined) retryTimes.push(at)
    const next = Math.min(...retryTimes)
    if (next === retryAt) return
    clearTimeout(retryTimer)
    retryAt = next
    if (!Number.isFinite(next)) return
    // Timers run on a monotonic clock and may fire a little before Date.now() reaches `next`,
    // when the store would still call the entry not due: hence the extra millisecond and the check.
    retryTimer = setTimeout(
      () => {
        retryAt = Number.POSITIVE_INFINITY
        const now = Date.now()
        const due = retryTimes.filter((t) => t <= now)
        retryTimes.splice(0, retryTimes.length, ...retryTimes.filter((t) => t > now))
        if (due.length > 0) wake()
        wakeAt()
      },
      Math.max(0, next - Date.now() + 1),
    )
    retryTimer.unref?.()
  }

  async function deliver(entry: OutboxEntry): Promise<void> {
    try {
      await options.onStatusChange?.(entry.change)
    } catch (error) {
      const attempts = entry.attempts + 1
      if (attempts >= options.maxAttempts) {
        await store.failOutbox(entry.id, errorText(error), null)
        report(new OutboxDeliveryError(entry, attempts, error))
        return
      }
      const at = Date.now() + Math.min(MAX_DELAY_MS, options.retryDelayMs * 2 ** (attempts - 1))
      await store.failOutbox(entry.id, errorText(error), new Date(at).toISOString())
      wakeAt(at)
      return
    }
    await store.completeOutbox(entry.id)
  }

  // Deliveries run side by side across sessions and are not awaited here: a slow hook for one
  // session holds up only that session (the store hands out nothing more of it while its oldest
  // entry is claimed). Each settled delivery looks for more.
  async function drain(): Promise<void> {
    do {
      again = false
      while (!closed && inFlight.size < CONCURRENCY) {
        const entries = await store.claimOutbox(CONCURRENCY - inFlight.size, options.leaseMs)
        // A hook slower than the lease: the entry is still ours, never delivered twice at once here.
        const fresh = entries.filter((entry) => !inFlight.has(entry.id))
        if (fresh.length === 0) break
        for (const entry of fresh) {
          const delivery = deliver(entry)
            .catch(report)
            .finally(() => {
              inFlight.delete(entry.id)
              wake()
            })
          inFlight.set(entry.id, delivery)
        }
      }
    } while (again && !closed)
  }

  function wake() {
    if (closed) return
    if (draining) {
      again = true
      return
    }
    draining = drain()
      .catch(report)
      .finally(() => {
        draining = undefined
      })
  }

  const poll = setInterval(wake, options.pollMs)
  poll.unref?.()
  wake()

  return {
    wake,
    async idle() {
      while (draining || inFlight.size > 0) await Promise.all([draining, ...inFlight.values()])
    },
    close() {
      closed = true
      clearInterval(poll)
      clearTimeout(retryTimer)
    },
  }
}
