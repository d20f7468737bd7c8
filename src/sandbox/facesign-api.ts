import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Faults } from './faults'
import { sendError, sendJson } from './http'
import { isFinished, type SandboxSession, type SandboxState, token } from './state'

const RATE_LIMIT_BODY = { error: { type: 'rate_limit_error', message: 'Too many requests. Please retry after 60 seconds.' } }

export interface FaceSignApi {
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean
}

/** The FaceSign REST API under `/facesign/v1`: Bearer test keys, the 100/min limit, sessions and refresh. */
export function createFaceSignApi(state: SandboxState, faults: Faults): FaceSignApi {
  const windows = new Map<string, { start: number; count: number }>()
  const limit = state.options.facesign?.rateLimitPerMinute ?? 100

  function authorize(req: IncomingMessage, res: ServerResponse): string | undefined {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')
    const key = match?.[1]
    const accepted = state.options.facesign?.apiKeys
    if (!key?.startsWith('sk_test_') || (accepted && !accepted.includes(key))) {
      sendError(res, 401, 'authentication_error', 'Invalid API key provided.')
      return undefined
    }
    const now = Date.now()
    const window = windows.get(key)
    if (!window || now - window.start >= 60_000) windows.set(key, { start: now, count: 1 })
    else if (++window.count > limit) {
      const seconds = Math.ceil((window.start + 60_000 - now) / 1000)
      sendJson(res, 429, RATE_LIMIT_BODY, { 'Retry-After': String(seconds) })
      return undefined
    }
    return key
  }

  function body(session: SandboxSession): Record<string, unknown> {
    const expireAt = new Date(session.secretExpiresAt ?? Date.now()).toISOString()
    const core = {
      id: session.id,
      createdAt: Math.floor(session.createdAt / 1000),
      status: session.status,
      livemode: false,
      ...(session.isVerified === undefined ? {} : { report: { isVerified: session.isVerified } }),
    }
    if (state.options.facesign?.shape === 'wrapped') {
      return { session: core, clientSecret: { secret: session.clientSecret, url: state.facesignFlowUrl(session), expireAt } }
    }
    return { ...core, clientSecret: session.clientSecret, expiresAt: expireAt }
  }

  function create(req: IncomingMessage, res: ServerResponse, key: string): void {
    const idempotencyKey = req.headers['idempotency-key']
    const scoped = typeof idempotencyKey === 'string' ? `${key}:${idempotencyKey}` : undefined
    const existing = scoped ? state.sessions.get(state.idempotency.get(scoped) ?? '') : undefined
    if (existing) {
      sendJson(res, 201, body(existing))
      return
    }
    const session: SandboxSession = {
      provider: 'facesign',
      id: `vs_${token(12)}`,
      status: 'requiresInput',
      apiKey: key,
      createdAt: Date.now(),
    }
    state.newSecret(session)
    state.add(session, scoped)
    sendJson(res, 201, body(session))
  }

  return {
    handle(req, res, path) {
      if (!path.startsWith('/facesign/v1/')) return false
      // Drain the (small) request body; the sandbox needs none of it.
      req.resume()
      if (faults.apply('facesign', res)) return true
      const key = authorize(req, res)
      if (!key) return true
      const rest = path.slice('/facesign/v1'.length)
      const match = /^\/sessions\/([^/]+)(\/refresh)?$/.exec(rest)
      if (rest === '/sessions' && req.method === 'POST') create(req, res, key)
      else if (match && req.method === 'GET') {
        const session = state.sessions.get(decodeURIComponent(match[1] ?? ''))
        if (session?.provider !== 'facesign' || session.apiKey !== key) {
          sendError(res, 404, 'not_found_error', 'No such session.')
        } else if (match[2]) {
          if (isFinished(session)) sendError(res, 400, 'invalid_request_error', 'The session is already finished.')
          else {
            state.newSecret(session)
            const expireAt = new Date(session.secretExpiresAt ?? 0).toISOString()
            sendJson(res, 200, { clientSecret: { secret: session.clientSecret, url: state.facesignFlowUrl(session), expireAt } })
          }
        } else sendJson(res, 200, body(session))
      } else sendError(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method} ${rest}).`)
      return true
    },
  }
}
