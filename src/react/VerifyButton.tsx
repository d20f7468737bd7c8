'use client'
import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react'
import { isTerminal, type VerificationState, type VerifyError } from '../core'
import { applyAppearance } from './appearance'
import { useVerifyContext } from './context'
import { FlowFrame } from './FlowFrame'
import type { MessageKey } from './locales'
import { preconnect, preconnectOrigin } from './preconnect'
import { warnIfStylesheetMissing } from './stylesheet'
import { useLocaleMessages } from './useLocaleMessages'
import { type UseVerificationOptions, useVerification } from './useVerification'
import { VerificationDialog } from './VerificationDialog'

export interface VerifyButtonProps extends UseVerificationOptions {
  /** Button label; defaults to the locale's "Verify your identity". */
  children?: ReactNode
  /** Preconnect on hover or focus and start on pointerdown (default true). */
  prefetch?: boolean
  disabled?: boolean
  className?: string
  /** Overrides the provider's locale for this button. */
  locale?: string
}

// No prototype: a backend code such as `constructor` finds nothing here and reads as generic.
const ERROR_TEXT = {
  __proto__: null,
  network_error: 'errorNetwork',
  timeout: 'errorNetwork',
  rate_limited: 'errorRateLimited',
  popup_blocked: 'errorPopup',
  session_expired: 'expired',
} as unknown as Readonly<Record<string, MessageKey | undefined>>

/**
 * The person reads a localized, generic sentence; the backend's own code and message go to
 * `onError`. Any 429 (whatever its code) is a rate limit.
 */
const errorText = (error: VerifyError): MessageKey => ERROR_TEXT[error.code] ?? (error.status === 429 ? 'errorRateLimited' : 'errorGeneric')

/** The flow's frame over a loading line that shows until the flow page paints its own background. */
const FramedFlow = ({ loading, ...props }: ComponentProps<typeof FlowFrame> & { loading: string }) => (
  <div className="vw-frame">
    <p className="vw-frame-loading" aria-hidden="true">
      {loading}
    </p>
    <FlowFrame {...props} />
  </div>
)

/** `data-state`: the phase, or the session status once there is one. */
function dataState(s: VerificationState): string {
  return (s.phase === 'active' || s.phase === 'done') && s.status ? s.status : s.phase
}

export function VerifyButton({ children, prefetch = true, disabled, className, locale, mode = 'modal', ...options }: VerifyButtonProps) {
  const ctx = useVerifyContext('VerifyButton')
  const { messages: m, dir, locale: lang } = useLocaleMessages(locale ?? ctx.locale, ctx.messages)
  const v = useVerification({ ...options, mode })
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const embedded = options.provider === 'facesign' && (mode === 'modal' || mode === 'inline')
  const open = embedded && v.phase === 'active' && !!v.session
  const busy = v.phase === 'starting'
  const statusText = v.status ? m[v.status] : ''
  // After a result the label says where things stand: confirmed, or the next step.
  const result = v.phase === 'done' && isTerminal(v.status) ? v.status : undefined
  const confirmed = result === 'verified'

  useEffect(() => applyAppearance(rootRef.current!, ctx.appearance), [ctx.appearance])
  useEffect(() => warnIfStylesheetMissing(rootRef.current), [])

  // One element for both places: the dialog's (modal) or the page's (inline).
  const flow = <FramedFlow store={v.store} title={m.dialogTitle} loading={m.flowLoading} />

  const warm = () => {
    if (!prefetch) return
    for (const host of ctx.allowedHosts) {
      const origin = preconnectOrigin(host)
      if (origin) preconnect(origin)
    }
  }

  return (
    <div ref={rootRef} className={`vw-root ${className ?? ''}`} data-theme={ctx.appearance?.theme ?? 'auto'} dir={dir} lang={lang}>
      <button
        ref={buttonRef}
        type="button"
        className="vw-button"
        aria-haspopup={embedded && mode === 'modal' ? 'dialog' : undefined}
        aria-expanded={embedded ? open : undefined}
        aria-busy={busy || undefined}
        // Verified stays focusable (focus returns here from the dialog) but starts nothing.
        aria-disabled={confirmed || undefined}
        data-state={dataState(v)}
        disabled={disabled}
        onPointerEnter={warm}
        onFocus={warm}
        // Starting on pointerdown wins the ~100 ms until click (start() shares one request). Only
        // for the embedded flow: leaving the page or opening a popup waits for a real click.
        onPointerDown={prefetch && embedded && !confirmed ? (e) => e.button === 0 && void v.start() : undefined}
        onClick={confirmed ? undefined : () => void v.start()}
      >
        {busy ? m.starting : result ? m[`${result}Button`] : (children ?? m.start)}
      </button>
      {v.livemode === false && <span className="vw-badge">{m.testMode}</span>}
      {/* While the dialog is open it announces the status; afterwards (the result) this one does. */}
      <span className="vw-status" role="status" aria-live="polite" data-status={v.status}>
        {open && mode === 'modal' ? '' : statusText}
      </span>
      {result === 'failed' && <p className="vw-hint">{m.failedHint}</p>}
      {v.error && (
        <p className="vw-error" role="alert">
          {m[errorText(v.error)]}{' '}
          <button type="button" className="vw-retry" onClick={() => void v.start()}>
            {m.retry}
          </button>
        </p>
      )}
      {mode === 'modal' && options.provider === 'facesign' && (
        <VerificationDialog
          open={open}
          title={m.dialogTitle}
          closeLabel={m.close}
          onClose={() => void v.cancel()}
          returnFocusRef={buttonRef}
          status={statusText}
        >
          {flow}
        </VerificationDialog>
      )}
      {mode === 'inline' && open && flow}
    </div>
  )
}
