import { isTerminal, mergeStatus } from '../core/status'
import type { SessionStore, StoredSession, WebhookEventRecord } from './types'

/** An in-memory SessionStore: for tests and throwaway demos; everything is gone on restart. */
export function createMemoryStore(): SessionStore {
  const sessions = new Map<string, StoredSession>()
  const events = new Map<string, WebhookEventRecord>()
  const eventKey = (provider: string, id: string) => `${provider}\u0000${id}`
  const copy = (s: StoredSession | undefined) => (s ? { ...s } : undefined)

  return {
    async insert(session) {
      if (sessions.has(session.id)) throw new Error(`Session ${session.id} already exists.`)
      sessions.set(session.id, { ...session })
    },
    async get(id) {
      return copy(sessions.get(id))
    },
    async findOpen(userId, provider) {
      let latest: StoredSession | undefined
      for (const s of sessions.values()) {
        if (s.userId !== userId || s.provider !== provider || isTerminal(s.status)) continue
        if (!latest || s.createdAt > latest.createdAt) latest = s
      }
      return copy(latest)
    },
    async findByProviderId(provider, providerSessionId) {
      for (const s of sessions.values()) if (s.provider === provider && s.providerSessionId === providerSessionId) return copy(s)
      return undefined
    },
    async patch(id, patch) {
      const current = sessions.get(id)
      if (!current) return undefined
      Object.assign(current, patch)
      return copy(current)
    },
    async applyStatus(id, status, at) {
      const current = sessions.get(id)
      if (!current) return undefined
      const next = mergeStatus(current.status, status)
      const changed = next !== current.status
      if (changed) Object.assign(current, { status: next, updatedAt: at })
      return { session: { ...current }, changed }
    },
    async hasEvent(provider, eventId) {
      return events.has(eventKey(provider, eventId))
    },
    async recordEvent(event) {
      const key = eventKey(event.provider, event.eventId)
      if (events.has(key)) return false
      events.set(key, { ...event })
      return true
    },
    async close() {},
  }
}
