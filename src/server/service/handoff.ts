import { isTerminal } from '../../core/status'
import { badRequest, HttpError } from '../errors'
import type { ResolvedOptions } from '../options'
import type { Identity, SessionStore, StoredSession } from '../types'
import { cookieName, cookieValues, setCookie } from '../util/cookies'
import { randomToken, sha256Hex } from '../util/crypto'
import type { Limits } from './limits'
import type { SessionService } from './sessions'

/** The device cookie: which session a phone that opened a link may follow and finish. */
const DEVICE_COOKIE = 'vw_device'
/** 32 random bytes, base64url: what a link's token and a device's cookie look like. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/

const iso = (ms = Date.now()) => new Date(ms).toISOString()
const finished = (status: string) =>
  new HttpError(410, 'invalid_request_error', 'session_finished', `This verification is already ${status}.`)

/**
 * "Continue on your phone": a link that hands one session to a second device. The link carries a
 * random token in its #fragment (never sent to a server, never in a Referer), which the hosted page
 * exchanges at once; the store keeps only its hash. It opens once, for a short while, and only that
 * session: the device that opens it first gets a flow of its own for it and a cookie that lets it
 * follow and finish that session, nothing else of the user's.
 */
export function createHandoffService(deps: { store: SessionStore; service: SessionService; limits: Limits; options: ResolvedOptions }) {
  const { store, service, limits, options } = deps
  const settings = () => {
    if (!options.handoff)
      throw new HttpError(404, 'not_found_error', 'handoff_not_configured', 'Continuing on another device is turned off here.')
    return options.handoff
  }

  return {
    /**
     * A new link for the user's session: the one named, else their open session for `provider`, else a
     * new one that waits for the phone (no provider call). A new link replaces the previous one.
     */
    async link(user: Identity, input: { provider?: string; sessionId?: string }, address: string | undefined, pageOrigin: string) {
      const { pageUrl, ttlMs, deviceTtlMs } = settings()
      const session = input.sessionId
        ? await service.own(user, input.sessionId)
        : await service.openOrDeferred(user, input.provider ?? '', address)
      if (isTerminal(session.status)) throw badRequest('session_finished', `This session is already ${session.status}; start a new one.`)
      await limits.handoff(user, session.id)
      const token = randomToken(32)
      const now = Date.now()
      const expiresAt = iso(now + ttlMs)
      const made = await store.createHandoff({
        tokenHash: await sha256Hex(token),
        sessionId: session.id,
        createdAt: iso(now),
        expiresAt,
        deviceUntil: iso(now + ttlMs + deviceTtlMs),
      })
      if (!made) throw badRequest('session_finished', 'This session has ended; start a new one.')
      const current = (await store.get(session.id)) ?? { ...session, handoff: 'waiting' as const }
      service.publish(current)
      const page = new URL(pageUrl ?? `${options.publicOrigins?.[0] ?? pageOrigin}/`)
      page.hash = `handoff=${token}`
      return { session: current, url: page.toString(), expiresAt }
    },

    /**
     * The phone opens a link: the first device wins. Answers the session with the phone's own flow,
     * and the cookie that binds the device to it.
     */
    async claim(token: unknown, address: string | undefined, https: boolean): Promise<{ session: StoredSession; setCookie: string }> {
      const { deviceTtlMs } = settings()
      await limits.claim(address)
      // Not a token we could have made: not worth a look in the store.
      if (typeof token !== 'string' || !TOKEN.test(token)) throw missing()
      const device = randomToken(32)
      const claimed = await store.claimHandoff(await sha256Hex(token), await sha256Hex(device), iso())
      if (claimed.result === 'missing') throw missing()
      if (claimed.result === 'taken')
        throw new HttpError(409, 'invalid_request_error', 'handoff_taken', 'This link was already opened on another device.')
      if (claimed.result === 'expired')
        throw new HttpError(410, 'invalid_request_error', 'handoff_expired', 'This link has expired. Make a new one on your computer.')
      const session = await store.get(claimed.sessionId)
      if (!session) throw missing()
      if (isTerminal(session.status)) throw finished(session.status)
      const flow = await service.flowForDevice(session)
      service.publish(flow)
      return { session: flow, setCookie: setCookie(DEVICE_COOKIE, device, https, deviceTtlMs / 1000) }
    },

    /** Whether the request comes from the device a link bound to `sessionId`. */
    async isDeviceOf(request: Request, sessionId: string): Promise<boolean> {
      const values = cookieValues(request.headers.get('cookie'), cookieName(DEVICE_COOKIE, request.url.startsWith('https:')))
      const device = values.length === 1 ? values[0]! : ''
      if (!TOKEN.test(device)) return false
      return (await store.deviceSession(await sha256Hex(device), iso())) === sessionId
    },
  }
}

const missing = () => new HttpError(404, 'not_found_error', 'handoff_not_found', 'This link is not valid. Make a new one on your computer.')

export type HandoffService = ReturnType<typeof createHandoffService>
