// verify-widget/dom: the verification without a framework. `createVerification(options)` gives
// `start()`, `cancel()`, `on(event, listener)` and `destroy()`; what a page loads up front is this
// and the start code, and the dialog, the flow, status tracking and other languages load on intent.

export type { VerifyError, VerifyErrorCode } from '../core/errors'
export type { VerificationEvent, VerificationPhase, VerificationResult, VerificationState } from '../core/store'
export type { Provider, SessionSnapshot, SessionStatus, VerifyMode } from '../core/types'
export type { Appearance, AppearanceVariables, Theme } from './appearance'
export type { Strings } from './strings'
export type {
  MutableVerificationOption,
  Verification,
  VerificationEventMap,
  VerificationEventType,
  VerificationOptions,
  VerificationSnapshot,
} from './types'
export { createVerification } from './verification'
