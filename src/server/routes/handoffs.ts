import { badRequest } from '../errors'
import { toSnapshot, toVerificationSession } from '../service/views'
import { json, readJsonObject } from '../util/http'
import type { RouteContext } from './context'

const optionalString = (body: Record<string, unknown>, key: string): string | undefined => {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '')
    throw badRequest(`invalid_${key === 'sessionId' ? 'session' : key}`, `${key} must be a non-empty string.`)
  return value
}

/**
 * `POST /handoffs` `{provider} | {sessionId}`: a "continue on your phone" link for the caller's
 * session (a new one waiting for the phone when there is none; no provider is asked for it).
 */
export async function createHandoff({ request, user, handoff, options, address }: RouteContext): Promise<Response> {
  const body = await readJsonObject(request, options.maxBodyBytes)
  const sessionId = optionalString(body, 'sessionId')
  const provider = optionalString(body, 'provider')
  if (!sessionId && !provider) throw badRequest('invalid_provider', 'Send the provider, or the sessionId of a session of yours.')
  const link = await handoff.link(
    user,
    { ...(provider ? { provider } : {}), ...(sessionId ? { sessionId } : {}) },
    address,
    new URL(request.url).origin,
  )
  return json({ session: toSnapshot(link.session), handoff: { url: link.url, expiresAt: link.expiresAt } }, 201)
}

/** `POST /handoffs/claim` `{token}`: the phone opens the link; the first device wins. */
export async function claimHandoff({ request, handoff, options, address }: RouteContext): Promise<Response> {
  const body = await readJsonObject(request, options.maxBodyBytes)
  const { session, setCookie } = await handoff.claim(body.token, address, request.url.startsWith('https:'))
  const response = json(toVerificationSession(session))
  response.headers.append('Set-Cookie', setCookie)
  return response
}
