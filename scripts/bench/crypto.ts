/**
 * Webhook signature verifications per second on Node: the server core's `verifyWebhookSignature`
 * against node:crypto as the code was before the core moved to Web APIs (createHmac + timingSafeEqual,
 * synchronous). The core hashes with node:crypto where the runtime has it built in and with Web Crypto
 * elsewhere (src/server/util/crypto.ts); both are measured here, on Node. The same bodies for every
 * variant: FaceSign webhook bodies as the sandbox sends them, each with its valid signature, as text
 * (what the webhook route hands the adapter).
 * - node:crypto, called as before; and the same code behind an `async` function, awaited (what the
 *   `await` alone costs);
 * - verifyWebhookSignature as the core runs it on Node, one verification awaited at a time, and
 *   `concurrency` in flight (webhooks arrive side by side);
 * - the core's Web Crypto path (what Workers without Node.js compatibility and Vercel's Edge runtime
 *   run), one at a time and `concurrency` in flight: on Node each call is a job on the thread pool;
 * - a SHA-256 `crypto.subtle.digest` of the same body, one at a time: what any one Web Crypto call
 *   costs on Node, HMAC or not.
 * Rounds interleave the variants, so that a burst of load elsewhere weighs on each alike; a
 * variant's figure is its median over the rounds, a ratio the median of each round's ratio.
 * Budget: the core at least 0.8 × node:crypto (no more than 20 % slower), one at a time and in flight.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { verifyWebhookSignature } from '../../src/server'
import { fromHex, hashing, webCrypto } from '../../src/server/util/crypto'
import type { Row } from './lib/report'
import { median, round } from './lib/stats'

/** The core may be at most 20 % slower than node:crypto. */
export const CRYPTO_MIN_RATIO = 0.8
const SECRET = 'sk_test_bench_crypto_webhook_secret'
const HEX_SHA256 = /^[0-9a-f]{64}$/i
const encoder = new TextEncoder()

export interface CryptoSize {
  rounds: number
  /** Verifications per variant per round. */
  verifications: number
}

export interface CryptoFigures {
  rounds: number
  verifications: number
  concurrency: number
  /** Distinct bodies, cycled through; their sizes in bytes. */
  bodies: number
  bodyBytes: { min: number; max: number }
  /** What the core hashes with on Node. */
  coreBackend: string
  /** Verifications per second, median over the rounds. */
  perSecond: {
    node: number
    nodeAwaited: number
    core: number
    coreConcurrent: number
    webCrypto: number
    webCryptoConcurrent: number
    digest: number
  }
  /** The core / node:crypto, median of the rounds' ratios. */
  ratio: { oneAtATime: number; concurrent: number }
  /** The core's Web Crypto path / node:crypto. */
  webCryptoRatio: { oneAtATime: number; concurrent: number }
}

/** The webhook check as it was before the core moved to Web Crypto (git show main:src/server/webhooks.ts). */
export function verifyWithNodeCrypto(rawBody: string | Uint8Array, signature: unknown, secret: string): boolean {
  if (typeof signature !== 'string' || secret === '') return false
  const trimmed = signature.trim()
  const hex = trimmed.toLowerCase().startsWith('sha256=') ? trimmed.slice(7) : trimmed
  if (!HEX_SHA256.test(hex)) return false
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'))
}

const TYPES = ['session.created', 'session.started', 'session.verified', 'session.failed', 'session.cancelled', 'session.expired']
const STATUS: Record<string, string> = {
  'session.created': 'requiresInput',
  'session.started': 'inProgress',
  'session.verified': 'complete',
  'session.failed': 'complete',
  'session.cancelled': 'canceled',
  'session.expired': 'canceled',
}

/** FaceSign webhooks in the sandbox's shape (src/sandbox/state.ts), each signed with SECRET. */
function webhookBodies(count: number): { body: string; signature: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const type = TYPES[i % TYPES.length]!
    const report =
      type === 'session.verified' ? { report: { isVerified: true } } : type === 'session.failed' ? { report: { isVerified: false } } : {}
    const body = JSON.stringify({
      id: `evt_${i.toString(16).padStart(24, '0')}`,
      type,
      created: 1_796_000_000 + i,
      data: { id: `vs_${i.toString(36).padStart(12, '0')}`, status: STATUS[type], ...report },
    })
    return { body, signature: createHmac('sha256', SECRET).update(body).digest('hex') }
  })
}

/** Verifications per second of `verify` over `total` of the bodies, `inFlight` at a time. */
async function rate(
  bodies: readonly { body: string; signature: string }[],
  total: number,
  inFlight: number,
  verify: (body: string, signature: string) => boolean | Promise<boolean>,
): Promise<number> {
  let next = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        const { body, signature } = bodies[next++ % bodies.length]!
        if (!(await verify(body, signature))) failed++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  if (failed) throw new Error(`${failed} valid signatures were refused`)
  return total / seconds
}

export async function runCryptoBench(size: CryptoSize, concurrency = 32): Promise<CryptoFigures> {
  const bodies = webhookBodies(1000)
  // Both must refuse what is not the body's signature: a benchmark of a check that passes everything says nothing.
  const forged = `${bodies[0]!.signature.slice(0, 63)}${bodies[0]!.signature.endsWith('0') ? '1' : '0'}`
  if (verifyWithNodeCrypto(bodies[0]!.body, forged, SECRET) || (await verifyWebhookSignature(bodies[0]!.body, forged, SECRET)))
    throw new Error('a forged signature was accepted')

  // The core's Web Crypto path, with the signature parsed as verifyWebhookSignature parses it.
  const viaWebCrypto = (body: string, signature: string) => webCrypto.verifyHmac(SECRET, body, fromHex(signature) ?? new Uint8Array(0))
  if (await viaWebCrypto(bodies[0]!.body, forged)) throw new Error('a forged signature was accepted by Web Crypto')
  const variants = {
    node: (n: number) => rate(bodies, n, 1, (body, signature) => verifyWithNodeCrypto(body, signature, SECRET)),
    nodeAwaited: (n: number) => rate(bodies, n, 1, async (body, signature) => verifyWithNodeCrypto(body, signature, SECRET)),
    core: (n: number) => rate(bodies, n, 1, (body, signature) => verifyWebhookSignature(body, signature, SECRET)),
    coreConcurrent: (n: number) => rate(bodies, n, concurrency, (body, signature) => verifyWebhookSignature(body, signature, SECRET)),
    webCrypto: (n: number) => rate(bodies, n, 1, viaWebCrypto),
    webCryptoConcurrent: (n: number) => rate(bodies, n, concurrency, viaWebCrypto),
    digest: (n: number) =>
      rate(bodies, n, 1, async (body) => (await crypto.subtle.digest('SHA-256', encoder.encode(body))).byteLength === 32),
  }
  type Variant = keyof typeof variants
  const names = Object.keys(variants) as Variant[]
  // Warm-up, not counted: the JIT, the key import, the thread pool's threads.
  for (const name of names) await variants[name](Math.min(size.verifications, 2000))

  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Variant, number[]>
  for (let r = 0; r < size.rounds; r++) {
    // Each round in another order, so that no variant always runs right after the same one.
    const order = r % 2 ? [...names].reverse() : names
    for (const name of order) samples[name].push(await variants[name](size.verifications))
  }
  const perRound = (name: Variant) => samples[name].map((v, i) => v / samples.node[i]!)
  const sizes = bodies.map((b) => Buffer.byteLength(b.body))
  return {
    rounds: size.rounds,
    verifications: size.verifications,
    concurrency,
    bodies: bodies.length,
    bodyBytes: { min: Math.min(...sizes), max: Math.max(...sizes) },
    coreBackend: hashing.name,
    perSecond: Object.fromEntries(names.map((name) => [name, Math.round(median(samples[name]))])) as CryptoFigures['perSecond'],
    ratio: { oneAtATime: round(median(perRound('core')), 2), concurrent: round(median(perRound('coreConcurrent')), 2) },
    webCryptoRatio: { oneAtATime: round(median(perRound('webCrypto')), 2), concurrent: round(median(perRound('webCryptoConcurrent')), 2) },
  }
}

export function cryptoRows(f: CryptoFigures): Row[] {
  const section = 'crypto'
  const what = 'webhook signatures verified per second on Node'
  const budget = `≥ ${CRYPTO_MIN_RATIO}× node:crypto`
  return [
    {
      section,
      measure: `${what} (${f.bodies} FaceSign bodies of ${f.bodyBytes.min}–${f.bodyBytes.max} B, median of ${f.rounds} rounds of ${f.verifications}): node:crypto as before (createHmac + timingSafeEqual) / the same awaited`,
      value: `${f.perSecond.node} / ${f.perSecond.nodeAwaited}`,
    },
    {
      section,
      measure: `${what}: verifyWebhookSignature as the core runs on Node (${f.coreBackend}), one at a time`,
      value: `${f.perSecond.core} (${f.ratio.oneAtATime}× node:crypto)`,
      budget,
      kind: 'time',
      ok: f.ratio.oneAtATime >= CRYPTO_MIN_RATIO,
    },
    {
      section,
      measure: `${what}: verifyWebhookSignature as the core runs on Node (${f.coreBackend}), ${f.concurrency} in flight`,
      value: `${f.perSecond.coreConcurrent} (${f.ratio.concurrent}× node:crypto)`,
      budget,
      kind: 'time',
      ok: f.ratio.concurrent >= CRYPTO_MIN_RATIO,
    },
    {
      section,
      measure: `${what}: the core's Web Crypto path (runtimes without node:crypto), one at a time / ${f.concurrency} in flight`,
      value: `${f.perSecond.webCrypto} / ${f.perSecond.webCryptoConcurrent} (${f.webCryptoRatio.oneAtATime}× / ${f.webCryptoRatio.concurrent}× node:crypto)`,
    },
    {
      section,
      measure: 'SHA-256 digests per second of the same bodies with crypto.subtle.digest, one at a time (any one Web Crypto call)',
      value: String(f.perSecond.digest),
    },
  ]
}
