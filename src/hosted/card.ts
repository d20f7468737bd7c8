import { placeChildren } from '../ui/dom'

export type Tone = 'busy' | 'success' | 'danger'

/** A button of the card: filled, or outlined when `secondary`. */
export interface CardAction {
  label: string
  run: () => void
  secondary?: boolean
}

/** What the card shows for one state of the page. */
export interface CardContent {
  /** `data-view`: the state's name, which tests and styles select on. */
  view: string
  tone?: Tone
  busy: boolean
  /** `data-handoff` of "continue on your phone": making, waiting, opened, expired. */
  handoff?: string
  title: string
  /** The paragraph under the heading; none when empty. */
  body: string
  /** Nodes between the paragraph and the buttons (the countdown; the QR code, the link, the steps), owned by their maker. */
  extras: readonly Node[]
  actions: readonly CardAction[]
}

export interface Card {
  readonly node: HTMLElement
  /** The state's heading: focus goes to it when the state changes. */
  readonly heading: HTMLHeadingElement
  /** Shows `content`, and `flow` (the provider's frame) last, changing only what differs. */
  paint(content: CardContent, flow?: Node): void
}

const setAttribute = (node: Element, name: string, value: string | undefined) =>
  value === undefined ? node.removeAttribute(name) : node.setAttribute(name, value)

/**
 * The page's one state card, `section.vwh-card`. Its nodes are made once and changed in place: the
 * heading keeps focus across a new title, a button keeps it across a new label, and the flow's frame
 * never moves (a moved iframe reloads).
 */
export function createCard(doc: Document): Card {
  const node = doc.createElement('section')
  const heading = doc.createElement('h2')
  const body = doc.createElement('p')
  const actions = doc.createElement('div')
  node.className = 'vwh-card'
  node.setAttribute('aria-labelledby', 'vwh-state-title')
  heading.id = 'vwh-state-title'
  heading.tabIndex = -1
  actions.className = 'vwh-actions'
  return {
    node,
    heading,
    paint(content, flow) {
      setAttribute(node, 'data-tone', content.tone)
      node.dataset.view = content.view
      setAttribute(node, 'data-handoff', content.handoff)
      node.setAttribute('aria-busy', String(content.busy))
      if (heading.textContent !== content.title) heading.textContent = content.title
      if (body.textContent !== content.body) body.textContent = content.body
      const buttons = [...actions.children] as HTMLButtonElement[]
      content.actions.forEach(({ label, run, secondary }, i) => {
        let button = buttons[i]
        if (!button) {
          button = doc.createElement('button')
          button.type = 'button'
          button.className = 'vwh-button'
          actions.append(button)
        }
        if (button.textContent !== label) button.textContent = label
        setAttribute(button, 'data-variant', secondary ? 'secondary' : undefined)
        button.onclick = run
      })
      for (const extra of buttons.slice(content.actions.length)) extra.remove()
      const present = [heading, ...(content.body ? [body] : []), ...content.extras, ...(content.actions.length ? [actions] : [])]
      if (flow) present.push(flow)
      // What the last state had and this one has not (its countdown, its link) goes.
      for (const child of [...node.childNodes]) if (!present.includes(child)) child.remove()
      placeChildren(
        node,
        present.map((child) => [child, true] as const),
      )
    },
  }
}
