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

/**
 * Puts the present nodes into `container` in order, moving none that is already in place: a node
 * that moves is taken out and put back, which closes a dialog and reloads an iframe. Absent nodes
 * that are in `container` are taken out.
 */
export function placeChildren(container: Node, nodes: ReadonlyArray<readonly [Node | undefined, unknown]>): void {
  let previous: Node | null = null
  for (const [node, present] of nodes) {
    if (!node) continue
    if (!present) node.parentNode === container && container.removeChild(node)
    else {
      if (node.parentNode !== container || node.previousSibling !== previous)
        container.insertBefore(node, previous ? previous.nextSibling : container.firstChild)
      previous = node
    }
  }
}
