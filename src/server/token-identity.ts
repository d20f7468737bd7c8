import { errors, type JWTPayload, jwtVerify } from 'jose'
import { HttpError } from './errors'
import type { Identity } from './types'

export interface TokenIdentityOptions {
  /**
   * The HS256 key your backend signs identity tokens with, at least 32 bytes, kept on servers only.
   * Generate one with `openssl rand -hex 32`.
   */
  secret?: string | Uint8Array
  /**
   * Several keys while one rotates: every one is accepted (sign with the new one, drop the old one
   * once the longest-lived token signed with it has expired, `maxAgeSeconds` later).
   */
  secrets?: readonly (string | Uint8Array)[]
  /** What `aud` must name (or include): this service, e.g. `https://verify.shop.example`. */
  audience: string
  /** What `iss` must be, when set. */
  issuer?: string
  /**
   * The longest life a token may have: `exp - iat` at most this, and no token is honoured once
   * `iat` is older (a token replayed later is refused whatever its `exp`). Default 300, at most 3600.
   */
  maxAgeSeconds?: number
  /** Clocks drift: `exp`, `nbf` and `iat` are checked with this slack, default 30 s. */
  clockToleranceSeconds?: number
}

/** The claims of a token that passed every check. */
export interface TokenClaims {
  /** The user's id in your app: what outcomes name as `userId`. */
  sub: string
  /** The audience it was made for (this service's). */
  aud: string | string[]
  /** Issued at (seconds since the epoch). */
  iat: number
  /** Expires at (seconds since the epoch). */
  exp: number
  /** Who issued it, when the token says. */
  iss?: string
}

/** What `createTokenIdentity` makes: an `identify` for the handler, and the check of one token. */
export interface TokenIdentity {
  /**
   * For `createVerificationHandler({ identify })`: the user named by the `Authorization: Bearer`
   * token. Throws an `HttpError` 401 (`token_missing`, `token_expired`, …) for anything else.
   */
  identify(request: Request): Promise<Identity>
  /** Checks one token (without the `Bearer ` prefix); throws the same 401 errors. */
  verify(token: string): Promise<TokenClaims>
}

export const MAX_TOKEN_AGE_SECONDS = 3600
const DEFAULT_MAX_AGE_SECONDS = 300
const MIN_SECRET_BYTES = 32
/** A header longer than this is not one of ours; nothing of it is parsed. */
const MAX_HEADER_CHARS = 4096
const MAX_SUBJECT_CHARS = 200
const encoder = new TextEncoder()

/** A 401 with RFC 6750's challenge, so a client library can tell a missing token from a bad one. */
function unauthorized(code: string, message: string): HttpError {
  const challenge = code === 'token_missing' ? 'Bearer realm="verify-widget"' : 'Bearer realm="verify-widget", error="invalid_token"'
  return new HttpError(401, 'authentication_error', code, message, { 'WWW-Authenticate': challenge })
}

/** jose's failures, each as the code and message an integrator can act on. */
function fromJoseError(error: unknown, maxAge: number): HttpError {
  if (error instanceof errors.JWTExpired) {
    return error.claim === 'iat'
      ? unauthorized('token_expired', `The identity token was issued more than ${maxAge} s ago: ask your backend for a new one.`)
      : unauthorized('token_expired', 'The identity token has expired: ask your backend for a new one.')
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return unauthorized(
      'token_algorithm_not_allowed',
      'Identity tokens must be signed with HS256 (alg "none" and other algorithms are refused).',
    )
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return unauthorized('token_signature_invalid', 'The identity token is not signed with the shared secret.')
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return unauthorized('token_claim_missing', `The identity token has no "${error.claim}" claim.`)
    if (error.claim === 'aud') return unauthorized('token_audience_invalid', 'The identity token is meant for another audience ("aud").')
    if (error.claim === 'iss') return unauthorized('token_issuer_invalid', 'The identity token has another issuer ("iss").')
    if (error.claim === 'nbf' || error.claim === 'iat')
      return unauthorized('token_not_yet_valid', 'The identity token is not valid yet: check the clocks of your backend and this service.')
    return unauthorized('token_claim_invalid', `The identity token's "${error.claim}" claim is not valid.`)
  }
  return unauthorized('token_malformed', 'The identity token is not a JWT (header.payload.signature).')
}

const keyOf = (secret: string | Uint8Array): Uint8Array => (typeof secret === 'string' ? encoder.encode(secret) : secret)

/**
 * Identity for a backend that is not this one (Django, Rails, Go…): the app's own backend vouches
 * for its signed-in user with a short-lived HS256 JWT (`sub` = the user's id, `aud`, `iat`, `exp`),
 * which the page sends as `Authorization: Bearer <token>`. Verified with `jose` on Web Crypto, so it
 * runs wherever the handler does. Tokens are never read from a URL (they would reach access logs).
 */
export function createTokenIdentity(options: TokenIdentityOptions): TokenIdentity {
  const given = [...(options.secrets ?? []), ...(options.secret === undefined ? [] : [options.secret])]
  if (given.length === 0)
    throw new TypeError('createTokenIdentity needs secret (or secrets, to rotate): the HS256 key your backend signs with.')
  const keys = given.map((secret, i) => {
    if ((typeof secret !== 'string' && !(secret instanceof Uint8Array)) || keyOf(secret).length < MIN_SECRET_BYTES)
      throw new TypeError(
        `createTokenIdentity: ${options.secrets ? `secrets[${i}]` : 'secret'} must be at least ${MIN_SECRET_BYTES} bytes. Generate one with \`openssl rand -hex 32\`.`,
      )
    return keyOf(secret)
  })
  if (typeof options.audience !== 'string' || options.audience === '')
    throw new TypeError('createTokenIdentity needs audience: what the tokens\' "aud" names, e.g. "https://verify.shop.example".')
  if (options.issuer !== undefined && (typeof options.issuer !== 'string' || options.issuer === ''))
    throw new TypeError('createTokenIdentity: issuer must be a non-empty string when set.')
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS
  if (!Number.isInteger(maxAge) || maxAge < 1 || maxAge > MAX_TOKEN_AGE_SECONDS)
    throw new TypeError(
      `createTokenIdentity: maxAgeSeconds must be a whole number from 1 to ${MAX_TOKEN_AGE_SECONDS}; got ${String(maxAge)}.`,
    )
  const tolerance = options.clockToleranceSeconds ?? 30
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 300)
    throw new TypeError(`createTokenIdentity: clockToleranceSeconds must be from 0 to 300; got ${String(tolerance)}.`)
  const verifyOptions = {
    algorithms: ['HS256'],
    audience: options.audience,
    ...(options.issuer ? { issuer: options.issuer } : {}),
    requiredClaims: ['sub', 'exp', 'iat'],
    maxTokenAge: maxAge,
    clockTolerance: tolerance,
  }

  async function verifyWithAnyKey(token: string): Promise<JWTPayload> {
    let failure: unknown
    for (const key of keys) {
      try {
        return (await jwtVerify(token, key, verifyOptions)).payload
      } catch (error) {
        // Only a signature that does not match this key tries the next; a claim failure is final.
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) throw fromJoseError(error, maxAge)
        failure = error
      }
    }
    throw fromJoseError(failure, maxAge)
  }

  async function verify(token: string): Promise<TokenClaims> {
    const payload = await verifyWithAnyKey(token)
    const { sub, exp, iat } = payload as { sub: unknown; exp: number; iat: number }
    if (typeof sub !== 'string' || sub === '' || sub.length > MAX_SUBJECT_CHARS)
      throw unauthorized('token_claim_invalid', `The identity token's "sub" must be your user's id, 1 to ${MAX_SUBJECT_CHARS} characters.`)
    // An hour-long token signed by mistake is refused, not honoured for an hour.
    if (exp - iat > maxAge)
      throw unauthorized(
        'token_lifetime_too_long',
        `The identity token lives ${exp - iat} s; this service accepts at most ${maxAge} s (exp - iat).`,
      )
    return { sub, aud: payload.aud as string | string[], iat, exp, ...(payload.iss ? { iss: payload.iss } : {}) }
  }

  return {
    verify,
    async identify(request) {
      const header = request.headers.get('authorization')
      if (header === null || header.trim() === '')
        throw unauthorized('token_missing', 'Send your backend\'s identity token as "Authorization: Bearer <token>".')
      if (header.length > MAX_HEADER_CHARS) throw unauthorized('token_malformed', 'The Authorization header is too long.')
      const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i.exec(header.trim())
      if (!match) throw unauthorized('token_malformed', 'The Authorization header must be "Bearer <JWT>".')
      return { id: (await verify(match[1]!)).sub }
    },
  }
}
