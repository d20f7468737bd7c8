/**
 * Every server test file runs with this: whatever reaches the console, and whatever the harness's
 * handlers report to onError, is kept and scanned for secrets when the file ends. A key, a webhook
 * secret, a client secret or a flow URL carrying one in a log line or an error message fails the file.
 */
import { afterAll } from 'vitest'

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

const seen: { where: string; text: string }[] = []

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

for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[method].bind(console)
  console[method] = (...args: unknown[]) => {
    seen.push({ where: `console.${method}`, text: args.map((a) => describeForScan(a)).join(' ') })
    original(...args)
  }
}

afterAll(() => {
  const leaks = seen.filter(({ text }) => holdsSecret(text))
  seen.length = 0
  if (leaks.length > 0) {
    throw new Error(`A secret reached a log or onError:\n${leaks.map((l) => `  ${l.where}: ${l.text.slice(0, 300)}`).join('\n')}`)
  }
})
