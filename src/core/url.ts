import { DEFAULT_ALLOWED_HOSTS, LOOPBACK_HOSTS } from './hosts'

export { DEFAULT_ALLOWED_HOSTS, LOOPBACK_HOSTS }

/**
 * Whether a provider link may be opened: https on an allowed host. A pattern is `*.domain`
 * (any subdomain), a hostname (any port) or `host:port`. Plain http is accepted only for loopback
 * hosts that are explicitly allowed (the local sandbox), never by a wildcard.
 */
export function isAllowedFlowUrl(value: string, allowedHosts: readonly string[] = DEFAULT_ALLOWED_HOSTS): boolean {
  try {
    const { protocol, hostname, host, username, password } = new URL(value)
    const http = protocol === 'http:' && LOOPBACK_HOSTS.includes(hostname)
    return (
      !username &&
      !password &&
      (http || protocol === 'https:') &&
      allowedHosts.some((pattern) => {
        const p = pattern.toLowerCase()
        return p.startsWith('*.') ? !http && hostname.endsWith(p.slice(1)) : p === hostname || p === host
      })
    )
  } catch {
    return false
  }
}
