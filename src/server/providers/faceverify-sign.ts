import { hmacSha256Hex } from '../util/crypto'

export interface FaceVerifySignInput {
  method: string
  /** Absolute URL (or path with query) the request goes to. */
  url: string
  /** The exact body string that is sent ('' when none). */
  body: string
  contentType: string
  apiKey: string
  secretKey: string
}

/**
 * FaceVerify's documented request signature: hex HMAC-SHA256 over
 * `METHOD\nPATH\nQUERY\nX_AUTH_CLIENT\nCONTENT_TYPE\nBODY`, where QUERY is the URLSearchParams
 * string without `?`. The body must be the very string sent: re-serialising JSON changes the hex.
 */
export function signFaceVerifyRequest(input: FaceVerifySignInput): Promise<string> {
  const url = new URL(input.url, 'http://localhost')
  const query = url.searchParams.toString()
  const payload = [input.method.toUpperCase(), url.pathname, query, input.apiKey, input.contentType, input.body].join('\n')
  return hmacSha256Hex(input.secretKey, payload)
}
