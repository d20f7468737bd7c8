import type { VerifyError } from '../core/errors'
import type { MessageKey } from '../react/locales/en'

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
export const errorText = (error: VerifyError): MessageKey =>
  ERROR_TEXT[error.code] ?? (error.status === 429 ? 'errorRateLimited' : 'errorGeneric')
