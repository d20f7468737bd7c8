const preconnected = new Set<string>()

/** Warms up the connection to a flow origin once (hover or focus on the button). */
export function preconnect(origin: string): void {
  if (preconnected.has(origin)) return
  preconnected.add(origin)
  const link = document.createElement('link')
  link.rel = 'preconnect'
  link.href = origin
  document.head.append(link)
}
