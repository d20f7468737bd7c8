const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Hosts the widget opens by default: the providers' own flow and session-link domains. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['*.facesign.ai', '*.faceverify.ai']

function hostMatches(url: URL, pattern: string): boolean {
  const p = pattern.toLowerCase()
  if (p.startsWith('*.')) return url.hostname.endsWith(p.slice(1))
  // A pattern with a port ("127.0.0.1:4010") must match host and port; one without, the hostname.
  return p.includes(':') && !p.startsWith('[') ? url.host === p : url.hostname === p || url.host === p
}

/**
 * Whether a provider link may be opened: https on an allowed host. Plain http is accepted only
 * for loopback hosts that are explicitly allowed (the local sandbox), never by a wildcard.
 */
export function isAllowedFlowUrl(value: string, allowedHosts: readonly string[] = DEFAULT_ALLOWED_HOSTS): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  if (url.protocol === 'https:') return allowedHosts.some((p) => hostMatches(url, p))
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) return false
  return allowedHosts.some((p) => !p.startsWith('*.') && hostMatches(url, p))
}
