import type { VerifyError } from '../core/errors'
import type { VerificationResult } from '../core/store'
import type { Provider, VerifyMode } from '../core/types'
import type { HandoffLinkDetail, VerifyEvent } from '../ui/types'

/** The events of `<verify-button>`: CustomEvents that bubble out of the element, `detail` typed. */
export interface VerifyButtonEventMap {
  /** Every status change of the session. */
  'verify-status': CustomEvent<VerificationResult>
  'verify-verified': CustomEvent<VerificationResult>
  'verify-failed': CustomEvent<VerificationResult>
  /** Canceled by the person, or expired (`detail.status`). */
  'verify-canceled': CustomEvent<VerificationResult>
  'verify-error': CustomEvent<VerifyError>
  /** Every step of the UI, for analytics (`detail.type`: `camera_checked`, `handoff_shown`, …): lossy UI signals. */
  'verify-event': CustomEvent<VerifyEvent>
  /** A new "continue on your phone" link, to send by SMS or email if you like; never log it. */
  'verify-handoff': CustomEvent<HandoffLinkDetail>
}

/** Attributes of `<verify-button>`; changing `provider`, `mode`, `endpoint` or `token-url` makes a new widget. */
export interface VerifyButtonAttributes {
  provider: Provider
  mode?: VerifyMode
  /** Base path or URL of the backend, on another origin too (`verify-widget serve` with this page's origin in its CORS origins). */
  endpoint?: string
  /**
   * Your route on this page's origin answering `{"token", "expiresAt"}` (fetched with the page's cookies):
   * the identity token sent to the backend as `Authorization: Bearer` (`verify-widget serve`).
   */
  'token-url'?: string
  locale?: string
  country?: string
  theme?: 'light' | 'dark' | 'auto'
  /** Comma-separated flow hosts; else `<meta name="verify-widget:allowed-hosts">`, else the providers' own. */
  'allowed-hosts'?: string
  /** `"false"`: do not resume a stored session. */
  resume?: 'true' | 'false'
  /** `"false"`: no preconnect on hover and no start on pointerdown. */
  prefetch?: 'true' | 'false'
  /** `"false"`: no camera check before a session is created. */
  'camera-check'?: 'true' | 'false'
  disabled?: boolean
}

/** Listener props named `on` + the event (`onverify-verified`): React 19 and Svelte 5 attach them as they are. */
export type VerifyButtonListenerProps = {
  [K in keyof VerifyButtonEventMap as `on${K}`]?: (event: VerifyButtonEventMap[K]) => void
}
