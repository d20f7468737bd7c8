import type { IncomingMessage, ServerResponse } from 'node:http'
import { mapFaceSignStatus } from '../server/providers/status-map'
import { FLOW_CSS, FLOW_JS } from './assets'
import { parseJson, readBody, sendError, sendJson, sendReadFailure } from './http'
import { flowPage } from './pages'
import { isFinished, type SandboxSession, type SandboxState } from './state'
import type { FlowOutcome } from './types'

const OUTCOMES = new Set(['pass', 'fail', 'cancel'])

/**
 * The session's status in the widget's model (for the flow page): FaceSign's vocabulary through the
 * backend's own mapping; FaceVerify's differs only in `started` (`created` is shared, the rest match).
 */
function modelStatus(s: SandboxSession): string {
  return mapFaceSignStatus(s.status, s.isVerified) ?? (s.status === 'started' ? 'in_progress' : s.status)
}

function pageHeaders(frameAncestors: readonly string[]): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self'",
    `frame-ancestors 'self' ${frameAncestors.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(self), microphone=()',
  }
}

/** `http://localhost:*` style patterns (a `*` port) or exact origins. */
function originMatches(origin: string, pattern: string): boolean {
  if (!pattern.endsWith(':*')) return origin === pattern
  const prefix = pattern.slice(0, -1)
  return origin === pattern.slice(0, -2) || (origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length)))
}

/**
 * A `return_url` only to one of the app origins the sandbox was configured with: the flow page
 * must not send people to any address a link names (an open redirect).
 */
export function allowedReturnUrl(value: string | null, appOrigins: readonly string[]): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  return appOrigins.some((pattern) => originMatches(url.origin, pattern)) ? url.href : undefined
}

/** The hosted flow pages of both providers, their script and styles, and the outcome endpoints they call. */
export function createFlowRoutes(state: SandboxState) {
  // Read per page: handlerOptions() may add the app's origin after the sandbox started.
  const ancestors = () => state.options.frameAncestors ?? ['http://localhost:*', 'http://127.0.0.1:*']

  function secretState(session: SandboxSession | undefined, secret: string): 'active' | 'expired' | 'finished' | 'invalid' {
    if (!session) return 'invalid'
    if (isFinished(session)) return 'finished'
    if (session.clientSecret !== secret || (session.secretExpiresAt ?? 0) < Date.now()) return 'expired'
    return 'active'
  }

  function faceSignSession(secret: string): SandboxSession | undefined {
    const id = secret.split('_secret_')[0] ?? ''
    const session = state.sessions.get(id)
    return session?.provider === 'facesign' ? session : undefined
  }

  /**
   * The page's `started` and outcome events. `find` picks the session from the parsed body (FaceSign
   * sends its client secret there) and says whether the link still works.
   */
  async function onEvent(req: IncomingMessage, res: ServerResponse, find: (input: Record<string, unknown>) => SandboxSession | undefined) {
    try {
      const input = parseJson(await readBody(req)) ?? {}
      const session = find(input)
      if (!session) return sendError(res, 403, 'invalid_request_error', 'This verification link is not valid any more.')
      const event = input.event
      // A late click after the outcome is harmless: it reports the status the session already has.
      if (event === 'started') state.start(session)
      else if (typeof event === 'string' && OUTCOMES.has(event)) state.complete(session, event as FlowOutcome)
      else return sendError(res, 400, 'invalid_request_error', 'Unknown event.')
      const redirect = session.provider === 'faceverify' ? returnUrl(session) : undefined
      sendJson(res, 200, { status: modelStatus(session), ...(redirect ? { redirect } : {}) })
    } catch (error) {
      sendReadFailure(res, error)
    }
  }

  function faceSignFromBody(input: Record<string, unknown>): SandboxSession | undefined {
    const secret = typeof input.client_secret === 'string' ? input.client_secret : ''
    const session = faceSignSession(secret)
    if (!session) return undefined
    const pageState = secretState(session, secret)
    return pageState === 'active' || (pageState === 'finished' && session.clientSecret === secret) ? session : undefined
  }

  function returnUrl(session: SandboxSession): string | undefined {
    const configured = state.options.faceverify?.returnUrl
    if (!configured) return undefined
    const url = new URL(configured)
    // Lets the page resume tracking even when sessionStorage is gone (a popup, another tab).
    if (session.uniqueIdentifier) url.searchParams.set('session', session.uniqueIdentifier)
    return url.toString()
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
      const path = url.pathname
      if (path === '/sandbox/flow.js' || path === '/sandbox/flow.css') {
        const js = path.endsWith('.js')
        res.writeHead(200, {
          'Content-Type': js ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        })
        res.end(js ? FLOW_JS : FLOW_CSS)
        return true
      }
      if (path === '/facesign/flow' && req.method === 'GET') {
        const secret = url.searchParams.get('client_secret') ?? ''
        const pageState = secretState(faceSignSession(secret), secret)
        const redirect = allowedReturnUrl(url.searchParams.get('return_url'), ancestors())
        res.writeHead(200, pageHeaders(ancestors()))
        res.end(
          flowPage({ provider: 'facesign', state: pageState, eventUrl: '/facesign/flow/event', secret, ...(redirect ? { redirect } : {}) }),
        )
        return true
      }
      if (path === '/facesign/flow/event' && req.method === 'POST') {
        void onEvent(req, res, faceSignFromBody)
        return true
      }
      const link = /^\/faceverify\/s\/([0-9a-f]{32})(\/event)?$/.exec(path)
      if (link) {
        const session = [...state.sessions.values()].find((s) => s.provider === 'faceverify' && s.token === link[1])
        if (link[2] && req.method === 'POST') {
          void onEvent(req, res, () => session)
          return true
        }
        const pageState = !session ? 'invalid' : isFinished(session) ? 'finished' : 'active'
        res.writeHead(session ? 200 : 404, pageHeaders(ancestors()))
        res.end(flowPage({ provider: 'faceverify', state: pageState, eventUrl: `/faceverify/s/${link[1]}/event` }))
        return true
      }
      return false
    },
  }
}
