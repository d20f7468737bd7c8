import { storeKeys } from '../keys'
import type { ResolvedOptions } from '../options'
import type { PruneResult, SessionStore } from '../types'

/** What one pruning pass did: sessions ended for being open too long, and rows deleted. */
export interface RetentionResult extends PruneResult {
  expired: number
}

/** Rows per batch, and batches per pass: a pass never holds the database for long. */
const BATCH = 500
const MAX_BATCHES = 20

const iso = (ms: number) => new Date(ms).toISOString()
const sum = (a: RetentionResult, b: Partial<RetentionResult>): RetentionResult => ({
  expired: a.expired + (b.expired ?? 0),
  sessions: a.sessions + (b.sessions ?? 0),
  events: a.events + (b.events ?? 0),
  delivered: a.delivered + (b.delivered ?? 0),
  dead: a.dead + (b.dead ?? 0),
})

/**
 * Data has a lifetime: once an interval, one instance (a lease in the store) ends the sessions
 * left open past `retention.openSessionMs` (through the service, so each is an ordinary transition
 * with its outcome), then deletes finished sessions, webhook events and settled outbox rows past
 * their lifetimes, in bounded batches.
 */
export function createRetention(deps: { store: SessionStore; options: ResolvedOptions; expire: (sessionId: string) => Promise<unknown> }) {
  const { store } = deps
  const r = deps.options.retention
  let timer: ReturnType<typeof setInterval> | undefined

  async function pass(force: boolean): Promise<RetentionResult> {
    let total: RetentionResult = { expired: 0, sessions: 0, events: 0, delivered: 0, dead: 0 }
    if (!force && !(await store.lease(storeKeys.pruneLease, r.intervalMs))) return total
    const now = Date.now()
    for (let i = 0; i < MAX_BATCHES; i++) {
      const stale = await store.staleOpen(iso(now - r.openSessionMs), BATCH)
      for (const session of stale) await deps.expire(session.id)
      total = sum(total, { expired: stale.length })
      if (stale.length < BATCH) break
    }
    const before = {
      sessions: iso(now - r.finishedSessionMs),
      events: iso(now - r.webhookEventMs),
      delivered: iso(now - r.deliveredMs),
      dead: iso(now - r.deadMs),
    }
    for (let i = 0; i < MAX_BATCHES; i++) {
      const done = await store.prune(before, BATCH)
      total = sum(total, done)
      if (Math.max(done.sessions, done.events, done.delivered, done.dead) < BATCH) break
    }
    return total
  }

  return {
    /** One pass now, whoever else pruned lately (operators, tests). */
    run: () => pass(true),
    /** Passes every `retention.intervalMs`, the first one now. */
    start(report: (error: unknown) => void) {
      if (timer) return
      const tick = () => void pass(false).catch(report)
      timer = setInterval(tick, r.intervalMs)
      ;(timer as { unref?: () => void }).unref?.()
      tick()
    },
    stop() {
      clearInterval(timer)
    },
  }
}
