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

export interface MockSession {
  readonly id: string
  snapshot(): SessionSnapshot
  toVerificationSession(): VerificationSession
  cancel(): void
}

let counter = 0

/**
 * One session whose status is a function of elapsed time, so that every request (GET, SSE,
 * refresh) agrees on it without a timer to clean up when the story unmounts.
 */
export function createMockSession(options: MockSessionOptions): MockSession {
  counter += 1
  const id = options.id ?? `vs_story_${counter}`
  const createdAt = Date.now()
  const expiresAt = new Date(createdAt + 15 * 60_000).toISOString()
  let override: SessionStatus | undefined
  let lastStatus: SessionStatus | undefined
  let updatedAt = new Date(createdAt).toISOString()

  function status(): SessionStatus {
    if (override) return override
    const step = Math.min(Math.floor((Date.now() - createdAt) / options.stepMs), options.timeline.length - 1)
    return options.timeline[step] ?? 'requires_input'
  }

  function snapshot(): SessionSnapshot {
    const current = status()
    if (current !== lastStatus) {
      lastStatus = current
      updatedAt = new Date().toISOString()
    }
    return { sessionId: id, provider: options.provider, status: current, livemode: options.livemode, updatedAt, expiresAt }
  }

  return {
    id,
    snapshot,
    toVerificationSession() {
      const { sessionId, provider, status, livemode } = snapshot()
      const url = `${options.flowUrl}?session=${encodeURIComponent(id)}`
      const secret = provider === 'facesign' ? { clientSecret: `${id}_secret_story` } : {}
      return { sessionId, provider, status, livemode, url, expiresAt, ...secret }
    },
    cancel() {
      if (!isTerminal(status())) override = 'canceled'
    },
  }
}
