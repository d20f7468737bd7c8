// verify-widget/element: <verify-button>, for any page (no React): a <script type="module"> of this
// file, or `import 'verify-widget/element'` in an app. What loads up front is the button and the
// start code; the dialog, the flow, status tracking and other languages load on intent.

import type { Provider, VerifyMode } from '../core/types'
import buttonCss from '../ui/css/button.css?inline'
import { adoptStyles } from '../ui/styles'
import type { Verification, VerificationEventType } from '../ui/types'
import { createVerification } from '../ui/verification'
import { describeButton, pressStarts } from '../ui/view'
import type { VerifyButtonEventMap } from './types'

export type { VerifyButtonAttributes, VerifyButtonEventMap } from './types'

// Word lists as split strings: fewer bytes in the page's first load than array literals.
const MODES: readonly string[] = 'modal inline redirect popup'.split(' ')
// Not core's guard: the element's file holds only what the button needs (the guards load with the dialog).
const isProvider = (value: unknown): value is Provider => value === 'facesign' || value === 'faceverify'
const REBUILD = 'provider mode endpoint token-url'.split(' ')
const EVENTS = 'status verified failed canceled error event handoff'.split(' ') as VerificationEventType[]

/** Sets or removes an attribute: `undefined` (or false) removes it. */
function attr(node: Element, name: string, value: string | false | undefined): void {
  if (typeof value === 'string') node.setAttribute(name, value)
  else node.removeAttribute(name)
}

// SSR-safe: in Node there is no HTMLElement, and the class (never defined there) extends a stand-in.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement

/**
 * `<verify-button provider="facesign">`: the verification button with its dialog and flow, its
 * styles in its own shadow root (no stylesheet to import), themed by the `--vw-*` custom properties
 * and `::part(button)`, `::part(dialog)`…, reporting through `verify-*` CustomEvents. Its label is
 * its text (`<verify-button>Verify now</verify-button>`), else the locale's.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below types its events, as the DOM types HTMLElement's
export class VerifyButtonElement extends Base {
  static readonly observedAttributes = [
    ...REBUILD,
    ...'locale country theme allowed-hosts resume prefetch disabled camera-check'.split(' '),
  ]
  readonly #root: HTMLDivElement
  readonly #button: HTMLButtonElement
  readonly #slot: HTMLSlotElement
  readonly #parts: HTMLDivElement
  #verification: Verification | undefined
  #unmount: (() => void) | undefined

  constructor() {
    super()
    const shadow = this.attachShadow({ mode: 'open', delegatesFocus: true })
    adoptStyles(shadow, 'button', buttonCss)
    const doc = this.ownerDocument
    this.#root = doc.createElement('div')
    this.#button = doc.createElement('button')
    this.#slot = doc.createElement('slot')
    this.#parts = doc.createElement('div')
    this.#root.className = 'vw-root vw-shadow'
    this.#root.setAttribute('part', 'root')
    this.#button.className = 'vw-button'
    this.#button.setAttribute('part', 'button')
    this.#button.type = 'button'
    this.#parts.className = 'vw-parts'
    this.#root.append(this.#button, this.#parts)
    shadow.append(this.#root)
    const b = this.#button
    const intent = () => this.#verification?.prefetch()
    b.addEventListener('pointerenter', intent)
    b.addEventListener('focus', intent)
    b.addEventListener('pointerdown', (e) => {
      const v = this.#verification
      if (v && pressStarts(this.#view(v), this.getAttribute('prefetch') !== 'false', e.button)) void v.start()
    })
    b.addEventListener('click', () => {
      const v = this.#verification
      if (v && !this.#view(v).confirmed) void v.start()
    })
  }

  /** Starts (or reopens) the verification, as a click does. Never rejects. */
  start() {
    return this.#connect().start()
  }

  /** Cancels the running session. Never rejects. */
  cancel() {
    return this.#connect().cancel()
  }

  connectedCallback(): void {
    this.#connect()
  }

  disconnectedCallback(): void {
    this.#unmount?.()
    this.#unmount = undefined
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (previous === next || !this.#verification) return
    if (REBUILD.includes(name)) {
      this.#verification.destroy()
      this.#verification = this.#unmount = undefined
      if (this.isConnected) this.#connect()
    } else {
      this.#verification.setOptions(this.#options())
      this.#render()
    }
  }

  #view(v: Verification) {
    return describeButton(v.getSnapshot().state, this.#provider(), this.#mode())
  }

  #provider(): Provider {
    const value = this.getAttribute('provider')
    return isProvider(value) ? value : 'facesign'
  }

  #mode(): VerifyMode {
    const value = this.getAttribute('mode') ?? 'modal'
    return (MODES.includes(value) ? value : 'modal') as VerifyMode
  }

  #options() {
    const hosts = this.getAttribute('allowed-hosts')
    return {
      locale: this.getAttribute('locale') ?? undefined,
      country: this.getAttribute('country') ?? undefined,
      allowedHosts: hosts
        ?.split(',')
        .map((h) => h.trim())
        .filter(Boolean),
      resume: this.getAttribute('resume') !== 'false',
      prefetch: this.getAttribute('prefetch') !== 'false',
      cameraCheck: this.getAttribute('camera-check') !== 'false',
    }
  }

  /** The verification, made on first connection (or after `provider`, `mode`, `endpoint` or `token-url` changed), and mounted. */
  #connect(): Verification {
    let v = this.#verification
    if (!v) {
      const provider = this.getAttribute('provider')
      const mode = this.getAttribute('mode')
      if (!isProvider(provider)) console.error(`verify-widget: <verify-button provider="${provider}">: use facesign or faceverify.`)
      if (mode !== null && !MODES.includes(mode))
        console.error(`verify-widget: <verify-button mode="${mode}">: use modal, inline, redirect or popup.`)
      v = createVerification(
        // An absent `endpoint` is null, which its resolution (`??`, as for undefined) takes as not given.
        {
          provider: this.#provider(),
          mode: this.#mode(),
          endpoint: this.getAttribute('endpoint') as string | undefined,
          tokenUrl: this.getAttribute('token-url') ?? undefined,
          ...this.#options(),
        },
        { skin: true },
      )
      this.#verification = v
      v.subscribe(() => this.#render())
      for (const type of EVENTS)
        v.on(type, (detail: unknown) => this.dispatchEvent(new CustomEvent(`verify-${type}`, { detail, bubbles: true, composed: true })))
    }
    if (!this.#unmount && this.isConnected) this.#unmount = v.mount(this.#parts, this.#button)
    this.#render()
    return v
  }

  #render(): void {
    const v = this.#verification
    if (!v) return
    const { state, strings } = v.getSnapshot()
    const b = describeButton(state, this.#provider(), this.#mode())
    const m = strings.messages
    const root = this.#root
    root.lang = strings.locale
    root.dir = strings.dir
    root.dataset.theme = this.getAttribute('theme') ?? 'auto'
    const button = this.#button
    attr(button, 'aria-haspopup', b.haspopup)
    attr(button, 'aria-expanded', b.expanded?.toString())
    attr(button, 'aria-busy', b.busy && 'true')
    attr(button, 'aria-disabled', b.confirmed && 'true')
    attr(button, 'data-state', b.state)
    button.disabled = this.hasAttribute('disabled')
    // The element's own text is the label (a slot), with the locale's as its fallback; a state's label replaces it.
    this.#slot.textContent = m.start
    if (b.label) button.textContent = m[b.label] ?? ''
    else if (button.firstChild !== this.#slot) button.replaceChildren(this.#slot)
  }
}

// Typed events, the way the DOM types HTMLElement's own.
export interface VerifyButtonElement {
  addEventListener<K extends keyof VerifyButtonEventMap>(
    type: K,
    listener: (this: VerifyButtonElement, event: VerifyButtonEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void
  removeEventListener<K extends keyof VerifyButtonEventMap>(
    type: K,
    listener: (this: VerifyButtonElement, event: VerifyButtonEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void
}

declare global {
  interface HTMLElementTagNameMap {
    'verify-button': VerifyButtonElement
  }
}

/** Registers the element under `name` (default `verify-button`), once; nothing outside a browser. */
export function defineVerifyButton(name = 'verify-button'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(name)) customElements.define(name, class extends VerifyButtonElement {})
}

defineVerifyButton()

export type { VerifyError, VerifyErrorCode } from '../core/errors'
export type { VerificationResult, VerificationState } from '../core/store'
export type { Provider, SessionStatus, VerifyMode } from '../core/types'
export type { HandoffLinkDetail, Verification, VerificationEventMap, VerificationOptions, VerifyEvent, VerifyEventType } from '../ui/types'
// createVerification too: a page with no bundler gets both from this one file.
export { createVerification } from '../ui/verification'
