import { parseFlowMessage } from '../core/guards'

/** How the flow's frame came up, or why it is taken for one that never will. */
export type FlowLoad = { loaded: true; signal: 'load' | 'ready'; ms: number } | { loaded: false; reason: 'timeout' | 'blocked'; ms: number }

/** How long a flow may take to load before the person is offered a retry and their phone. */
export const FLOW_TIMEOUT_MS = 20_000

/**
 * Watches the flow's iframe in `container` until it loads, and tells `done` once. The provider's page
 * posts nothing we could rely on, so its frame's `load` event counts, and a `ready` message (the
 * sandbox's flow sends one) counts as well. A frame the page's own CSP refuses (`frame-src`) fails at
 * once; one that never answers (a proxy that holds the request) fails after `timeoutMs`. An error page
 * the browser shows in the frame (an extension blocking it) fires `load` like any page: only a flow
 * that posts `ready` tells the two apart. Returns the stop; safe to call twice.
 */
export function watchFlowLoad(container: HTMLElement, timeoutMs: number, done: (result: FlowLoad) => void): () => void {
  const iframe = container.querySelector('iframe')
  // No frame: the store refused the flow's URL and reports that itself.
  if (!iframe) return () => {}
  const doc = container.ownerDocument
  const view = doc.defaultView!
  const origin = new URL(iframe.src).origin
  const started = performance.now()
  const finish = (result: Record<string, unknown>) => {
    stop()
    done({ ...result, ms: Math.round(performance.now() - started) } as FlowLoad)
  }
  const onLoad = () => finish({ loaded: true, signal: 'load' })
  const onMessage = (event: MessageEvent) => {
    if (event.source === iframe.contentWindow && event.origin === origin && parseFlowMessage(event.data)?.type === 'ready')
      finish({ loaded: true, signal: 'ready' })
  }
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (/^(frame|child|default)-src/.test(event.effectiveDirective) && event.blockedURI.startsWith(origin))
      finish({ loaded: false, reason: 'blocked' })
  }
  const timer = setTimeout(() => finish({ loaded: false, reason: 'timeout' }), timeoutMs)
  function stop(): void {
    clearTimeout(timer)
    iframe!.removeEventListener('load', onLoad)
    view.removeEventListener('message', onMessage)
    doc.removeEventListener('securitypolicyviolation', onViolation)
  }
  iframe.addEventListener('load', onLoad)
  view.addEventListener('message', onMessage)
  doc.addEventListener('securitypolicyviolation', onViolation)
  return stop
}
