import type { VerificationStore } from '../core'
import type { Locale } from '../react/locales'
import { formatMessage } from '../react/locales/format'
import { FLOW_TIMEOUT_MS, watchFlowLoad } from '../ui/flow-watch'
import { createCard } from './card'
import type { HostedConfig } from './config'
import { createCountdown } from './countdown'
import type { DeviceCard } from './device-card'
import { createLanguageSwitcher } from './language-switcher'
import { describeView, stateContent } from './state-card'
import { type HostedStrings, loadStrings } from './strings'
import { createHostedVerification } from './verification'
import { deriveView } from './view'

export interface HostedPageOptions {
  config: HostedConfig
  /** Strings of the first paint (loaded before mounting, so an `?lang=ar` page never flashes English). */
  strings: HostedStrings
}

export interface HostedPage {
  /** Stops following the session, removes the page, its listeners and timers; safe to call twice. */
  destroy(): void
}

const PROVIDER_NAMES = { facesign: 'FaceSign', faceverify: 'FaceVerify' } as const

/** Keeps `?lang=` in the address so a reload or a shared link keeps the choice. */
function rememberLocale(locale: Locale): void {
  const url = new URL(window.location.href)
  url.searchParams.set('lang', locale)
  window.history.replaceState(window.history.state, '', url)
}

const make = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string): HTMLElementTagNameMap[K] => {
  const node = doc.createElement(tag)
  if (className) node.className = className
  return node
}

/**
 * The hosted verification page, without a framework: a header with the provider and the language, a
 * "Test mode" banner, the state card with the FaceSign flow inline, a polite status line and the
 * footer. Everything is made once and painted again on every change of the verification, the
 * connection or the language; nothing already on screen is rebuilt.
 */
export function mountHostedPage(root: HTMLElement, { config, strings: initial }: HostedPageOptions): HostedPage {
  const doc = root.ownerDocument
  const html = doc.documentElement
  const phone = !!config.device
  let strings = initial
  let destroyed = false
  const verification = createHostedVerification(config)
  const { begin, cancel, toPhone, retryFlow, flowFailed } = verification

  const page = make(doc, 'div', 'vwh-page')
  const header = make(doc, 'header', 'vwh-header')
  const brand = make(doc, 'span', 'vwh-brand')
  const switcher = createLanguageSwitcher(doc, (locale) => {
    rememberLocale(locale)
    loadStrings(locale).then(
      (loaded) => {
        strings = loaded
        paint()
      },
      () => undefined,
    )
  })
  const banner = make(doc, 'aside', 'vwh-banner')
  const bannerLabel = make(doc, 'strong')
  const bannerNote = doc.createTextNode('')
  // Named, so that it stays distinct from the provider flow's own main landmark in the iframe.
  const main = make(doc, 'main', 'vwh-main')
  const title = make(doc, 'h1')
  const card = createCard(doc)
  const status = make(doc, 'p', 'vwh-sr-only')
  const footer = make(doc, 'footer', 'vwh-footer')
  const footerText = make(doc, 'p')
  const countdown = createCountdown(
    doc,
    (seconds) => formatMessage(strings.page.rateLimitedBody, { seconds }, strings.locale),
    () => begin(),
  )
  main.setAttribute('aria-labelledby', 'vwh-page-title')
  title.id = 'vwh-page-title'
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  header.append(brand, switcher.node)
  banner.append(bannerLabel, ' ', bannerNote)
  main.append(title, card.node, status)
  footer.append(footerText)
  page.append(header, main, footer)

  let shown: string | undefined
  let sawOffline = false
  let device: DeviceCard | undefined
  let loadingDevice = false
  let flow: { store: VerificationStore; sessionId: string; node: HTMLElement; stop?: () => void } | undefined

  /** What shows instead of the flow loads when one first shows: its code, then its strings. */
  function deviceCard(): DeviceCard | undefined {
    if (device || loadingDevice) return device
    loadingDevice = true
    import('./device-card').then(
      ({ createDeviceCard }) => {
        if (destroyed) return
        device = createDeviceCard(doc, paint)
        paint()
      },
      () => {
        // Its chunk did not load (a deploy replaced it, the network): the page can still start over.
        loadingDevice = false
        retryFlow()
      },
    )
    return undefined
  }

  /** The FaceSign flow of the session on screen: made once per session, never moved, gone when the state leaves it. */
  function syncFlow(store: VerificationStore, sessionId: string | undefined, show: boolean): HTMLElement | undefined {
    if (flow && (!show || flow.store !== store || flow.sessionId !== sessionId)) {
      flow.stop?.()
      flow.node.remove()
      flow = undefined
    }
    if (show && sessionId && !flow) {
      const node = make(doc, 'div', 'vwh-flow')
      node.append(make(doc, 'div', 'vw-flow'))
      flow = { store, sessionId, node }
    }
    return flow?.node
  }

  /** Attaches the flow once its node is in the page, watched until it loads (a refused or silent frame offers a retry). */
  function attachFlow(): void {
    if (!flow || flow.stop || !flow.node.isConnected) return
    const element = flow.node.firstChild as HTMLElement
    const detach = flow.store.attachFlow(element, strings.widget.dialogTitle)
    const unwatch = watchFlowLoad(element, FLOW_TIMEOUT_MS, (load) => load.loaded || flowFailed())
    flow.stop = () => {
      unwatch()
      detach()
    }
  }

  function render(): void {
    const { state, store, provider, checking, device: shownDevice, handoff } = verification.getSnapshot()
    const online = navigator.onLine
    const view = deriveView({
      phase: state.phase,
      online,
      status: state.status,
      error: state.error,
      checking,
      device: shownDevice?.view,
      phone,
    })
    // Back online after an outage that broke the start: carry on without asking (tracking reconnects
    // by itself). The failure may land after the connection is back, hence the flag.
    if (!online) sawOffline = true
    else if (sawOffline && state.phase !== 'starting') {
      sawOffline = false
      if (state.phase === 'error') void store.start()
    }
    const { page: p, widget: w, locale, dir } = strings
    if (html.lang !== locale) html.lang = locale
    if (html.dir !== dir) html.dir = dir
    const name = PROVIDER_NAMES[provider]
    brand.textContent = name
    switcher.update(locale, p.language)
    bannerLabel.textContent = `${w.testMode}:`
    bannerNote.data = p.testModeNote
    banner.setAttribute('aria-label', w.testMode)
    if (state.livemode === false) banner.isConnected || page.insertBefore(banner, main)
    else banner.remove()
    title.textContent = w.start

    const actions = { start: begin, cancel }
    const content =
      shownDevice && shownDevice.view === view.kind
        ? (deviceCard()?.content({
            device: shownDevice,
            handoff,
            strings,
            phone,
            retry: view.kind === 'flow_failed' ? retryFlow : begin,
            toPhone,
            cancel,
          }) ?? stateContent({ kind: 'starting' }, strings, phone, actions))
        : stateContent(view, strings, phone, actions, view.kind === 'rate_limited' ? [countdown.node] : [])
    // Each 429 passes through `starting` first: a new wait counts from its own Retry-After.
    if (view.kind !== 'rate_limited') countdown.stop()
    else if (shown !== 'rate_limited') countdown.start(view.retryAfterMs)
    else countdown.update()
    const showFlow = provider === 'facesign' && !!state.session && (view.kind === 'requires_input' || view.kind === 'in_progress')
    card.paint(content, syncFlow(store, state.sessionId, showFlow))
    attachFlow()
    status.textContent = view.kind === 'starting' ? '' : describeView(view, strings, phone).title
    footerText.textContent = formatMessage(p.footer, { provider: name }, locale)

    // Focus follows the state (screen readers then read its heading), but never leaves the flow
    // while the person is inside it: requires_input → in_progress happens under their hands.
    const previous = shown
    shown = content.view
    if (previous !== undefined && previous !== shown && !(previous === 'requires_input' && shown === 'in_progress')) card.heading.focus()
  }

  // A change during a paint (a flow refused at once, a countdown already over) paints again after it.
  let painting = false
  let again = false
  function paint(): void {
    if (destroyed) return
    if (painting) {
      again = true
      return
    }
    painting = true
    try {
      do {
        again = false
        render()
      } while (again && !destroyed)
    } finally {
      painting = false
    }
  }

  root.replaceChildren(page)
  const unsubscribe = verification.subscribe(paint)
  window.addEventListener('online', paint)
  window.addEventListener('offline', paint)
  paint()
  return {
    destroy() {
      if (destroyed) return
      destroyed = true
      unsubscribe()
      window.removeEventListener('online', paint)
      window.removeEventListener('offline', paint)
      countdown.stop()
      flow?.stop?.()
      device?.destroy()
      verification.destroy()
      page.remove()
    },
  }
}
