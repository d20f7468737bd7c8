import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Locale } from '../react/locales'
import { formatMessage } from '../react/locales/format'
import type { HostedConfig } from './config'
import { HostedFlow } from './HostedFlow'
import { LanguageSwitcher } from './LanguageSwitcher'
import { describeView, StateCard } from './StateCard'
import { type HostedStrings, loadStrings } from './strings'
import { useHostedVerification } from './useHostedVerification'
import { useOnline } from './useOnline'
import { deriveView } from './view'

export interface HostedPageProps {
  config: HostedConfig
  /** Strings of the first render (loaded before mounting, so an `?lang=ar` page never flashes English). */
  initialStrings: HostedStrings
}

const PROVIDER_NAMES = { facesign: 'FaceSign', faceverify: 'FaceVerify' } as const
// What shows instead of the flow (a blocked camera, a link to a phone): a chunk of its own, with its strings and the QR code.
const DeviceCard = lazy(() => import('./DeviceCard'))

/** Keeps `?lang=` in the address so a reload or a shared link keeps the choice. */
function rememberLocale(locale: Locale): void {
  const url = new URL(window.location.href)
  url.searchParams.set('lang', locale)
  window.history.replaceState(window.history.state, '', url)
}

export function HostedPage({ config, initialStrings }: HostedPageProps) {
  const [strings, setStrings] = useState(initialStrings)
  const { state, store, provider: active, checking, device, handoff, begin, toPhone, flowFailed, retryFlow } = useHostedVerification(config)
  const online = useOnline()
  const view = deriveView({
    phase: state.phase,
    online,
    status: state.status,
    error: state.error,
    checking,
    device: device?.view,
    phone: config.device,
  })
  const headingRef = useRef<HTMLHeadingElement>(null)
  const lastKind = useRef(view.kind)
  // Every start goes through the camera check (a phone's start claims its link).
  const start = begin
  const cancel = useCallback(() => void store.cancel(), [store])

  useLayoutEffect(() => {
    document.documentElement.lang = strings.locale
    document.documentElement.dir = strings.dir
  }, [strings])

  // Focus follows the state (screen readers then read its heading), but never leaves the flow
  // while the person is inside it: requires_input → in_progress happens under their hands.
  useEffect(() => {
    if (lastKind.current === view.kind) return
    const fromFlow = lastKind.current === 'requires_input' && view.kind === 'in_progress'
    lastKind.current = view.kind
    if (!fromFlow) headingRef.current?.focus()
  }, [view.kind])

  // Back online after an outage that broke the start: carry on without asking (tracking
  // reconnects by itself). The failure may land after the connection is back, hence the ref.
  const sawOffline = useRef(false)
  useEffect(() => {
    if (!online) {
      sawOffline.current = true
      return
    }
    if (!sawOffline.current || state.phase === 'starting') return
    sawOffline.current = false
    if (state.phase === 'error') void store.start()
  }, [online, state.phase, store])

  const card = device && device.view === view.kind && (
    <Suspense
      fallback={<StateCard view={{ kind: 'starting' }} strings={strings} headingRef={headingRef} onStart={start} onCancel={cancel} />}
    >
      <DeviceCard
        device={device}
        handoff={handoff}
        strings={strings}
        phone={!!config.device}
        headingRef={headingRef}
        onRetry={device.view === 'flow_failed' ? retryFlow : start}
        onPhone={toPhone}
        onCancel={cancel}
      />
    </Suspense>
  )

  const changeLocale = (locale: Locale) => {
    rememberLocale(locale)
    loadStrings(locale).then(setStrings, () => undefined)
  }

  const showFlow = active === 'facesign' && !!state.session && (view.kind === 'requires_input' || view.kind === 'in_progress')
  const provider = PROVIDER_NAMES[active]
  const { page, widget } = strings

  return (
    <div className="vwh-page">
      <header className="vwh-header">
        <span className="vwh-brand">{provider}</span>
        <LanguageSwitcher value={strings.locale} label={page.language} onChange={changeLocale} />
      </header>
      {state.livemode === false && (
        <aside className="vwh-banner" aria-label={widget.testMode}>
          <strong>{widget.testMode}:</strong> {page.testModeNote}
        </aside>
      )}
      {/* Named, so that it stays distinct from the provider flow's own main landmark in the iframe. */}
      <main className="vwh-main" aria-labelledby="vwh-page-title">
        <h1 id="vwh-page-title">{widget.start}</h1>
        {card || (
          <StateCard
            view={view}
            strings={strings}
            phone={!!config.device}
            headingRef={headingRef}
            onStart={start}
            onCancel={cancel}
            flow={
              showFlow ? (
                <div className="vwh-flow">
                  <HostedFlow key={state.sessionId} store={store} title={widget.dialogTitle} onFailed={flowFailed} />
                </div>
              ) : undefined
            }
          />
        )}
        <p className="vwh-sr-only" role="status" aria-live="polite">
          {view.kind === 'starting' ? '' : describeView(view, strings, !!config.device).title}
        </p>
      </main>
      <footer className="vwh-footer">
        <p>{formatMessage(page.footer, { provider }, strings.locale)}</p>
      </footer>
    </div>
  )
}
