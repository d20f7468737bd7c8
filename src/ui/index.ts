// verify-widget/dom: the verification without a framework. `createVerification(options)` gives
// `start()`, `cancel()`, `on(event, listener)` and `destroy()`; what a page loads up front is this
// and the start code, and the dialog, the flow, status tracking and other languages load on intent.

export type { VerifyError, VerifyErrorCode } from '../core/errors'
// "Continue on your phone" for a UI of your own: a link for the person's session, and its claim on the phone.
export { claimHandoff, createHandoff } from '../core/handoff'
export type { VerificationEvent, VerificationPhase, VerificationResult, VerificationState } from '../core/store'
export type { HandoffInput, HandoffLink, Provider, SessionSnapshot, SessionStatus, VerifyMode } from '../core/types'
export type { Appearance, AppearanceVariables, Theme } from './appearance'
export type { BrowserFamily, CameraCheck, CameraEnvironment, CameraPermission, CameraResult } from './camera'
// What the widget checks before a session is created, for a UI of your own.
export { browserFamily, checkCamera } from './camera'
export type { Strings } from './strings'
export type {
  HandoffLinkDetail,
  HandoffReason,
  MutableVerificationOption,
  Verification,
  VerificationEventMap,
  VerificationEventType,
  VerificationOptions,
  VerificationSnapshot,
  VerifyEvent,
  VerifyEventType,
} from './types'
export { createVerification } from './verification'
