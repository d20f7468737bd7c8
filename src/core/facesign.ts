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
  /** Every accepted message, whatever its type (before the `on` handlers). */
  onMessage?: (message: FlowMessage) => void
}

export type FlowHandler<T extends FlowMessageType> = (message: Extract<FlowMessage, { type: T }>) => void

export interface FaceSignFlow {
  /** Renders the flow in an iframe inside `element`; a second call moves it. */
  mount(element: HTMLElement): void
  /** Redirect mode: leaves the page for the flow, which navigates back here (`return_url`) when done. */
  open(): void
  /** Points the flow at a refreshed client secret. */
  update(secret: { clientSecret: string; url: string }): void
  on<T extends FlowMessageType>(type: T, fn: FlowHandler<T>): () => void
  /** Removes the iframe, the message listener and every handler; safe to call twice. */
  destroy(): void
}

function flowUrl(url: string, clientSecret: string, allowedHosts?: readonly string[]): URL {
  assertAllowedUrl(url, allowedHosts)
  const target = new URL(url)
  if (!target.searchParams.has('client_secret')) target.searchParams.set('client_secret', clientSecret)
  return target
}

/**
 * The FaceSign flow. Messages count only when they come from the flow URL's origin *and* from
 * this iframe's window: another frame of the same origin cannot drive the widget.
 * Throws `untrusted_url` (and creates nothing) when the URL is not on an allowed host.
 */
export function FaceSignClient(options: FaceSignClientOptions): FaceSignFlow {
  let url = flowUrl(options.url, options.clientSecret, options.allowedHosts)
  let iframe: HTMLIFrameElement | undefined
  const handlers = new Set<{ type: FlowMessageType; fn: (message: never) => void }>()

  const onMessage = (event: MessageEvent) => {
    if (!iframe || event.origin !== url.origin || event.source !== iframe.contentWindow) return
    const message = parseFlowMessage(event.data)
    if (!message) return
    options.onMessage?.(message)
    for (const h of handlers) if (h.type === message.type) h.fn(message as never)
  }
  const unmount = () => {
    window.removeEventListener('message', onMessage)
    iframe?.remove()
    iframe = undefined
  }

  return {
    mount(element) {
      unmount()
      iframe = element.ownerDocument.createElement('iframe')
      iframe.src = url.href
      iframe.setAttribute('allow', 'camera; microphone')
      iframe.title = options.title ?? 'Identity verification'
      element.append(iframe)
      window.addEventListener('message', onMessage)
    },
    open: () => window.location.assign(withReturnUrl(url.href)),
    update(secret) {
      url = flowUrl(secret.url, secret.clientSecret, options.allowedHosts)
      if (iframe) iframe.src = url.href
    },
    on(type, fn) {
      const h = { type, fn }
      handlers.add(h)
      return () => handlers.delete(h)
    },
    destroy() {
      unmount()
      handlers.clear()
    },
  }
}
