import type { VerificationState } from '../core/store'
import type { Provider, TerminalStatus, VerifyMode } from '../core/types'

/** What a skin (the React button, <verify-button>) puts on its `<button>`: one rule for both. */
export interface ButtonView {
  /** `data-state`: the phase, or the session status once there is one. */
  state: string
  /** The embedded FaceSign flow (a dialog or inline); FaceVerify and redirect/popup leave the page. */
  embedded: boolean
  /** `aria-haspopup`: a dialog opens (modal FaceSign). */
  haspopup: 'dialog' | undefined
  /** `aria-expanded`, for the embedded flow only. */
  expanded: boolean | undefined
  busy: boolean
  /** Verified: a confirmed state that starts nothing (`aria-disabled`). */
  confirmed: boolean
  /** The label key, when it is not the button's own label: starting, or the next step after a result. */
  label: 'starting' | `${TerminalStatus}Button` | undefined
}

export function describeButton(s: VerificationState, provider: Provider, mode: VerifyMode): ButtonView {
  const embedded = provider === 'facesign' && (mode === 'modal' || mode === 'inline')
  const busy = s.phase === 'starting'
  // The store is `done` exactly when the status is terminal (no status table in the page's first load).
  const result = s.phase === 'done' ? (s.status as TerminalStatus) : undefined
  return {
    state: (s.phase === 'active' || s.phase === 'done') && s.status ? s.status : s.phase,
    embedded,
    haspopup: embedded && mode === 'modal' ? 'dialog' : undefined,
    expanded: embedded ? s.phase === 'active' && !!s.session : undefined,
    busy,
    confirmed: result === 'verified',
    label: busy ? 'starting' : result && `${result}Button`,
  }
}

/**
 * Starting on pointerdown wins the ~100 ms until click (start() shares one request). Only for the
 * embedded flow: leaving the page or opening a popup waits for a real click.
 */
export const pressStarts = (view: ButtonView, prefetch: boolean | undefined, button: number): boolean =>
  prefetch !== false && view.embedded && !view.confirmed && button === 0
