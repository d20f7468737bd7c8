// verify-widget/core: the framework-free building blocks. The state machine that drives them
// (`createVerificationStore`) is its own entry, verify-widget/core/store.
export type { CreateSessionInput, VerifyClient, VerifyClientOptions } from './client'
export { createVerifyClient } from './client'
export type { VerifyErrorCode, VerifyErrorOptions } from './errors'
export { VerifyError } from './errors'
export type { FaceSignClientOptions, FaceSignFlow, FlowHandler } from './facesign'
export { FaceSignClient } from './facesign'
export type { StatusHub, StatusListener, StatusWatch } from './hub'
export { navigatePopup, openBlankPopup, redirectTo } from './navigate'
export { isTerminal, mergeStatus, SESSION_STATUSES } from './status'
export { clearSessionId, readResumeSessionId, saveSessionId } from './storage'
export type {
  MutableOption,
  VerificationEvent,
  VerificationPhase,
  VerificationResult,
  VerificationState,
  VerificationStore,
  VerificationStoreOptions,
} from './store'
export type { SendInit } from './token'
export type { StatusTracker, TrackStatusOptions } from './tracker'
export { trackSessionStatus } from './tracker'
export type * from './types'
export { DEFAULT_ALLOWED_HOSTS, isAllowedFlowUrl } from './url'
