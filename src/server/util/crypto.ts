/**
 * Web Crypto helpers: the same code on Node, Bun, Deno, Workers and edge runtimes. Imported HMAC
 * keys are cached per secret (importKey costs about as much as the signature itself).
 */
const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()
const MAX_CACHED_KEYS = 64

const asBytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof data === 'string' ? encoder.encode(data) : (new Uint8Array(data) as Uint8Array<ArrayBuffer>)

function hmacKey(secret: string | Uint8Array): Promise<CryptoKey> {
  const id = typeof secret === 'string' ? `s:${secret}` : `b:${toHex(secret)}`
  let key = keys.get(id)
  if (!key) {
    // A handful of secrets per process (webhook secrets, cookie keys): a small cache, never a leak.
    if (keys.size >= MAX_CACHED_KEYS) keys.clear()
    key = crypto.subtle.importKey('raw', asBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    keys.set(id, key)
    key.catch(() => keys.delete(id))
  }
  return key
}

export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** Lower- or upper-case hex to bytes; undefined for anything else. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return undefined
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

const B64URL = /^[A-Za-z0-9_-]*$/

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!B64URL.test(text) || text.length % 4 === 1) return undefined
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

export async function hmacSha256(secret: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), asBytes(data)))
}

export async function hmacSha256Hex(secret: string | Uint8Array, data: string | Uint8Array): Promise<string> {
  return toHex(await hmacSha256(secret, data))
}

/**
 * Whether `mac` is the HMAC-SHA256 of `data` under `secret`. Web Crypto's verify compares in
 * constant time; a MAC of the wrong length is simply false.
 */
export async function verifyHmacSha256(secret: string | Uint8Array, data: string | Uint8Array, mac: Uint8Array): Promise<boolean> {
  if (mac.length !== 32) return false
  return crypto.subtle.verify('HMAC', await hmacKey(secret), new Uint8Array(mac) as Uint8Array<ArrayBuffer>, asBytes(data))
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', asBytes(data))))
}

/** `bytes` random bytes as base64url (unguessable ids, tokens). */
export function randomToken(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)))
}

export function randomHex(bytes = 16): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)))
}

/** Compares two strings in time that depends only on their lengths. */
export function timingSafeEqualText(a: string, b: string): boolean {
  const x = encoder.encode(a)
  const y = encoder.encode(b)
  let diff = x.length ^ y.length
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0)
  return diff === 0
}
