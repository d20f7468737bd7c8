export type { CreateSessionInput, VerifyClient, VerifyClientOptions } from './client'
export { createVerifyClient, parseRetryAfter } from './client'
export { DEFAULT_ENDPOINT, readMetaConfig, resolveAllowedHosts } from './config'
export { isBrowser } from './env'
export type { VerifyErrorCode, VerifyErrorOptions } from './errors'
export { isVerifyError, toVerifyError, VerifyError } from './errors'
export type { FaceSignClientOptions, FaceSignFlow, FlowHandler } from './facesign'
export { FaceSignClient } from './facesign'
export {
  isProvider,
  isRecord,
  parseErrorBody,
  parseFlowMessage,
  parseRefreshedSecret,
  parseSessionSnapshot,
  parseVerificationSession,
} from './guards'
export { assertAllowedUrl, navigatePopup, openBlankPopup, redirectTo, withReturnUrl } from './navigate'
export { isSessionStatus, isTerminal, mergeStatus, SESSION_STATUSES } from './status'
export { clearSessionId, readResumeSessionId, SESSION_STORAGE_KEY, saveSessionId } from './storage'
export type {
  VerificationEvent,
  VerificationPhase,
  VerificationResult,
  VerificationState,
  VerificationStore,
  VerificationStoreOptions,
} from './store'
export { createVerificationStore } from './store'
export type { StatusTracker, TrackStatusOptions } from './tracker'
export { trackSessionStatus } from './tracker'
export type * from './types'
export { DEFAULT_ALLOWED_HOSTS, isAllowedFlowUrl } from './url'
