import { createHmac, timingSafeEqual } from 'node:crypto'

const HEX_SHA256 = /^[0-9a-f]{64}$/i

/**
 * Checks a webhook's hex HMAC-SHA256 of the raw body. Accepts a bare hex value or `sha256=<hex>`,
 * in any case. Returns false (never throws) for an empty, wrongly sized or non-hex signature:
 * the length and format are checked before the constant-time compare, which would throw.
 */
export function verifyWebhookSignature(rawBody: string | Uint8Array, signature: unknown, secret: string): boolean {
  if (typeof signature !== 'string' || secret === '') return false
  const trimmed = signature.trim()
  const hex = trimmed.toLowerCase().startsWith('sha256=') ? trimmed.slice(7) : trimmed
  if (!HEX_SHA256.test(hex)) return false
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'))
}

/** The signature header of a FaceSign webhook, in any of its documented spellings. */
export function faceSignSignatureHeader(headers: Headers): string | null {
  return headers.get('facesign-signature') ?? headers.get('x-facesign-signature')
}
