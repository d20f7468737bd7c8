import { parseFlowMessage } from './guards'
import { assertAllowedUrl } from './navigate'
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

/**
 * The FaceSign flow. Messages count only when they come from the flow URL's origin *and* from
 * this iframe's window: another frame of the same origin cannot drive the widget.
 * Throws `untrusted_url` (and creates nothing) when the URL is not on an allowed host.
 */
export function FaceSignClient(options: FaceSignClientOptions): FaceSignFlow {
  let url: URL
  let iframe: HTMLIFrameElement | undefined
  const handlers = new Set<[FlowMessageType, (message: never) => void]>()

  const update = ({ url: link, clientSecret }: { clientSecret: string; url: string }) => {
    url = new URL(assertAllowedUrl(link, options.allowedHosts))
    if (!url.searchParams.has('client_secret')) url.searchParams.set('client_secret', clientSecret)
    if (iframe) iframe.src = url.href
  }
  const onMessage = (event: MessageEvent) => {
    const message = iframe && event.origin === url.origin && event.source === iframe.contentWindow && parseFlowMessage(event.data)
    if (!message) return
    options.onMessage?.(message)
    for (const [type, fn] of handlers) if (type === message.type) fn(message as never)
  }
  const unmount = () => {
    window.removeEventListener('message', onMessage)
    iframe?.remove()
    iframe = undefined
  }
  update(options)

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
    open() {
      // `return_url=<this page>` brings the person back here when the flow is done.
      const target = new URL(url)
      target.searchParams.set('return_url', window.location.href)
      window.location.assign(target)
    },
    update,
    on(type, fn) {
      const handler: [FlowMessageType, (message: never) => void] = [type, fn]
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    destroy() {
      unmount()
      handlers.clear()
    },
  }
}
