import { isTerminal } from '../../core/status'
import type {
  HandoffRecord,
  OutboxEntry,
  PruneResult,
  SessionStore,
  StatusChange,
  StatusTransition,
  StoreClockOptions,
  StoredSession,
  WebhookEventRecord,
} from '../types'

interface OutboxRow {
  id: string
  sessionId: string
  change: StatusChange
  attempts: number
  dueAt: number
  leaseUntil: number
  state: 'pending' | 'delivered' | 'dead'
  settledAt: number
  error?: string
}

type Row = StoredSession & { seq: number }

export type MemoryStoreOptions = StoreClockOptions

const SWEEP_MS = 30_000

/**
 * An in-memory SessionStore for tests and single-process demos; everything is gone on restart. Every
 * method runs to completion without awaiting, so each is atomic within the one process it serves.
 * Indexed (by id, open session, user, provider id, counter key and holder) so that no hot path
 * scans every row, and swept on a timer started by first use (a Worker's global scope allows none).
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now
  const sessions = new Map<string, Row>()
  const openByUser = new Map<string, string>()
  const byUser = new Map<string, Set<string>>()
  const byProviderId = new Map<string, string>()
  // Insertion order is arrival order: pruning takes from the front.
  const events = new Map<string, number>()
  const outbox = new Map<string, OutboxRow>()
  const pendingBySession = new Map<string, OutboxRow[]>()
  const slots = new Map<string, Map<string, number>>()
  const slotsByHolder = new Map<string, Set<string>>()
  const leases = new Map<string, number>()
  const handoffs = new Map<string, HandoffRecord & { deviceHash?: string }>()
  const handoffBySession = new Map<string, string>()
  const handoffByDevice = new Map<string, string>()
  let seq = 0
  let sweeper: ReturnType<typeof setInterval> | undefined

  const openKey = (userId: string, provider: string) => `${userId}\u0000${provider}`
  const providerKey = (provider: string, id: string) => `${provider}\u0000${id}`
  const copy = (row: Row | undefined): StoredSession | undefined => {
    if (!row) return undefined
    const { seq: _seq, ...session } = row
    return session
  }
  const newer = (a: Row, b: Row | undefined) => !b || a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.seq > b.seq)

  function sweep() {
    const t = now()
    for (const [key, holders] of slots) {
      for (const [holder, until] of holders) if (until <= t) dropSlot(key, holder)
      if (holders.size === 0) slots.delete(key)
    }
    for (const [key, until] of leases) if (until <= t) leases.delete(key)
  }
  const touch = () => {
    if (sweeper) return
    sweeper = setInterval(sweep, SWEEP_MS)
    ;(sweeper as { unref?: () => void }).unref?.()
  }

  function dropHandoff(tokenHash: string) {
    const handoff = handoffs.get(tokenHash)
    if (!handoff) return
    handoffs.delete(tokenHash)
    if (handoff.deviceHash) handoffByDevice.delete(handoff.deviceHash)
    if (handoffBySession.get(handoff.sessionId) === tokenHash) handoffBySession.delete(handoff.sessionId)
  }

  function dropSlot(key: string, holder: string) {
    slots.get(key)?.delete(holder)
    const keys = slotsByHolder.get(holder)
    keys?.delete(key)
    if (keys?.size === 0) slotsByHolder.delete(holder)
  }
  /** Live holders of `key` (expired ones dropped on the way), with the earliest expiry. */
  function live(key: string, t: number): Map<string, number> {
    const holders = slots.get(key) ?? new Map<string, number>()
    for (const [holder, until] of holders) if (until <= t) dropSlot(key, holder)
    return holders
  }

  function setStatus(row: Row, transition: StatusTransition) {
    row.status = transition.to
    row.updatedAt = transition.at
    if (transition.clearSecrets) {
      delete row.clientSecret
      row.url = ''
    }
    if (isTerminal(row.status) && openByUser.get(openKey(row.userId, row.provider)) === row.id)
      openByUser.delete(openKey(row.userId, row.provider))
    const entry: OutboxRow = {
      id: transition.outbox.id,
      sessionId: row.id,
      change: structuredClone(transition.outbox.change),
      attempts: 0,
      dueAt: 0,
      leaseUntil: 0,
      state: 'pending',
      settledAt: 0,
    }
    outbox.set(entry.id, entry)
    const queue = pendingBySession.get(row.id) ?? []
    queue.push(entry)
    pendingBySession.set(row.id, queue)
  }

  function check(transition: StatusTransition): 'applied' | 'conflict' | 'missing' {
    const row = sessions.get(transition.sessionId)
    if (!row) return 'missing'
    return row.status === transition.from ? 'applied' : 'conflict'
  }

  function settle(id: string, state: 'delivered' | 'dead', error?: string) {
    const row = outbox.get(id)
    if (row?.state !== 'pending') return
    row.state = state
    row.leaseUntil = 0
    row.settledAt = now()
    if (error !== undefined) row.error = error
    const queue = pendingBySession.get(row.sessionId)
    const index = queue?.indexOf(row) ?? -1
    if (queue && index >= 0) queue.splice(index, 1)
    if (queue?.length === 0) pendingBySession.delete(row.sessionId)
  }

  return {
    async insertOpen(session) {
      touch()
      const openId = isTerminal(session.status) ? undefined : openByUser.get(openKey(session.userId, session.provider))
      if (openId) return { session: copy(sessions.get(openId))!, created: false }
      if (sessions.has(session.id)) throw new Error(`Session ${session.id} already exists.`)
      const row = { ...session, seq: ++seq }
      sessions.set(row.id, row)
      if (!isTerminal(row.status)) openByUser.set(openKey(row.userId, row.provider), row.id)
      const mine = byUser.get(row.userId) ?? new Set()
      mine.add(row.id)
      byUser.set(row.userId, mine)
      if (row.providerSessionId) byProviderId.set(providerKey(row.provider, row.providerSessionId), row.id)
      return { session: copy(row)!, created: true }
    },
    async get(id) {
      return copy(sessions.get(id))
    },
    async findOpen(userId, provider) {
      const id = openByUser.get(openKey(userId, provider))
      return id ? copy(sessions.get(id)) : undefined
    },
    async findByProviderId(provider, providerSessionId) {
      const id = byProviderId.get(providerKey(provider, providerSessionId))
      return id ? copy(sessions.get(id)) : undefined
    },
    async latest(userId, provider) {
      let found: Row | undefined
      for (const id of byUser.get(userId) ?? []) {
        const row = sessions.get(id)
        if (row && (provider === undefined || row.provider === provider) && newer(row, found)) found = row
      }
      return copy(found)
    },
    async update(id, patch) {
      const row = sessions.get(id)
      if (!row) return undefined
      if (patch.providerSessionId !== undefined) {
        row.providerSessionId = patch.providerSessionId
        const key = providerKey(row.provider, patch.providerSessionId)
        const holder = byProviderId.get(key)
        if (!holder || newer(row, sessions.get(holder))) byProviderId.set(key, row.id)
      }
      if (patch.url !== undefined) row.url = patch.url
      if (patch.livemode !== undefined) row.livemode = patch.livemode
      if (patch.clientSecret === null) delete row.clientSecret
      else if (patch.clientSecret !== undefined) row.clientSecret = patch.clientSecret
      if (patch.expiresAt === null) delete row.expiresAt
      else if (patch.expiresAt !== undefined) row.expiresAt = patch.expiresAt
      return copy(row)
    },
    async discardUnstarted(id, createdBefore) {
      const row = sessions.get(id)
      if (row?.providerSessionId !== '' || row.createdAt > createdBefore) return false
      sessions.delete(id)
      if (openByUser.get(openKey(row.userId, row.provider)) === id) openByUser.delete(openKey(row.userId, row.provider))
      byUser.get(row.userId)?.delete(id)
      return true
    },
    async transition(transition) {
      const result = check(transition)
      if (result === 'applied') setStatus(sessions.get(transition.sessionId)!, transition)
      return result
    },
    async recordEvent(event: WebhookEventRecord, transition) {
      const key = `${event.provider}\u0000${event.eventId}`
      if (events.has(key)) return 'duplicate'
      if (transition) {
        const result = check(transition)
        if (result === 'conflict') return 'conflict'
        if (result === 'applied') setStatus(sessions.get(transition.sessionId)!, transition)
      }
      events.set(key, Date.parse(event.receivedAt) || now())
      return 'recorded'
    },
    async claimOutbox(limit, leaseMs) {
      const t = now()
      const claimed: OutboxEntry[] = []
      for (const queue of pendingBySession.values()) {
        if (claimed.length >= limit) break
        const head = queue[0]
        if (!head || head.dueAt > t || head.leaseUntil > t) continue
        claimed.push({ id: head.id, sessionId: head.sessionId, change: structuredClone(head.change), attempts: head.attempts })
        head.attempts++
        head.leaseUntil = t + leaseMs
      }
      return claimed
    },
    async completeOutbox(id) {
      settle(id, 'delivered')
    },
    async failOutbox(id, error, retryAt) {
      if (retryAt === null) return settle(id, 'dead', error)
      const row = outbox.get(id)
      if (row?.state !== 'pending') return
      row.error = error
      row.leaseUntil = 0
      row.dueAt = Date.parse(retryAt) || now()
    },
    async outboxStats() {
      let pending = 0
      let dead = 0
      for (const queue of pendingBySession.values()) pending += queue.length
      for (const row of outbox.values()) if (row.state === 'dead') dead++
      return { pending, dead }
    },
    async deadLetters(limit) {
      // Newest first: later in the map (insertion order) wins a tie on the time it was given up.
      const dead = [...outbox.values()].filter((row) => row.state === 'dead').reverse()
      return dead
        .sort((a, b) => b.settledAt - a.settledAt)
        .slice(0, Math.max(0, Math.floor(limit)))
        .map((row) => ({
          id: row.id,
          sessionId: row.sessionId,
          change: structuredClone(row.change),
          attempts: row.attempts,
          lastError: row.error ?? '',
          deadAt: new Date(row.settledAt).toISOString(),
        }))
    },
    async reviveDeadLetters(ids) {
      let revived = 0
      for (const id of new Set(ids)) {
        const row = outbox.get(id)
        if (row?.state !== 'dead') continue
        Object.assign(row, { state: 'pending', attempts: 0, dueAt: 0, leaseUntil: 0, settledAt: 0 })
        // Back in its place among the session's pending entries (the map keeps the order they were written in).
        pendingBySession.set(
          row.sessionId,
          [...outbox.values()].filter((r) => r.sessionId === row.sessionId && r.state === 'pending'),
        )
        revived++
      }
      return revived
    },
    async acquire(claims, holder) {
      touch()
      const t = now()
      let retryAfterMs = 0
      for (const claim of claims) {
        const holders = live(claim.key, t)
        if (claim.limit < 1) retryAfterMs = Math.max(retryAfterMs, claim.ttlMs)
        else if (holders.size >= claim.limit) {
          // Room comes back when enough holders lapse: the (size - limit + 1)-th earliest expiry.
          const untils = [...holders.values()].sort((a, b) => a - b)
          retryAfterMs = Math.max(retryAfterMs, untils[holders.size - claim.limit]! - t)
        }
      }
      if (retryAfterMs > 0) return { allowed: false, retryAfterMs: Math.max(1, retryAfterMs) }
      for (const claim of claims) {
        const holders = slots.get(claim.key) ?? new Map<string, number>()
        holders.set(holder, t + claim.ttlMs)
        slots.set(claim.key, holders)
        const keys = slotsByHolder.get(holder) ?? new Set()
        keys.add(claim.key)
        slotsByHolder.set(holder, keys)
      }
      return { allowed: true, retryAfterMs: 0 }
    },
    async release(holder) {
      for (const key of [...(slotsByHolder.get(holder) ?? [])]) dropSlot(key, holder)
    },
    async renew(holder, ttlMs) {
      const t = now()
      const keys = [...(slotsByHolder.get(holder) ?? [])].filter((key) => (slots.get(key)?.get(holder) ?? 0) > t)
      for (const key of keys) slots.get(key)?.set(holder, t + ttlMs)
      return keys.length > 0
    },
    async countSlots(key) {
      return slots.has(key) ? live(key, now()).size : 0
    },
    async lease(key, ttlMs) {
      touch()
      const t = now()
      const until = leases.get(key)
      if (until !== undefined && until > t) return false
      leases.set(key, t + ttlMs)
      return true
    },
    async prune(before, limit) {
      const result: PruneResult = { sessions: 0, events: 0, delivered: 0, dead: 0 }
      for (const row of sessions.values()) {
        if (result.sessions >= limit) break
        if (!isTerminal(row.status) || row.updatedAt >= before.sessions || pendingBySession.has(row.id)) continue
        sessions.delete(row.id)
        byUser.get(row.userId)?.delete(row.id)
        if (byUser.get(row.userId)?.size === 0) byUser.delete(row.userId)
        const key = providerKey(row.provider, row.providerSessionId)
        if (byProviderId.get(key) === row.id) byProviderId.delete(key)
        const handoff = handoffBySession.get(row.id)
        if (handoff) dropHandoff(handoff)
        result.sessions++
      }
      const eventsBefore = Date.parse(before.events)
      for (const [key, at] of events) {
        if (result.events >= limit || at >= eventsBefore) break
        events.delete(key)
        result.events++
      }
      for (const row of outbox.values()) {
        if (row.state === 'pending') continue
        const kind = row.state === 'delivered' ? 'delivered' : 'dead'
        if (result[kind] >= limit || row.settledAt >= Date.parse(before[kind])) continue
        outbox.delete(row.id)
        result[kind]++
      }
      return result
    },
    async staleOpen(createdBefore, limit) {
      const found: Row[] = []
      for (const id of openByUser.values()) {
        const row = sessions.get(id)
        if (row && row.createdAt < createdBefore) found.push(row)
      }
      return found
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.seq - b.seq))
        .slice(0, Math.max(0, limit))
        .map((row) => copy(row)!)
    },
    async createHandoff(handoff) {
      const row = sessions.get(handoff.sessionId)
      if (!row || isTerminal(row.status)) return false
      const previous = handoffBySession.get(handoff.sessionId)
      if (previous) dropHandoff(previous)
      handoffs.set(handoff.tokenHash, { ...handoff })
      handoffBySession.set(handoff.sessionId, handoff.tokenHash)
      row.handoff = 'waiting'
      return true
    },
    async claimHandoff(tokenHash, deviceHash, at) {
      const handoff = handoffs.get(tokenHash)
      if (!handoff) return { result: 'missing' }
      if (handoff.deviceHash) return { result: 'taken', sessionId: handoff.sessionId }
      if (handoff.expiresAt <= at) return { result: 'expired', sessionId: handoff.sessionId }
      handoff.deviceHash = deviceHash
      handoffByDevice.set(deviceHash, tokenHash)
      const row = sessions.get(handoff.sessionId)
      if (row) row.handoff = 'opened'
      return { result: 'claimed', sessionId: handoff.sessionId }
    },
    async deviceSession(deviceHash, at) {
      const handoff = handoffs.get(handoffByDevice.get(deviceHash) ?? '')
      return handoff && handoff.deviceUntil > at ? handoff.sessionId : undefined
    },
    async close() {
      clearInterval(sweeper)
    },
  }
}
