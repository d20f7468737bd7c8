import { isBrowser } from './env'
import { DEFAULT_ALLOWED_HOSTS } from './hosts'

/** The backend's base path when neither a prop nor the page's meta tag says otherwise. */
export const DEFAULT_ENDPOINT = '/api/verify'

/** Reads `<meta name="verify-widget:NAME">` at call time; undefined outside a browser or when absent. */
export function readMetaConfig(name: 'endpoint' | 'allowed-hosts'): string | undefined {
  if (!isBrowser()) return undefined
  return document.querySelector<HTMLMetaElement>(`meta[name="verify-widget:${name}"]`)?.content.trim() || undefined
}

/** The backend's base path: the given one, else the page's meta tag, else DEFAULT_ENDPOINT. */
export function resolveEndpoint(given?: string): string {
  return given ?? readMetaConfig('endpoint') ?? DEFAULT_ENDPOINT
}

/** Allowed flow hosts: the given list, else the page's meta tag, else the providers' own domains. */
export function resolveAllowedHosts(given?: readonly string[]): readonly string[] {
  if (given) return given
  const meta = readMetaConfig('allowed-hosts')
  return meta
    ? meta
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean)
    : DEFAULT_ALLOWED_HOSTS
}
