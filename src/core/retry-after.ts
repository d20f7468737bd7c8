/**
 * `Retry-After` in ms: delay-seconds (digits only) or an HTTP date (a past date is 0). Anything
 * else, or no header, is undefined: the caller decides the fallback. The one parser for the
 * browser and the server.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return +text * 1000
  // Every HTTP date names its month; this keeps Date.parse from reading "1.5" or "-3" as dates.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
