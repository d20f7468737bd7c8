import type { VerifyClient } from '../core/client'
import { toVerifyError } from '../core/errors'
import { createHandoff } from '../core/handoff'
import { saveSessionId } from '../core/storage'
import type { VerificationStore } from '../core/store'
import type { HandoffLink, Provider } from '../core/types'
import { loadDeviceMessages } from '../react/locales/device/catalogs'
import type { DeviceMessages } from '../react/locales/device/en'
import type { Messages } from '../react/locales/en'
import { browserFamily } from './camera'
import type { DeviceState } from './controller'
import deviceCss from './css/device.css?inline'
import { element } from './dom'
import { errorText } from './error-text'
import type { Strings } from './strings'
import { adoptStyles } from './styles'
import type { VerificationEventMap, VerificationEventType, VerificationOptions, VerifyEvent } from './types'

/** In a shadow root (<verify-button>, createVerification) these views bring their own stylesheet. */
export const adoptDeviceStyles = (root: ShadowRoot): void => adoptStyles(root, 'device', deviceCss)

/** What the view needs from its verification (made once by the controller). */
export interface DeviceContext {
  client: VerifyClient
  provider: Provider
  store: VerificationStore
  options: VerificationOptions
  strings: () => Strings
  /** The session's `handoff` as its stream last told it (`waiting`, `opened`). */
  handoff: { state?: string }
  show(state: DeviceState | undefined): void
  tell(event: VerifyEvent): void
  emit<K extends VerificationEventType>(type: K, detail: VerificationEventMap[K]): void
  /** Checks the camera again, and starts when it is usable. */
  retry(): void
}

export interface DeviceView {
  readonly node: HTMLElement
  update(state: DeviceState | undefined): void
  destroy(): void
}

const DENIED = {
  chromium: 'deniedChromium',
  firefox: 'deniedFirefox',
  safari: 'deniedSafari',
  ios: 'deniedIos',
  other: 'deniedOther',
} as const

/**
 * What shows instead of the flow: how to allow a blocked camera (by browser) with "Try again"; a flow
 * that did not load, with "Try again"; and "continue on your phone": a QR code (its encoder is a chunk
 * of its own), the link with "Copy link", and the steps as the session's stream tells them: waiting for
 * the phone, opened on the phone, then the result, which closes this view. The heading takes focus when
 * the view changes; every action is a button.
 */
export function createDeviceView(doc: Document, ctx: DeviceContext): DeviceView {
  const node = element(doc, 'section', 'device')
  const title = element(doc, 'h3', 'device-title')
  const text = element(doc, 'p', 'device-text')
  const qr = element(doc, 'div', 'qr')
  const link = element(doc, 'p', 'link')
  const status = element(doc, 'p', 'device-status')
  const actions = element(doc, 'div', 'device-actions')
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  title.id = `vw-device-${Math.random().toString(36).slice(2)}`
  title.tabIndex = -1
  // The dialog's showModal() focuses this first.
  title.autofocus = true
  node.setAttribute('aria-labelledby', title.id)
  node.append(title, text, qr, link, status, actions)
  let state: DeviceState | undefined
  let shown: string | undefined
  let messages: DeviceMessages | undefined
  let locale: string | undefined
  let making = false
  let error: unknown
  let copied: ReturnType<typeof setTimeout> | undefined
  let expiry: ReturnType<typeof setTimeout> | undefined
  let told: string | undefined
  let destroyed = false

  const button = (label: string, run: () => void, primary = false) => {
    const b = element(doc, 'button', primary ? 'device-primary' : 'device-secondary')
    b.type = 'button'
    b.textContent = label
    b.onclick = run
    return b
  }

  async function make(): Promise<void> {
    const s = ctx.store.getSnapshot()
    making = true
    error = undefined
    render()
    try {
      const made = await createHandoff(
        ctx.client,
        s.sessionId && (s.phase === 'active' || s.phase === 'starting') ? { sessionId: s.sessionId } : { provider: ctx.provider },
      )
      // Shown as a QR code and as text only, never as a link of this page: anything but http(s) is refused.
      if (!/^https?:\/\//.test(made.url)) throw new Error('The backend answered a handoff link that is not http(s).')
      if (destroyed || !state) return
      const id = made.session.sessionId
      saveSessionId(id)
      ctx.handoff.state = made.session.handoff
      const current = ctx.store.getSnapshot()
      if (current.sessionId !== id || current.phase !== 'active') ctx.store.resume(id)
      clearTimeout(expiry)
      expiry = setTimeout(render, Math.max(0, Date.parse(made.expiresAt) - Date.now()))
      ctx.emit('handoff', { sessionId: id, url: made.url, expiresAt: made.expiresAt })
      ctx.tell({ type: 'handoff_shown', sessionId: id, reason: state.reason, expiresAt: made.expiresAt })
      making = false
      ctx.show({ ...state, link: made })
    } catch (e) {
      making = false
      error = e
      ctx.emit('error', toVerifyError(e))
      render()
    }
  }

  async function copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url)
      clearTimeout(copied)
      copied = setTimeout(() => {
        copied = undefined
        render()
      }, 2000)
    } catch {
      // No clipboard (permissions, an old browser): the link is selected for a copy by hand.
      doc.getSelection()?.selectAllChildren(link)
    }
    render()
  }

  function render(): void {
    const m = messages
    if (!state || !m) return
    const base = ctx.strings().messages as Messages
    const made = state.link as HandoffLink | undefined
    const opened = made && ctx.handoff.state === 'opened'
    const expired = made && !opened && Date.parse(made.expiresAt) <= Date.now()
    const handoff = state.view === 'handoff'
    if (opened && told !== made.url) {
      told = made.url
      ctx.tell({ type: 'handoff_opened', sessionId: made.session.sessionId })
    }
    node.dataset.view = handoff ? (opened ? 'opened' : expired ? 'expired' : 'handoff') : state.view
    title.textContent = handoff
      ? state.reason === 'no_camera'
        ? m.noCamera
        : m.phoneOption
      : state.view === 'camera_denied'
        ? m.cameraDenied
        : m.flowFailed
    text.textContent = handoff
      ? m.handoffScan
      : state.view === 'camera_denied'
        ? m[DENIED[browserFamily(navigator.userAgent, navigator.maxTouchPoints)]]
        : m.flowFailedHint
    const showLink = handoff && made && !opened && !expired
    qr.hidden = link.hidden = !showLink
    // Once the phone has opened the link (or it ran out), how to scan it says nothing any more.
    text.hidden = Boolean(handoff && made && !showLink)
    if (showLink && link.textContent !== made.url) {
      link.textContent = made.url
      qr.replaceChildren()
      qr.dataset.url = made.url
      import('./qr').then(
        ({ qrSvg }) => qr.dataset.url === made.url && qr.replaceChildren(qrSvg(doc, made.url, m.qrLabel)),
        () => undefined,
      )
    }
    status.textContent = !handoff
      ? ''
      : error
        ? base[errorText(toVerifyError(error))]
        : making || !made
          ? base.starting
          : opened
            ? m.handoffOpened
            : expired
              ? m.handoffExpired
              : copied
                ? m.linkCopied
                : m.handoffWaiting
    const retry = (after: 'camera_denied' | 'flow_load_failed') => () => {
      ctx.tell({ type: 'retried', after })
      ctx.show(undefined)
      ctx.retry()
    }
    const phone = () => ctx.show({ view: 'handoff', reason: state!.reason })
    const cancel = () => {
      ctx.show(undefined)
      void ctx.store.cancel()
    }
    actions.replaceChildren(
      ...(handoff
        ? [
            ...(showLink ? [button(copied ? m.linkCopied : m.copyLink, () => void copy(made.url), true)] : []),
            ...(making ? [] : [button(m.newLink, () => void make(), !showLink)]),
            button(m.cancel, cancel),
          ]
        : [
            button(base.retry, retry(state.view === 'camera_denied' ? 'camera_denied' : 'flow_load_failed'), true),
            button(m.phoneOption, phone),
          ]),
    )
    // A new view (not a new line of the same one) is read from its heading.
    const view = `${state.view} ${state.reason}`
    if (view !== shown) {
      shown = view
      // After the renderer has placed the node (a dialog opening focuses it by itself: autofocus).
      queueMicrotask(() => node.isConnected && title.focus())
    }
  }

  function update(next: DeviceState | undefined): void {
    state = next
    if (!next) {
      shown = error = undefined
      node.remove()
      return
    }
    const { locale: wanted } = ctx.strings()
    if (wanted !== locale) {
      locale = wanted
      loadDeviceMessages(wanted).then((loaded) => {
        if (locale !== wanted) return
        messages = { ...loaded, ...ctx.options.messages } as DeviceMessages
        render()
      })
    }
    if (next.view === 'handoff' && !next.link && !making && !error) void make()
    render()
  }

  return {
    node,
    update,
    destroy() {
      destroyed = true
      clearTimeout(copied)
      clearTimeout(expiry)
      node.remove()
    },
  }
}
