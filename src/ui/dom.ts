/** An element with the widget's class and `part` (the name a page styles it by, through `::part()`). */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, name: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag)
  node.className = `vw-${name}`
  node.setAttribute('part', name)
  return node
}

/** A polite live region: status changes are read out without moving focus. */
export function liveStatus<K extends 'p' | 'span'>(doc: Document, tag: K): HTMLElementTagNameMap[K] {
  const node = element(doc, tag, 'status')
  node.setAttribute('role', 'status')
  node.setAttribute('aria-live', 'polite')
  return node
}
