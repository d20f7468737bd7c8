import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Identity } from './types'

export interface CookieIdentityOptions {
  /** HMAC key for the cookie value; keep it on the server. */
  secret: string
  /** Default `vw_uid`. */
  name?: string
  /** Set `Secure` (default: when the request is https). */
  secure?: boolean
  maxAgeSeconds?: number
}

export interface CookieIdentity {
  /** The user a request's signed cookie names, or null when absent or forged. */
  identify(request: Request | { headers: Headers }): Identity | null
  /** An existing identity, or a new one with the Set-Cookie header to send. */
  ensure(cookieHeader: string | undefined, https: boolean): { identity: Identity; setCookie?: string }
}

function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

/**
 * A demo identity: each browser becomes its own user through an HMAC-signed, HttpOnly,
 * SameSite=Lax cookie. Good for demos and tests; a real app plugs its own auth into `identify`.
 */
export function createCookieIdentity(options: CookieIdentityOptions): CookieIdentity {
  const name = options.name ?? 'vw_uid'
  const sign = (id: string) => createHmac('sha256', options.secret).update(id).digest('base64url')
  const parse = (value: string | undefined): Identity | null => {
    const [id, mac] = (value ?? '').split('.')
    if (!id || !mac || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return null
    const expected = Buffer.from(sign(id))
    const given = Buffer.from(mac)
    return expected.length === given.length && timingSafeEqual(expected, given) ? { id } : null
  }
  return {
    identify(request) {
      return parse(readCookie(request.headers.get('cookie'), name))
    },
    ensure(cookieHeader, https) {
      const existing = parse(readCookie(cookieHeader, name))
      if (existing) return { identity: existing }
      const id = randomBytes(16).toString('base64url')
      const attributes = [
        `${name}=${id}.${sign(id)}`,
        'Path=/',
        'HttpOnly',
        'SameSite=Lax',
        `Max-Age=${options.maxAgeSeconds ?? 60 * 60 * 24 * 30}`,
      ]
      if (options.secure ?? https) attributes.push('Secure')
      return { identity: { id }, setCookie: attributes.join('; ') }
    },
  }
}
