/**
 * Every server test file runs with this: whatever reaches the console, and whatever the harness's
 * handlers report to onError, is kept and scanned for secrets when the file ends. A key, a webhook
 * secret, a client secret or a flow URL carrying one in a log line or an error message fails the file.
 */
import { afterAll } from 'vitest'

import { describeForScan, holdsSecret, seen } from './log-record'

export { describeForScan, holdsSecret, recordReported } from './log-record'

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
