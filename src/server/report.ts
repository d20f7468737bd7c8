import { HttpError, ProviderError } from './errors'

/** Things that must never reach a log: API keys, client secrets (also inside flow URLs), bearer tokens. */
const SECRETS: readonly [RegExp, string][] = [
  [/\bsk_(test|live)_[A-Za-z0-9_]+/g, 'sk_$1_…'],
  [/\bwhsec_[A-Za-z0-9+/=_-]+/g, 'whsec_…'],
  [/([?&#](?:client_secret|token|handoff)=)[^&#\s"']+/gi, '$1…'],
  [/\b(vs_[A-Za-z0-9]+)_secret_[A-Za-z0-9_]+/g, '$1_secret_…'],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/gi, '$1…'],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1…@'],
]

/** The text with every secret-looking part masked. */
export function maskSecrets(text: string): string {
  return SECRETS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text)
}

/** One line for a failure: its kind, code and message, secrets masked. */
export function describeFailure(error: unknown): string {
  if (error instanceof HttpError) return maskSecrets(`${error.status} ${error.code}: ${error.message}`)
  if (error instanceof ProviderError) {
    const status = error.status === undefined ? '' : ` (provider answered ${error.status})`
    return maskSecrets(`${error.options.code ?? error.type}${status}: ${error.message}`)
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : ''
    return maskSecrets(`${error.name}: ${error.message}${cause}`)
  }
  return maskSecrets(String(error))
}

const QUIET_MS = 60_000

/**
 * The handler's `onError` when the integrator gives none: one console line per failure, the same
 * failure at most once a minute (with a count of the ones held back), never a secret.
 */
export function createConsoleReporter(log: (line: string) => void = (line) => console.error(line)): (error: unknown) => void {
  const recent = new Map<string, { at: number; held: number }>()
  return (error) => {
    const line = describeFailure(error)
    const now = Date.now()
    const seen = recent.get(line)
    if (seen && now - seen.at < QUIET_MS) {
      seen.held++
      return
    }
    const held = seen?.held ? ` (${seen.held} more like it in the last minute)` : ''
    recent.delete(line)
    recent.set(line, { at: now, held: 0 })
    // Bounded: the oldest lines are forgotten first.
    if (recent.size > 200) recent.delete(recent.keys().next().value!)
    log(`[verify-widget] ${line}${held}`)
  }
}
