export { isBrowser } from './env'
export type { VerifyErrorCode, VerifyErrorOptions } from './errors'
export { isVerifyError, toVerifyError, VerifyError } from './errors'
export {
  isProvider,
  isRecord,
  parseErrorBody,
  parseFlowMessage,
  parseRefreshedSecret,
  parseSessionSnapshot,
  parseVerificationSession,
} from './guards'
export { isSessionStatus, isTerminal, mapFaceSignStatus, mapWebhookEventType, mergeStatus, SESSION_STATUSES } from './status'
export type * from './types'
export { DEFAULT_ALLOWED_HOSTS, isAllowedFlowUrl } from './url'
