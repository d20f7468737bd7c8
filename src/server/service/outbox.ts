import type { DeliveryContext, OutboxEntry, SessionStore, StatusChange } from '../types'
import type { Metrics } from './metrics'

export interface OutboxDispatcherOptions {
  store: SessionStore
  /** The integrator's hook; without one, entries are settled as they come (nobody to tell). */
  onStatusChange: ((change: StatusChange, context: DeliveryContext) => void | Promise<void>) | undefined
  report: (error: unknown) => void
  metrics?: Pick<Metrics, 'delivery'>
  maxAttempts: number
  retryDelayMs: number
  /** One delivery's time: then its signal aborts and the attempt counts as failed. */
  timeoutMs: number
  /** How long a claimed entry is ours: longer than `timeoutMs`, so an entry in flight is never claimed again. */
  leaseMs: number
  /** How often the store is asked anyway: other processes' entries, leases that ran out. */
  pollMs: number
}

export interface OutboxDispatcher {
  /** Something was written: look for due entries now. */
  wake(): void
  /** Resolves when nothing is being claimed or delivered (tests, benchmarks). */
  idle(): Promise<void>
  /** Deliveries running now, and how many of them are slow (past a second). */
  readonly inFlight: number
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

/**
 * Deliveries started within SLOW_MS that may run at once: a burst of outcomes reaches the hook at a
 * steady pace, while a delivery that takes longer stops counting, so a stuck hook holds up only its
 * own session (and MAX_IN_FLIGHT bounds them all).
 */
const CONCURRENCY = 32
const SLOW_MS = 50
/** Never more in flight than this, slow ones included. */
const MAX_IN_FLIGHT = 1024
const MAX_DELAY_MS = 10 * 60_000
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500)

class DeliveryTimeout extends Error {
  override readonly name = 'DeliveryTimeout'
}

/**
 * Delivers the outbox to `onStatusChange`: after the transition committed, at least once, in order
 * per session (the store hands out only a session's oldest pending entry), each attempt bounded by
 * `timeoutMs` (its AbortSignal fires), retried with doubling delays, given up after `maxAttempts`
 * (kept, reported). It drains on start, after each write of this process, when a retry falls due,
 * and every `pollMs` (entries left by a crash or another process).
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { store } = options
  let closed = false
  let draining: Promise<void> | undefined
  let again = false
  // Entry id → when its delivery started; the store will not hand these out again while leased.
  const inFlight = new Map<string, { started: number; done: Promise<void> }>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const deliveryTimers = new Set<ReturnType<typeof setTimeout>>()

  const report = (error: unknown) => {
    if (!closed) options.report(error)
  }
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, ms)
    timers.add(timer)
    ;(timer as { unref?: () => void }).unref?.()
    return timer
  }

  async function attempt(entry: OutboxEntry): Promise<void> {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = later(options.timeoutMs, () => {
        const error = new DeliveryTimeout(`onStatusChange did not finish within ${options.timeoutMs} ms.`)
        controller.abort(error)
        reject(error)
      })
      deliveryTimers.add(timer)
    })
    try {
      await Promise.race([options.onStatusChange?.(entry.change, { signal: controller.signal, attempt: entry.attempts + 1 }), timedOut])
    } finally {
      clearTimeout(timer)
      timers.delete(timer!)
      deliveryTimers.delete(timer!)
    }
  }

  async function deliver(entry: OutboxEntry): Promise<void> {
    try {
      await attempt(entry)
    } catch (error) {
      const attempts = entry.attempts + 1
      if (attempts >= options.maxAttempts) {
        options.metrics?.delivery('dead')
        await store.failOutbox(entry.id, errorText(error), null)
        report(new OutboxDeliveryError(entry, attempts, error))
        return
      }
      options.metrics?.delivery(error instanceof DeliveryTimeout ? 'timeout' : 'error')
      const delay = Math.min(MAX_DELAY_MS, options.retryDelayMs * 2 ** (attempts - 1))
      await store.failOutbox(entry.id, errorText(error), new Date(Date.now() + delay).toISOString())
      // Timers run on a monotonic clock and may fire a little early: one more millisecond.
      if (!closed) later(delay + 1, wake)
      return
    }
    options.metrics?.delivery('ok', Math.max(0, Date.now() - Date.parse(entry.change.at)))
    await store.completeOutbox(entry.id)
  }

  const busy = () => {
    const now = Date.now()
    let n = 0
    for (const { started } of inFlight.values()) if (now - started < SLOW_MS) n++
    return n
  }
  const room = () => Math.min(CONCURRENCY - busy(), MAX_IN_FLIGHT - inFlight.size)

  // Deliveries run side by side across sessions and are not awaited here: a slow hook holds up
  // only its own session, and once it is slow it stops taking a place among the CONCURRENCY.
  async function drain(): Promise<void> {
    do {
      again = false
      while (!closed && room() > 0) {
        const entries = await store.claimOutbox(room(), options.leaseMs)
        const fresh = entries.filter((entry) => !inFlight.has(entry.id))
        if (fresh.length === 0) break
        for (const entry of fresh) {
          const done = deliver(entry)
            .catch(report)
            .finally(() => {
              inFlight.delete(entry.id)
              wake()
            })
          inFlight.set(entry.id, { started: Date.now(), done })
          later(SLOW_MS + 1, wake)
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
  ;(poll as { unref?: () => void }).unref?.()
  wake()

  return {
    wake,
    get inFlight() {
      return inFlight.size
    },
    async idle() {
      while (draining || inFlight.size > 0) await Promise.all([draining, ...[...inFlight.values()].map((d) => d.done)])
    },
    close() {
      closed = true
      clearInterval(poll)
      // Retry timers go; a delivery's own timeout stays, so that it still ends on time, and now holds
      // the process open (on Node): close() waits for the delivery, which must not be cut off by exit.
      for (const timer of timers) if (!deliveryTimers.has(timer)) clearTimeout(timer)
      for (const timer of deliveryTimers) (timer as { ref?: () => void }).ref?.()
      timers.clear()
    },
  }
}
