/**
 * Hashing helpers for every runtime. Where the runtime has node:crypto built in (Node, Bun, Deno,
 * Workers with Node.js compatibility), HMAC and SHA-256 run through it, synchronously; elsewhere
 * (Workers without it, Vercel's Edge runtime) through Web Crypto, the same results. On Node a Web
 * Crypto call is a job on the thread pool that comes back as a promise: for a webhook body of a few
 * hundred bytes that hand-off costs several times the hash (`npm run bench`, section `crypto`).
 * Web Crypto's imported HMAC keys are cached per secret (importKey costs about as much as a signature).
 */
const encoder = new TextEncoder()

const asBytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof data === 'string' ? encoder.encode(data) : (new Uint8Array(data) as Uint8Array<ArrayBuffer>)

/** The hashing the core needs, from one of the two sources. */
export interface HashBackend {
  readonly name: 'node:crypto' | 'Web Crypto'
  hmac(secret: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array>
  /** Whether `mac` is the HMAC-SHA256 of `data` under `secret`, compared in constant time. */
  verifyHmac(secret: string | Uint8Array, data: string | Uint8Array, mac: Uint8Array): Promise<boolean>
  sha256(data: string | Uint8Array): Promise<Uint8Array>
}

/** What the core uses of node:crypto (text is hashed as UTF-8, as TextEncoder gives it). */
interface NodeCrypto {
  createHmac(algorithm: 'sha256', key: string | Uint8Array): NodeHash
  createHash(algorithm: 'sha256'): NodeHash
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean
}
interface NodeHash {
  update(data: string | Uint8Array): { digest(): Uint8Array }
}

const MAX_CACHED_KEYS = 64
const keys = new Map<string, Promise<CryptoKey>>()

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

export const webCrypto: HashBackend = {
  name: 'Web Crypto',
  async hmac(secret, data) {
    return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), asBytes(data)))
  },
  async verifyHmac(secret, data, mac) {
    if (mac.length !== 32) return false
    return crypto.subtle.verify('HMAC', await hmacKey(secret), new Uint8Array(mac) as Uint8Array<ArrayBuffer>, asBytes(data))
  },
  async sha256(data) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', asBytes(data)))
  },
}

export function nodeCryptoBackend(node: NodeCrypto): HashBackend {
  // Strings go in as they are: node:crypto encodes them as UTF-8 without a copy in between.
  const hmac = (secret: string | Uint8Array, data: string | Uint8Array) => node.createHmac('sha256', secret).update(data).digest()
  return {
    name: 'node:crypto',
    hmac: async (secret, data) => new Uint8Array(hmac(secret, data)),
    verifyHmac: async (secret, data, mac) => mac.length === 32 && node.timingSafeEqual(hmac(secret, data), mac),
    sha256: async (data) => new Uint8Array(node.createHash('sha256').update(data).digest()),
  }
}

/** node:crypto when the runtime has it built in, found without an import (the core imports no Node module). */
function builtinNodeCrypto(): NodeCrypto | undefined {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    if (typeof runtime?.getBuiltinModule !== 'function') return undefined
    const node = runtime.getBuiltinModule('node:crypto') as Partial<NodeCrypto> | undefined
    return typeof node?.createHmac === 'function' && typeof node.createHash === 'function' && typeof node.timingSafeEqual === 'function'
      ? (node as NodeCrypto)
      : undefined
  } catch {
    return undefined
  }
}

const builtin = builtinNodeCrypto()
/** The backend this process hashes with. */
export const hashing: HashBackend = builtin ? nodeCryptoBackend(builtin) : webCrypto

export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** Lower- or upper-case hex to bytes; undefined for anything else. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length % 2 !== 0) return undefined
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) {
    const high = nibble(hex.charCodeAt(i * 2))
    const low = nibble(hex.charCodeAt(i * 2 + 1))
    if (high < 0 || low < 0) return undefined
    bytes[i] = (high << 4) | low
  }
  return bytes
}

/** 0–15 for a hex digit's char code, -1 for anything else. */
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48 // 0-9
  const lower = code | 32
  return lower >= 97 && lower <= 102 ? lower - 87 : -1 // a-f, A-F
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

export function hmacSha256(secret: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array> {
  return hashing.hmac(secret, data)
}

export async function hmacSha256Hex(secret: string | Uint8Array, data: string | Uint8Array): Promise<string> {
  return toHex(await hashing.hmac(secret, data))
}

/** Whether `mac` is the HMAC-SHA256 of `data` under `secret`, in constant time; a MAC of the wrong length is simply false. */
export function verifyHmacSha256(secret: string | Uint8Array, data: string | Uint8Array, mac: Uint8Array): Promise<boolean> {
  return hashing.verifyHmac(secret, data, mac)
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await hashing.sha256(data))
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
