import { fromHex, verifyHmacSha256 } from '../util/crypto'

/**
 * Checks a webhook's hex HMAC-SHA256 of the raw body (both providers sign this way). Accepts a bare
 * hex value or `sha256=<hex>`, in any case. Resolves false (never throws) for an empty, wrongly
 * sized or non-hex signature; the comparison itself runs in constant time.
 */
export async function verifyWebhookSignature(rawBody: string | Uint8Array, signature: unknown, secret: string): Promise<boolean> {
  if (typeof signature !== 'string' || secret === '') return false
  const trimmed = signature.trim()
  const hex = trimmed.toLowerCase().startsWith('sha256=') ? trimmed.slice(7) : trimmed
  const mac = hex.length === 64 ? fromHex(hex) : undefined
  return mac ? verifyHmacSha256(secret, rawBody, mac) : false
}
