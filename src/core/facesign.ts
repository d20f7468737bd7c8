import { parseFlowMessage } from './guards'
import { assertAllowedUrl, withReturnUrl } from './navigate'
import type { FlowMessage, FlowMessageType } from './types'

export interface FaceSignClientOptions {
  clientSecret: string
  /** The flow URL from the backend (`session.url`). */
  url: string
  allowedHosts?: readonly string[]
  /** Accessible name of the iframe. */
  title?: string
}

type Handler<T extends FlowMessageType> = (message: Extract<FlowMessage, { type: T }>) => void

function flowUrl(url: string, clientSecret: string, allowedHosts?: readonly string[]): URL {
  assertAllowedUrl(url, allowedHosts)
  const target = new URL(url)
  if (!target.searchParams.has('client_secret')) target.searchParams.set('client_secret', clientSecret)
  return target
}

/**
 * The FaceSign flow in an iframe (or a redirect). Messages count only when they come from the
 * flow URL's origin *and* from this iframe's window: another frame of the same origin cannot
 * drive the widget.
 */
export class FaceSignClient {
  private url: URL
  private readonly allowedHosts: readonly string[] | undefined
  private readonly title: string
  private iframe: HTMLIFrameElement | undefined
  private handlers = new Map<FlowMessageType, Set<(message: FlowMessage) => void>>()
  private readonly onMessage = (event: MessageEvent) => {
    if (!this.iframe || event.origin !== this.url.origin || event.source !== this.iframe.contentWindow) return
    const message = parseFlowMessage(event.data)
    if (message) for (const fn of this.handlers.get(message.type) ?? []) fn(message)
  }

  constructor(options: FaceSignClientOptions) {
    this.allowedHosts = options.allowedHosts
    this.title = options.title ?? 'Identity verification'
    this.url = flowUrl(options.url, options.clientSecret, options.allowedHosts)
  }

  /** Renders the flow into `element`; a second call moves it. */
  mount(element: HTMLElement): void {
    this.unmount()
    const iframe = element.ownerDocument.createElement('iframe')
    iframe.src = this.url.href
    iframe.allow = 'camera; microphone'
    iframe.title = this.title
    element.append(iframe)
    this.iframe = iframe
    window.addEventListener('message', this.onMessage)
  }

  /** Redirect mode: leaves the page for the flow, which navigates back to this page when done. */
  open(): void {
    window.location.assign(withReturnUrl(this.url.href))
  }

  /** Points the flow at a refreshed client secret. */
  update(options: { clientSecret: string; url: string }): void {
    this.url = flowUrl(options.url, options.clientSecret, this.allowedHosts)
    if (this.iframe) this.iframe.src = this.url.href
  }

  on<T extends FlowMessageType>(type: T, fn: Handler<T>): () => void {
    const set = this.handlers.get(type) ?? new Set()
    this.handlers.set(type, set)
    const handler = fn as (message: FlowMessage) => void
    set.add(handler)
    return () => set.delete(handler)
  }

  /** Removes the iframe, the listener and every handler; safe to call twice. */
  destroy(): void {
    this.unmount()
    this.handlers.clear()
  }

  private unmount(): void {
    window.removeEventListener('message', this.onMessage)
    this.iframe?.remove()
    this.iframe = undefined
  }
}
