/**
 * What the server tests log and report, kept for the scan at the end of each file (tests/support/log-scan.ts).
 * No test runner here: the benchmarks import the harnesses that record into it.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  // API keys and webhook secrets (the masked form `sk_test_…` is fine).
  /\bsk_(?:test|live)_[A-Za-z0-9_]{4,}/,
  /\bwhsec_[A-Za-z0-9+/=_-]{4,}/,
  // Client secrets, alone or inside a flow URL.
  /\bvs_[A-Za-z0-9]+_secret_[A-Za-z0-9]+/,
  /[?&#]client_secret=(?!…)[^&#\s"']+/i,
]

/** Whether a log line or error text holds a secret. */
export const holdsSecret = (text: string) => SECRET_PATTERNS.some((pattern) => pattern.test(text))

export const seen: { where: string; text: string }[] = []

/** Text of anything logged or reported, with an error's cause chain. */
export function describeForScan(value: unknown, depth = 0): string {
  if (depth > 4) return ''
  if (value instanceof Error) return `${value.name}: ${value.message} ${describeForScan(value.cause, depth + 1)}`
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Records what an onError received (the harness's handlers call this). */
export function recordReported(error: unknown): void {
  seen.push({ where: 'onError', text: describeForScan(error) })
}
