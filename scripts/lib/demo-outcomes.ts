import type { Identity, StatusChange, VerificationHandler } from '../../src/server'

/** What the demo's server side answers at /demo-api/…; the server half of the "members only" demo. */
export interface DemoOutcomes {
  /** The handler's onStatusChange: keeps the last changes per user for the demo's server log. */
  onStatusChange(change: StatusChange): Promise<void>
  /** Answers /demo-api/members and /demo-api/outcomes; undefined for any other path. */
  route(request: Request, handler: VerificationHandler): Promise<Response | undefined>
}

const KEEP_PER_USER = 20
const USERS_KEPT = 1000

const errorJson = (status: number, type: string, code: string, message: string) =>
  Response.json({ error: { type, code, message } }, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * The integrator's side of issue 12 as the demo shows it: a route gated on the server by
 * `latestSession(user).status === 'verified'` (403 before, whatever the page does), and a log of
 * the server-side onStatusChange calls. `holdHook` makes the hook never finish (the e2e suite kills
 * the process mid-delivery and expects the change again after the restart).
 */
export function createDemoOutcomes(options: {
  identify: (request: Request) => Identity | null | Promise<Identity | null>
  holdHook?: boolean
}): DemoOutcomes {
  const changes = new Map<string, (StatusChange & { deliveredAt: string })[]>()
  return {
    async onStatusChange(change) {
      if (options.holdHook) await new Promise<never>(() => {})
      const list = changes.get(change.userId) ?? []
      // At least once: a redelivery after a crash carries the same eventId and is shown once.
      if (list.some((c) => c.eventId === change.eventId)) return
      list.unshift({ ...change, deliveredAt: new Date().toISOString() })
      changes.delete(change.userId)
      changes.set(change.userId, list.slice(0, KEEP_PER_USER))
      if (changes.size > USERS_KEPT) changes.delete(changes.keys().next().value!)
    },
    async route(request, handler) {
      const { pathname } = new URL(request.url)
      if (pathname !== '/demo-api/members' && pathname !== '/demo-api/outcomes') return undefined
      if (request.method !== 'GET') return errorJson(405, 'invalid_request_error', 'method_not_allowed', 'Use GET for this route.')
      const user = await options.identify(request)
      if (!user) return errorJson(401, 'authentication_error', 'unauthenticated', 'No user: reload the page.')
      if (pathname === '/demo-api/outcomes') {
        return Response.json({ changes: changes.get(user.id) ?? [] }, { headers: { 'Cache-Control': 'no-store' } })
      }
      // The only check that counts: the store's latest session for this user, never the browser's word.
      const latest = await handler.latestSession(user.id)
      if (latest?.status !== 'verified') {
        return errorJson(403, 'authentication_error', 'verification_required', 'Verify your face to open the members area.')
      }
      return Response.json(
        {
          verifiedAt: latest.updatedAt,
          sessionId: latest.sessionId,
          message: 'Welcome to the members area: this text came from the server.',
        },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    },
  }
}
