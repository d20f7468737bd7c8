import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Faults } from './faults'
import { parseJson, readBody, sendError, sendJson, sendReadFailure } from './http'
import { type SandboxSession, type SandboxState, token } from './state'

function expectedSignature(secretKey: string, req: IncomingMessage, url: URL, body: string): string {
  const payload = [
    req.method ?? '',
    url.pathname,
    url.searchParams.toString(),
    req.headers['x-auth-client'] ?? '',
    req.headers['content-type'] ?? '',
    body,
  ]
  return createHmac('sha256', secretKey).update(payload.join('\n')).digest('hex')
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** FaceVerify's `POST /faceverify/api/v1/session`: x-auth-client + the documented HMAC; one link per uniqueIdentifier. */
export function createFaceVerifyApi(state: SandboxState, faults: Faults) {
  async function create(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = await readBody(req)
    if (faults.apply('faceverify', res)) return
    const { apiKey, secretKey } = state.options.faceverify ?? {}
    const client = req.headers['x-auth-client']
    const signature = String(req.headers['x-hmac-signature'] ?? '').toLowerCase()
    if (!apiKey || !secretKey || client !== apiKey || !sameHex(signature, expectedSignature(secretKey, req, url, body))) {
      sendError(res, 401, 'authentication_error', 'Invalid client or signature.')
      return
    }
    const input = parseJson(body)
    if (!input) {
      sendError(res, 400, 'invalid_request_error', 'Body must be a JSON object.')
      return
    }
    const uniqueIdentifier = typeof input.uniqueIdentifier === 'string' ? input.uniqueIdentifier : undefined
    const existing = uniqueIdentifier
      ? [...state.sessions.values()].find((s) => s.provider === 'faceverify' && s.uniqueIdentifier === uniqueIdentifier)
      : undefined
    const session: SandboxSession = existing ?? {
      provider: 'faceverify',
      id: `fv_${token(12)}`,
      status: 'created',
      token: token(16),
      apiKey,
      createdAt: Date.now(),
      ...(uniqueIdentifier ? { uniqueIdentifier } : {}),
    }
    state.add(session)
    sendJson(res, 200, { sessionId: session.id, url: state.faceverifyLink(session) })
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
      if (url.pathname !== '/faceverify/api/v1/session') return false
      if (req.method !== 'POST') sendError(res, 405, 'invalid_request_error', 'Use POST.')
      else create(req, res, url).catch((error: unknown) => sendReadFailure(res, error))
      return true
    },
  }
}
