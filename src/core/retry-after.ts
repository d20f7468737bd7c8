/**
 * `Retry-After` in ms: delay-seconds or an HTTP date (a past date is 0). Anything else, or no
 * header, is undefined: the caller decides the fallback. The one parser for browser and server.
 */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  const text = `${value}`
  const now = Date.now()
  // Every HTTP date names its month: "1.5" or "-3" are never read as dates (nor "null").
  const at = /^\s*\d+\s*$/.test(text) ? now + +text * 1000 : /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN
  return at >= 0 ? Math.max(0, at - now) : undefined
}
