import { toVerifyError } from '../core/errors'
import type { VerificationState, VerificationStore } from '../core/store'
import type { Provider, VerifyMode } from '../core/types'
import type { Messages } from '../react/locales/en'
import type { DeviceState } from './controller'
import type { DeviceContext, DeviceView } from './device'
import { createVerificationDialog } from './dialog'
import { element, liveStatus, placeChildren } from './dom'
import { errorText } from './error-text'
import { FLOW_TIMEOUT_MS, watchFlowLoad } from './flow-watch'
import type { VerificationOptions } from './types'

export { errorText } from './error-text'

export interface RenderOptions {
  store: VerificationStore
  provider: Provider
  mode: VerifyMode
  /** Where the widget's parts go, beside the button (a `display: contents` element of the skin's root). */
  container: HTMLElement
  /** The button: focus returns to it from the dialog. */
  trigger?: HTMLElement | null
  /** Whether to show the status line, badge, hint and error beside the button (a skin's button has them; createVerification without a container does not). */
  parts: boolean
  messages: () => Messages
  options: VerificationOptions
  /** What shows instead of the flow (a blocked camera, a flow that did not load, the phone), if anything. */
  device: () => DeviceState | undefined
  context: DeviceContext
  /** The controller's start (the camera check first): what "Try again" does. */
  start: () => Promise<VerificationState>
}

export interface Rendered {
  /** Renders again (new strings). */
  update(): void
  /** Removes everything it rendered and its listeners; safe to call twice. */
  destroy(): void
}

/**
 * The widget's UI beside the button, framework-free: the "Test mode" badge, the status line, the
 * hint after a failure, the error with "Try again", and the flow, in a modal dialog or inline.
 * Nodes are made once and only inserted or removed: the dialog and the flow's iframe never move
 * (moving either would close the dialog or reload the flow).
 */
export function renderVerification(o: RenderOptions): Rendered {
  const { store, provider, mode, container, trigger, parts, messages, context } = o
  const doc = container.ownerDocument
  // The container is the widget's: what a failed load of this code left there goes.
  container.replaceChildren()
  const badge = element(doc, 'span', 'badge')
  const status = liveStatus(doc, 'span')
  const hint = element(doc, 'p', 'hint')
  const error = element(doc, 'p', 'error')
  const errorLine = doc.createTextNode('')
  const retry = element(doc, 'button', 'retry')
  error.setAttribute('role', 'alert')
  retry.type = 'button'
  retry.onclick = () => {
    context.tell({ type: 'retried', after: 'error' })
    void o.start()
  }
  error.append(errorLine, ' ', retry)
  const embedded = provider === 'facesign' && (mode === 'modal' || mode === 'inline')
  const makeDialog = () =>
    createVerificationDialog(doc, {
      onClose: () => {
        context.tell({ type: 'closed', sessionId: store.getSnapshot().sessionId })
        o.context.show(undefined)
        void store.cancel()
      },
      returnFocus: () => trigger,
    })
  // The flow's dialog from the start; in the other modes (but inline) one is made when the phone or the camera's guidance shows.
  let dialog = embedded && mode === 'modal' ? makeDialog() : undefined
  let frame: { node: HTMLElement; detach: () => void } | undefined
  let deviceView: DeviceView | undefined
  let loadingDevice = false

  /** The flow's frame over a loading line that shows until the flow page paints its own background. */
  function openFrame(m: Messages): HTMLElement {
    const node = element(doc, 'div', 'frame')
    const loading = element(doc, 'p', 'frame-loading')
    const flow = element(doc, 'div', 'flow')
    loading.setAttribute('aria-hidden', 'true')
    loading.textContent = m.flowLoading
    node.append(loading, flow)
    ;(dialog?.body ?? container).append(node)
    const detach = store.attachFlow(flow, m.dialogTitle)
    const sessionId = store.getSnapshot().sessionId!
    if (flow.firstChild) context.tell({ type: 'flow_opened', sessionId, provider, mode })
    const unwatch = watchFlowLoad(flow, o.options.flowTimeoutMs ?? FLOW_TIMEOUT_MS, (load) => {
      if (load.loaded) return context.tell({ type: 'flow_loaded', sessionId, signal: load.signal, ms: load.ms })
      context.tell({ type: 'flow_load_failed', sessionId, reason: load.reason, ms: load.ms })
      context.show({ view: 'flow_failed', reason: 'flow_load_failed' })
    })
    frame = {
      node,
      detach: () => {
        unwatch()
        detach()
      },
    }
    return node
  }

  function closeFrame(): void {
    frame?.detach()
    frame?.node.remove()
    frame = undefined
  }

  /** The view of a blocked camera, a flow that did not load or the phone: its code loads when one first shows. */
  function showDevice(state: DeviceState | undefined): HTMLElement | undefined {
    if (!state) return void deviceView?.update(undefined)
    if (deviceView) {
      deviceView.update(state)
      return deviceView.node
    }
    if (!loadingDevice) {
      loadingDevice = true
      import('./device').then(
        ({ createDeviceView, adoptDeviceStyles }) => {
          const root = container.getRootNode()
          if (root instanceof ShadowRoot) adoptDeviceStyles(root)
          deviceView = createDeviceView(doc, context)
          update()
        },
        (error: unknown) => {
          loadingDevice = false
          context.show(undefined)
          context.emit('error', toVerifyError(error))
        },
      )
    }
    return undefined
  }

  function update(): void {
    const s = store.getSnapshot()
    const m = messages()
    const state = o.device()
    if (state && mode !== 'inline') dialog ??= makeDialog()
    const deviceNode = showDevice(state)
    const flowOpen = embedded && s.phase === 'active' && !!s.session && !state
    const open = flowOpen || !!state
    const statusText = s.status ? m[s.status] : ''
    if (flowOpen && !frame) openFrame(m)
    // The frame goes before the dialog closes: focus returns to the button with no iframe left.
    if (!flowOpen) closeFrame()
    if (deviceNode && deviceNode.parentNode !== (dialog?.body ?? container)) (dialog?.body ?? container).append(deviceNode)
    badge.textContent = m.testMode
    // While the dialog is open it announces the status; afterwards (the result) this line does.
    status.textContent = dialog && open ? '' : statusText
    if (s.status) status.dataset.status = s.status
    else delete status.dataset.status
    hint.textContent = m.failedHint
    errorLine.data = s.error ? m[errorText(s.error)] : ''
    retry.textContent = m.retry
    placeChildren(container, [
      [badge, parts && s.livemode === false],
      [status, parts],
      [hint, parts && s.phase === 'done' && s.status === 'failed'],
      [error, parts && s.error],
      [dialog?.element, dialog],
      [frame?.node, frame && !dialog],
      [deviceNode, deviceNode && !dialog],
    ])
    dialog?.setTexts({ title: m.dialogTitle, closeLabel: m.close, status: statusText })
    dialog?.setOpen(open)
  }

  const unsubscribe = store.subscribe(update)
  update()
  return {
    update,
    destroy() {
      unsubscribe()
      closeFrame()
      deviceView?.destroy()
      dialog?.destroy()
      for (const node of [badge, status, hint, error]) node.remove()
    },
  }
}
