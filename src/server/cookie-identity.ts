import type { Identity } from './types'
import { cookieValues } from './util/cookies'
import { fromBase64Url, hmacSha256, randomToken, toBase64Url, verifyHmacSha256 } from './util/crypto'

export interface CookieIdentityOptions {
  /**
   * HMAC key(s) for the cookie, at least 32 bytes each, kept on the server. A list rotates keys: the
   * first signs new cookies, every one is accepted. Generate one with `openssl rand -hex 32`.
   */
  secret: string | readonly string[]
  /** Default `vw_uid`; over HTTPS the cookie is `__Host-<name>` (no subdomain can set it). */
  name?: string
  /** Force `Secure` and the `__Host-` name on or off (default: when the request is https). */
  secure?: boolean
  /** How long a cookie is honoured after it was issued, default 30 days. */
  maxAgeSeconds?: number
}

export interface CookieIdentity {
  /** The user a request's signed cookie names, or null when absent, forged, expired or sent twice. */
  identify(request: Request | { url?: string; headers: Headers }): Promise<Identity | null>
  /** An existing identity, or a new one with the Set-Cookie header to send. */
  ensure(cookieHeader: string | undefined, https: boolean): Promise<{ identity: Identity; setCookie?: string }>
}

const MIN_SECRET_BYTES = 32
const ID = /^[A-Za-z0-9_-]{16,64}$/
const encoder = new TextEncoder()

/**
 * A demo identity: each browser becomes its own anonymous user through a signed, HttpOnly,
 * SameSite=Lax cookie carrying its issue time. Good for demos, tests and the hosted page; a real
 * app plugs its own sign-in into `identify`.
 */
export function createCookieIdentity(options: CookieIdentityOptions): CookieIdentity {
  const secrets = [options.secret].flat()
  if (secrets.length === 0) throw new TypeError('createCookieIdentity needs a secret.')
  for (const secret of secrets) {
    if (typeof secret !== 'string' || encoder.encode(secret).length < MIN_SECRET_BYTES) {
      throw new TypeError(
        `createCookieIdentity: each secret must be at least ${MIN_SECRET_BYTES} bytes. Generate one with \`openssl rand -hex 32\`.`,
      )
    }
  }
  const baseName = options.name ?? 'vw_uid'
  const maxAge = options.maxAgeSeconds ?? 60 * 60 * 24 * 30
  const secure = (https: boolean) => options.secure ?? https
  const cookieName = (https: boolean) => (secure(https) ? `__Host-${baseName}` : baseName)
  const sign = async (payload: string) => toBase64Url(await hmacSha256(secrets[0]!, payload))

  async function parse(values: string[]): Promise<Identity | null> {
    // Two cookies of our name: one was planted (another path, a sibling domain). Trust neither.
    if (values.length !== 1) return null
    const [id, issued, mac] = values[0]!.split('.')
    if (!id || !issued || !mac || !ID.test(id) || !/^[0-9a-z]{1,12}$/.test(issued)) return null
    const age = Date.now() / 1000 - Number.parseInt(issued, 36)
    if (!(age >= -60 && age <= maxAge)) return null
    const given = fromBase64Url(mac)
    if (!given) return null
    for (const secret of secrets) if (await verifyHmacSha256(secret, `${id}.${issued}`, given)) return { id, anonymous: true }
    return null
  }

  return {
    identify(request) {
      const https = request.url?.startsWith('https:') ?? false
      return parse(cookieValues(request.headers.get('cookie'), cookieName(https)))
    },
    async ensure(cookieHeader, https) {
      const name = cookieName(https)
      const existing = await parse(cookieValues(cookieHeader, name))
      if (existing) return { identity: existing }
      const id = randomToken(16)
      const issued = Math.floor(Date.now() / 1000).toString(36)
      const attributes = [
        `${name}=${id}.${issued}.${await sign(`${id}.${issued}`)}`,
        'Path=/',
        'HttpOnly',
        'SameSite=Lax',
        `Max-Age=${maxAge}`,
      ]
      if (secure(https)) attributes.push('Secure')
      return { identity: { id, anonymous: true }, setCookie: attributes.join('; ') }
    },
  }
}
