import { isTerminal } from '../../src/core/status'
import type { Provider, SessionSnapshot, SessionStatus, VerificationSession } from '../../src/core/types'

export interface MockSessionOptions {
  provider: Provider
  livemode: boolean
  /** Statuses the session moves through, one every `stepMs`, as webhooks would move it. The last one holds. */
  timeline: readonly SessionStatus[]
  stepMs: number
  flowUrl: string
  /** A fixed id, for a session that a story resumes by id. */
  id?: string
}

/** What the phone does with one "continue on your phone" link. */
export interface MockHandoffPlan {
  /** The phone opens the link this long after it was made; never when not given (or after the link expired). */
  openedAfterMs?: number
  /** Statuses the session moves through once the phone opened it, one every `stepMs`; the last one holds. */
  timeline?: readonly SessionStatus[]
  /** How long the link opens (the backend's `handoff.ttlMs`): 10 minutes unless given. */
  ttlMs?: number
}

export interface MockSession {
  readonly id: string
  snapshot(): SessionSnapshot
  toVerificationSession(): VerificationSession
  cancel(): void
  /** A new link to a phone, replacing the previous one: the session waits for it, then follows the phone. Returns when it expires. */
  handOff(plan: MockHandoffPlan): string
}

let counter = 0

/** The status `timeline` has reached `stepMs` steps after `from`: the last one holds. */
function statusAt(timeline: readonly SessionStatus[], from: number, stepMs: number): SessionStatus {
  const step = Math.min(Math.floor((Date.now() - from) / stepMs), timeline.length - 1)
  return timeline[Math.max(0, step)] ?? 'requires_input'
}

/**
 * One session whose status is a function of elapsed time, so that every request (GET, SSE,
 * refresh) agrees on it without a timer to clean up when the story unmounts. Once handed to a
 * phone it waits for the link to be opened, then follows the phone's timeline.
 */
export function createMockSession(options: MockSessionOptions): MockSession {
  counter += 1
  const id = options.id ?? `vs_story_${counter}`
  const createdAt = Date.now()
  const expiresAt = new Date(createdAt + 15 * 60_000).toISOString()
  let override: SessionStatus | undefined
  let lastStatus: string | undefined
  let updatedAt = new Date(createdAt).toISOString()
  let phone: { plan: MockHandoffPlan; openedAt: number; held: SessionStatus } | undefined

  function progress(): { status: SessionStatus; handoff?: 'waiting' | 'opened' } {
    if (!phone) return { status: override ?? statusAt(options.timeline, createdAt, options.stepMs) }
    if (Date.now() < phone.openedAt) return { status: override ?? phone.held, handoff: 'waiting' }
    return { status: override ?? statusAt(phone.plan.timeline ?? ['in_progress'], phone.openedAt, options.stepMs), handoff: 'opened' }
  }

  function snapshot(): SessionSnapshot {
    const { status, handoff } = progress()
    if (`${status} ${handoff}` !== lastStatus) {
      lastStatus = `${status} ${handoff}`
      updatedAt = new Date().toISOString()
    }
    return {
      sessionId: id,
      provider: options.provider,
      status,
      livemode: options.livemode,
      updatedAt,
      expiresAt,
      ...(handoff ? { handoff } : {}),
    }
  }

  return {
    id,
    snapshot,
    toVerificationSession() {
      const { sessionId, provider, status, livemode } = snapshot()
      const url = `${options.flowUrl}${options.flowUrl.includes('?') ? '&' : '?'}session=${encodeURIComponent(id)}`
      const secret = provider === 'facesign' ? { clientSecret: `${id}_secret_story` } : {}
      return { sessionId, provider, status, livemode, url, expiresAt, ...secret }
    },
    cancel() {
      if (!isTerminal(progress().status)) override = 'canceled'
    },
    handOff(plan) {
      const now = Date.now()
      const ttlMs = plan.ttlMs ?? 10 * 60_000
      const opens = plan.openedAfterMs !== undefined && plan.openedAfterMs < ttlMs
      phone = { plan, openedAt: opens ? now + plan.openedAfterMs! : Number.POSITIVE_INFINITY, held: progress().status }
      return new Date(now + ttlMs).toISOString()
    },
  }
}
