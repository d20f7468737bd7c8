// Rows and transitions as the session service builds them, for the store contract, the store tests
// and the benchmarks (no test runner imported here).
import type { SessionStatus } from '../../src/core/types'
import type { StatusTransition, StoredSession } from '../../src/server'

const T0 = Date.parse('2026-01-01T00:00:00.000Z')
const at = (ms: number) => new Date(T0 + ms).toISOString()

export const storedSession = (id: string, overrides: Partial<StoredSession> = {}): StoredSession => ({
  id,
  userId: 'u1',
  provider: 'facesign',
  providerSessionId: `vs_${id}`,
  status: 'requires_input',
  clientSecret: `vs_${id}_secret_x`,
  url: 'https://verify.facesign.ai/?client_secret=x',
  livemode: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
})

/** A transition as the session service builds it (the store only keeps what it is given). */
export const transition = (
  session: Pick<StoredSession, 'id' | 'userId'>,
  from: SessionStatus,
  to: SessionStatus,
  when = at(1000),
): StatusTransition => {
  const terminal = ['verified', 'failed', 'canceled', 'expired'].includes(to)
  const change = {
    eventId: `${session.id}.${to}`,
    userId: session.userId,
    session: { sessionId: session.id, provider: 'facesign' as const, status: to, livemode: false, updatedAt: when },
    previousStatus: from,
    status: to,
    at: when,
  }
  return { sessionId: session.id, from, to, at: when, clearSecrets: terminal, outbox: { id: change.eventId, change } }
}
