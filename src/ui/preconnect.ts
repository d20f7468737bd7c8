import { LOOPBACK_HOSTS } from '../core/hosts'

/**
 * The origin to warm up for an allowed-host pattern, by the allow-list's own rule: plain http only
 * for a loopback host, https for every other one; a wildcard names no single origin.
 */
export function preconnectOrigin(pattern: string): string | undefined {
  if (pattern.startsWith('*.')) return undefined
  return `${LOOPBACK_HOSTS.includes(pattern.toLowerCase().replace(/:\d+$/, '')) ? 'http' : 'https'}://${pattern}`
}

/**
 * Warms up the connection to a flow origin once per document (hover or focus on the button).
 * The document's own `<link>`s say what is already warm: no module state shared between widgets.
 */
export function preconnect(origin: string): void {
  for (const link of document.head.querySelectorAll('link[rel=preconnect]')) if (link.getAttribute('href') === origin) return
  const link = document.createElement('link')
  link.rel = 'preconnect'
  link.href = origin
  document.head.append(link)
}
