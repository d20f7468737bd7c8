import { isTerminal, mergeStatus } from '../core/status'
import { type StoreClockOptions, statusChange } from './status-change'
import type { ApplyStatusResult, OutboxEntry, SessionStore, StatusChange, StoredSession } from './types'

interface OutboxRow {
  seq: number
  id: string
  sessionId: string
  change: StatusChange
  attempts: number
  dueAt: number
  leaseUntil: number
  state: 'pending' | 'delivered' | 'dead'
  error?: string
}

export type MemoryStoreOptions = StoreClockOptions

/**
 * An in-memory SessionStore: for tests and throwaway demos; everything is gone on restart. Every
 * method runs to completion without awaiting, so each is atomic within the one process it serves.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now
  const sessions = new Map<string, StoredSession & { seq: number }>()
  const events = new Set<string>()
  const outbox: OutboxRow[] = []
  const hits = new Map<string, { windowMs: number; at: number[] }>()
  const leases = new Map<string, number>()
  let seq = 0
  const copy = (s: (StoredSession & { seq?: number }) | undefined): StoredSession | undefined => {
    if (!s) return undefined
    const { seq: _seq, ...session } = s
    return session
  }
  const newest = (match: (s: StoredSession) => boolean) => {
    let found: (StoredSession & { seq: number }) | undefined
    for (const s of sessions.values()) {
      if (!match(s)) continue
      if (!found || s.createdAt > found.createdAt || (s.createdAt === found.createdAt && s.seq > found.seq)) found = s
    }
    return found
  }
  const findOpen = (userId: string, provider: string) =>
    newest((s) => s.userId === userId && s.provider === provider && !isTerminal(s.status))

  function applyStatus(id: string, status: StoredSession['status'], at: string): ApplyStatusResult | undefined {
    const current = sessions.get(id)
    if (!current) return undefined
    const previous = current.status
    const next = mergeStatus(previous, status)
    if (next === previous) return { session: copy(current)!, changed: false }
    Object.assign(current, { status: next, updatedAt: at })
    const session = copy(current)!
    const change = statusChange(session, previous)
    outbox.push({ seq: ++seq, id: change.eventId, sessionId: id, change, attempts: 0, dueAt: 0, leaseUntil: 0, state: 'pending' })
    return { session, changed: true, change }
  }

  return {
    async insertOpen(session) {
      const open = findOpen(session.userId, session.provider)
      if (open && !isTerminal(session.status)) return { session: copy(open)!, created: false }
      if (sessions.has(session.id)) throw new Error(`Session ${session.id} already exists.`)
      sessions.set(session.id, { ...session, seq: ++seq })
      return { session: { ...session }, created: true }
    },
    async get(id) {
      return copy(sessions.get(id))
    },
    async findOpen(userId, provider) {
      return copy(findOpen(userId, provider))
    },
    async findByProviderId(provider, providerSessionId) {
      return copy(newest((s) => s.provider === provider && s.providerSessionId === providerSessionId))
    },
    async latest(userId, provider) {
      return copy(newest((s) => s.userId === userId && (provider === undefined || s.provider === provider)))
    },
    async patch(id, patch) {
      const current = sessions.get(id)
      if (!current) return undefined
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) Object.assign(current, { [key]: value })
      return copy(current)
    },
    async applyStatus(id, status, at) {
      return applyStatus(id, status, at)
    },
    async applyEvent(event, status) {
      const key = `${event.provider}\u0000${event.eventId}`
      if (events.has(key)) return { duplicate: true }
      // Applied before it is recorded: if the apply throws, the event stays unrecorded.
      const result = status && event.sessionId ? applyStatus(event.sessionId, status, event.receivedAt) : undefined
      events.add(key)
      return result ? { duplicate: false, result } : { duplicate: false }
    },
    async claimOutbox(limit, leaseMs) {
      const t = now()
      const seen = new Set<string>()
      const claimed: OutboxEntry[] = []
      for (const row of outbox) {
        if (claimed.length >= limit) break
        if (row.state !== 'pending' || seen.has(row.sessionId)) continue
        seen.add(row.sessionId)
        if (row.dueAt > t || row.leaseUntil > t) continue
        claimed.push({ id: row.id, sessionId: row.sessionId, change: structuredClone(row.change), attempts: row.attempts })
        row.attempts++
        row.leaseUntil = t + leaseMs
      }
      return claimed
    },
    async completeOutbox(id) {
      const index = outbox.findIndex((row) => row.id === id && row.state === 'pending')
      // Delivered entries leave the memory store; only dead ones are kept for an operator.
      if (index >= 0) outbox.splice(index, 1)
    },
    async failOutbox(id, error, retryAt) {
      const row = outbox.find((r) => r.id === id && r.state === 'pending')
      if (!row) return
      row.error = error
      row.leaseUntil = 0
      if (retryAt === null) row.state = 'dead'
      else row.dueAt = Date.parse(retryAt)
    },
    async hit(key, limit, windowMs) {
      if (limit < 1) return { allowed: false, retryAfterMs: Math.max(1, windowMs) }
      const t = now()
      const recent = (hits.get(key)?.at ?? []).filter((at) => at > t - windowMs)
      hits.set(key, { windowMs, at: recent })
      // The oldest hits that must leave the window before one more fits.
      if (recent.length >= limit) return { allowed: false, retryAfterMs: Math.max(1, recent[recent.length - limit]! + windowMs - t) }
      recent.push(t)
      // Keep memory bounded: keys whose every hit has left its window are forgotten now and then.
      if (hits.size > 10_000) for (const [k, h] of hits) if ((h.at.at(-1) ?? 0) <= t - h.windowMs) hits.delete(k)
      return { allowed: true, retryAfterMs: 0 }
    },
    async lease(key, ttlMs) {
      const t = now()
      const until = leases.get(key)
      if (until !== undefined && until > t) return false
      leases.set(key, t + ttlMs)
      if (leases.size > 10_000) for (const [k, u] of leases) if (u <= t) leases.delete(k)
      return true
    },
    async close() {},
  }
}
