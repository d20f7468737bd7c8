import { HttpError } from '../errors'
import { storeKeys } from '../keys'
import type { ResolvedOptions } from '../options'
import type { Identity, SessionStore, SlotClaim } from '../types'
import { randomToken } from '../util/crypto'

const MINUTE = 60_000

/**
 * The bucket a client address counts in: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber's whole prefix, where each /128 is free to take), an IPv4-mapped IPv6 address as
 * the IPv4 one. Undefined for anything that is not an address.
 */
export function addressBucket(address: string | undefined): string | undefined {
  if (!address) return undefined
  const bare = address
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare)
  if (mapped) return mapped[1]
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(bare)) return bare
  if (!/^[0-9a-f:.]+$/.test(bare) || !bare.includes(':')) return undefined
  const [head = '', tail = ''] = bare.split('::')
  const left = head ? head.split(':') : []
  const right = bare.includes('::') ? (tail ? tail.split(':') : []) : []
  const groups = bare.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left
  if (groups.length < 4) return undefined
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`
}

/**
 * The client's address: the integrator's own answer first, then (behind the integrator's own proxy)
 * the last X-Forwarded-For entry, which is what that proxy saw; else what the runtime passed (the
 * socket's peer, which behind a proxy is the proxy).
 */
export function clientAddressOf(request: Request, given: string | undefined, options: ResolvedOptions): string | undefined {
  const fromOption = options.clientAddress?.(request)
  if (fromOption) return fromOption
  if (options.trustProxy) {
    const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',').at(-1)?.trim()
    if (forwarded) return forwarded
  }
  return given
}

const limited = (code: string, message: string, retryAfterMs: number) =>
  new HttpError(429, 'rate_limit_error', code, message, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) })

/** A slot taken in the store; `release` gives it back (a refused or failed attempt counts for nothing). */
export interface Ticket {
  release(): Promise<void>
  /** Keeps the slots `ttlMs` longer; false when they already lapsed. */
  renew(ttlMs: number): Promise<boolean>
}

/**
 * The limits no user can turn against others, all kept in the store (they hold across instances)
 * and taken all at once (a refusal counts nothing):
 * - creations per user, per address (IPv6 per /64) and for the backend, anonymous users sharing half;
 * - new client secrets per session, per user and per address;
 * - open status streams per user, per address and for the backend.
 */
export function createLimits(store: SessionStore, options: ResolvedOptions) {
  const l = options.limits
  async function take(claims: SlotClaim[], code: string, message: string, holder = `t:${randomToken(12)}`): Promise<Ticket> {
    const { allowed, retryAfterMs } = await store.acquire(claims, holder)
    if (!allowed) throw limited(code, message, retryAfterMs)
    return { release: () => store.release(holder), renew: (ttlMs) => store.renew(holder, ttlMs) }
  }
  const perMinute = (key: string, limit: number): SlotClaim => ({ key, limit, ttlMs: MINUTE })

  return {
    create(user: Identity, address: string | undefined): Promise<Ticket> {
      const bucket = addressBucket(address)
      const claims = [perMinute(storeKeys.createUser(user.id), l.createPerUser), perMinute(storeKeys.createAll, l.createGlobal)]
      if (bucket) claims.push(perMinute(storeKeys.createAddress(bucket), l.createPerAddress))
      if (user.anonymous) claims.push(perMinute(storeKeys.createAnonymous, Math.max(1, Math.floor(l.createGlobal / 2))))
      return take(claims, 'too_many_sessions', 'Too many verification attempts. Try again later.')
    },
    refresh(user: Identity, sessionId: string, address: string | undefined): Promise<Ticket> {
      const bucket = addressBucket(address)
      const claims = [
        perMinute(storeKeys.refreshSession(sessionId), l.refreshPerSession),
        perMinute(storeKeys.refreshUser(user.id), l.refreshPerUser),
      ]
      if (bucket) claims.push(perMinute(storeKeys.refreshAddress(bucket), l.refreshPerAddress))
      return take(claims, 'too_many_refreshes', 'Too many new codes for this verification. Try again later.')
    },
    /** "Continue on your phone" links: per user and per session. */
    handoff(user: Identity, sessionId: string): Promise<Ticket> {
      const claims = [
        perMinute(storeKeys.handoffUser(user.id), l.handoffPerUser),
        perMinute(storeKeys.handoffSession(sessionId), l.handoffPerSession),
      ]
      return take(claims, 'too_many_handoffs', 'Too many new links for this verification. Try again later.')
    },
    /** Attempts to open a link, per address: tokens cannot be guessed, and nobody gets to try. */
    claim(address: string | undefined): Promise<Ticket> {
      const bucket = addressBucket(address)
      const claims = bucket ? [perMinute(storeKeys.claimAddress(bucket), l.claimPerAddress)] : []
      return take(claims, 'too_many_attempts', 'Too many attempts to open a verification link. Try again later.')
    },
    /** A stream's slots, held while it is open and renewed on each heartbeat (an instance that dies lets them lapse). */
    stream(user: Identity, address: string | undefined, holder: string, ttlMs: number): Promise<Ticket> {
      const bucket = addressBucket(address)
      const claims = [
        { key: storeKeys.streamUser(user.id), limit: l.streamsPerUser, ttlMs },
        { key: storeKeys.streamAll, limit: l.streamsGlobal, ttlMs },
      ]
      if (bucket) claims.push({ key: storeKeys.streamAddress(bucket), limit: l.streamsPerAddress, ttlMs })
      return take(claims, 'too_many_streams', 'Too many status streams are open. Close one or poll instead.', holder)
    },
  }
}

export type Limits = ReturnType<typeof createLimits>
