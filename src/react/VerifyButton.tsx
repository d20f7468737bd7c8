'use client'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import type { HandoffLinkDetail, VerificationEventMap, VerificationEventType, VerifyEvent } from '../ui/types'
import { createVerification } from '../ui/verification'
import { describeButton, pressStarts } from '../ui/view'
import { applyAppearance } from './appearance'
import { useVerifyConfig } from './context'
import { setSessionSnapshot } from './queries'
import { warnIfStylesheetMissing } from './stylesheet'
import type { UseVerificationOptions } from './useVerification'

export interface VerifyButtonProps extends UseVerificationOptions {
  /** Button label; defaults to the locale's "Verify your identity". */
  children?: ReactNode
  /** Preconnect on hover or focus and start on pointerdown (default true). */
  prefetch?: boolean
  disabled?: boolean
  className?: string
  /** Overrides the provider's locale for this button. */
  locale?: string
  /**
   * Check the camera before a session is created (default true): with none, the person is offered their
   * phone at once, with the camera blocked how to allow it; `false` skips the check.
   */
  cameraCheck?: boolean
  /** How long the embedded flow may take to load before a retry and the phone are offered (default 20 000 ms). */
  flowTimeoutMs?: number
  /** Every step of the UI (a closed union, see VerifyEvent): lossy signals for analytics, never a result to trust. */
  onEvent?: (event: VerifyEvent) => void
  /** A new "continue on your phone" link: send it to the person by SMS or email if you like. Never log it. */
  onHandoffLink?: (link: HandoffLinkDetail) => void
}

// Each event of the shared verification and the prop that hears it.
type Callback = 'onStatusChange' | 'onVerified' | 'onFailed' | 'onCancel' | 'onError' | 'onEvent' | 'onHandoffLink'
const CALLBACKS: { [K in VerificationEventType]: Callback } = {
  status: 'onStatusChange',
  verified: 'onVerified',
  failed: 'onFailed',
  canceled: 'onCancel',
  error: 'onError',
  event: 'onEvent',
  handoff: 'onHandoffLink',
}

/**
 * A thin skin over the framework-free verification (src/ui, the same one `<verify-button>` and
 * createVerification use): React renders the button; the status line, errors, dialog and flow are
 * the shared module's, loaded on intent (hover, focus, pointerdown) or when a stored session resumes.
 * Made once per provider, mode and backend, then updated in place: new option or callback identities
 * never restart a running session. Callbacks are read through a ref.
 */
export function VerifyButton({ children, prefetch = true, disabled, className, locale, mode = 'modal', ...options }: VerifyButtonProps) {
  const ctx = useVerifyConfig('VerifyButton')
  const queryClient = useQueryClient()
  const { provider } = options
  // The props are the verification's options (the callbacks among them are read below, not there).
  const latest = {
    ...options,
    prefetch,
    allowedHosts: ctx.allowedHosts,
    locale: locale ?? ctx.locale,
    messages: ctx.messages,
    // Pushes land in the same cache useVerificationStatus reads.
    onSnapshot: setSessionSnapshot.bind(null, queryClient),
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the other options are set in place below
  const v = useMemo(() => createVerification({ ...latest, mode }, { source: ctx.source, skin: true }), [ctx.source, provider, mode])
  // Before the mount effect below, which reads `resume` and `locale`.
  useEffect(() => v.setOptions(latest))
  const { state, strings } = useSyncExternalStore(v.subscribe, v.getSnapshot, v.getSnapshot)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const partsRef = useRef<HTMLDivElement>(null)
  const callbacks = useRef(options)
  useEffect(() => {
    callbacks.current = options
  })
  useEffect(() => {
    const off = (Object.keys(CALLBACKS) as VerificationEventType[]).map((type) =>
      v.on(type, (detail) =>
        (callbacks.current[CALLBACKS[type]] as ((d: VerificationEventMap[typeof type]) => void) | undefined)?.(detail),
      ),
    )
    const unmount = v.mount(partsRef.current!, buttonRef.current)
    return () => {
      unmount()
      for (const stop of off) stop()
    }
  }, [v])
  useEffect(() => applyAppearance(rootRef.current!, ctx.appearance), [ctx.appearance])
  useEffect(() => warnIfStylesheetMissing(rootRef.current), [])

  const b = describeButton(state, provider, mode)
  const m = strings.messages
  return (
    <div
      ref={rootRef}
      className={`vw-root ${className ?? ''}`}
      data-theme={ctx.appearance?.theme ?? 'auto'}
      dir={strings.dir}
      lang={strings.locale}
    >
      <button
        ref={buttonRef}
        type="button"
        className="vw-button"
        aria-haspopup={b.haspopup}
        aria-expanded={b.expanded}
        aria-busy={b.busy || undefined}
        // Verified stays focusable (focus returns here from the dialog) but starts nothing.
        aria-disabled={b.confirmed || undefined}
        data-state={b.state}
        disabled={disabled}
        onPointerEnter={v.prefetch}
        onFocus={v.prefetch}
        onPointerDown={(e) => pressStarts(b, prefetch, e.button) && void v.start()}
        onClick={b.confirmed ? undefined : () => void v.start()}
      >
        {b.label ? m[b.label] : (children ?? m.start)}
      </button>
      <div ref={partsRef} className="vw-parts" />
    </div>
  )
}
