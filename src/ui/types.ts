import type { VerifyError } from '../core/errors'
import type { VerificationResult, VerificationState } from '../core/store'
import type { GetIdentityToken, Provider, SessionSnapshot, SessionStatus, VerifyMode } from '../core/types'
import type { DeviceMessages } from '../react/locales/device/en'
import type { Messages } from '../react/locales/en'
import type { Appearance } from './appearance'
import type { BrowserFamily, CameraPermission, CameraResult } from './camera'
import type { Strings } from './strings'

export interface VerificationOptions {
  provider: Provider
  /** `modal` (default): the flow in a dialog; `inline`: in `container`; `redirect`, `popup`: on the provider's page. */
  mode?: VerifyMode
  /**
   * Base path or URL of your backend, another origin included (`verify-widget serve` listing this
   * page's origin in its CORS origins); else `<meta name="verify-widget:endpoint">`, else `/api/verify`.
   */
  endpoint?: string
  /**
   * The app's identity token for a backend that identifies its user by it (`verify-widget serve`):
   * the token, or `{ token, expiresAt }`. Sent as `Authorization: Bearer` on every call, the status
   * stream included; held in memory only; asked for again 30 s before `expiresAt`, and once after a
   * `token_expired` refusal.
   */
  getToken?: GetIdentityToken
  /** Or: your route on this page's origin answering `{"token", "expiresAt"}`, fetched with the page's cookies. */
  tokenUrl?: string
  /** The network edge (custom headers, tests); the latest one is used. */
  fetch?: typeof fetch
  /** Flow hosts that may be opened; else `<meta name="verify-widget:allowed-hosts">`, else the providers' own domains. */
  allowedHosts?: readonly string[]
  /** ISO 3166-1 alpha-2, passed to the backend. */
  country?: string
  /** Resume the session kept in sessionStorage or `?session=` (default true). */
  resume?: boolean
  /** A BCP 47 tag; else `<html lang>`, else the browser's languages. */
  locale?: string
  /** Your own wording for any string, laid over the locale's. */
  messages?: Partial<Messages & DeviceMessages>
  /** Theme and colours of what it renders in `container` and of its dialog. */
  appearance?: Appearance
  /** Preconnect to the flow's host on intent (`prefetch()`); the embedded flow also starts on pointerdown in the skins (default true). */
  prefetch?: boolean
  /**
   * Where the widget shows its status line, errors and (in `inline` mode) the flow, in a shadow root of
   * its own. Without one (modal, redirect, popup) only the dialog is shown; listen to the events.
   */
  container?: HTMLElement
  /** Every backend snapshot of the session (a skin writes it into a query cache). */
  onSnapshot?: (snapshot: SessionSnapshot) => void
  /**
   * Check the camera before a session is created (default true): with none, the person is offered their
   * phone at once; with the camera blocked, how to allow it, a retry and the phone. `false` skips it (a
   * provider flow that checks for itself).
   */
  cameraCheck?: boolean
  /** How long the embedded flow may take to load before a retry and the phone are offered (default 20 000 ms). */
  flowTimeoutMs?: number
}

/**
 * The options `setOptions` changes in place; `provider`, `mode`, `endpoint`, `getToken`, `tokenUrl` and
 * `container` are fixed for an instance.
 */
export type MutableVerificationOption =
  | 'fetch'
  | 'allowedHosts'
  | 'country'
  | 'resume'
  | 'locale'
  | 'messages'
  | 'appearance'
  | 'prefetch'
  | 'onSnapshot'
  | 'cameraCheck'
  | 'flowTimeoutMs'

/** Why the widget offers to continue on a phone. */
export type HandoffReason = 'no_camera' | 'camera_denied' | 'flow_load_failed'

/**
 * What happened in the widget, for analytics and UX: a closed union, one payload per `type`. These are
 * lossy UI signals (a closed tab sends nothing): outcomes are the server's (`onStatusChange`).
 */
export type VerifyEvent =
  /** Before a session is created: what the device can do (`result` `ok`: the flow goes ahead). */
  | { type: 'camera_checked'; result: CameraResult; permission: CameraPermission; videoInputs: number }
  /** The camera is blocked for the site: the guidance shown is the one for `browser`. */
  | { type: 'camera_denied'; browser: BrowserFamily }
  /** The flow was opened: its frame added (modal, inline) or its page opened (redirect, popup). */
  | { type: 'flow_opened'; sessionId: string; provider: Provider; mode: VerifyMode }
  /** The flow's frame loaded (`load` event) or the flow said it is ready; `ms` since the frame was added. */
  | { type: 'flow_loaded'; sessionId: string; signal: 'load' | 'ready'; ms: number }
  /** The flow's frame was refused by the page's CSP (`blocked`) or did not load in time (`timeout`). */
  | { type: 'flow_load_failed'; sessionId: string; reason: 'blocked' | 'timeout'; ms: number }
  /** A "continue on your phone" link is on screen (the link itself goes to the `handoff` event only). */
  | { type: 'handoff_shown'; sessionId: string; reason: HandoffReason; expiresAt: string }
  /** The phone opened the link. */
  | { type: 'handoff_opened'; sessionId: string }
  /** The session's status changed. */
  | { type: 'status_changed'; sessionId: string; status: SessionStatus }
  /** The person pressed "Try again" after a blocked camera, a flow that did not load, or an error. */
  | { type: 'retried'; after: 'camera_denied' | 'flow_load_failed' | 'error' }
  /** The person closed the dialog (Escape, ×); a running session is canceled. */
  | { type: 'closed'; sessionId: string | undefined }

export type VerifyEventType = VerifyEvent['type']

/** A "continue on your phone" link for the integrator to send (SMS, email): for the person only, never for logs. */
export interface HandoffLinkDetail {
  sessionId: string
  url: string
  expiresAt: string
}

/** What each event carries. Browser events are UI signals: trust the result on your server. */
export interface VerificationEventMap {
  /** Every status change of the session. */
  status: VerificationResult
  verified: VerificationResult
  failed: VerificationResult
  /** Canceled by the person, or expired (`detail.status` tells which). */
  canceled: VerificationResult
  error: VerifyError
  /** Every step of the UI, for analytics: see VerifyEvent. */
  event: VerifyEvent
  /** A new "continue on your phone" link: send it by SMS or email if you like. */
  handoff: HandoffLinkDetail
}

export type VerificationEventType = keyof VerificationEventMap

/** What a skin renders from: the verification's state and the strings of its language. */
export interface VerificationSnapshot {
  state: VerificationState
  strings: Strings
}

export interface Verification {
  /**
   * Creates (or reopens) the session and opens the flow, loading the dialog's code first when it is
   * not there yet. Never rejects: resolves with the state the attempt ended in (errors also reach `error`).
   */
  start(): Promise<VerificationState>
  /** Cancels the running session through the backend. Never rejects. */
  cancel(): Promise<VerificationState>
  /** Listens to one kind of event; returns the function that stops listening. */
  on<K extends VerificationEventType>(type: K, listener: (detail: VerificationEventMap[K]) => void): () => void
  /** Loads the dialog, flow and status code ahead of need (call it on hover or focus) and preconnects to the flow's host. */
  prefetch(): void
  /** Unmounts, stops following the session, removes every listener, element and timer; safe to call twice. A destroyed instance starts nothing. */
  destroy(): void
  getSnapshot(): VerificationSnapshot
  subscribe(listener: () => void): () => void
  /** Changes options in place: a running flow carries on. */
  setOptions(options: Partial<Pick<VerificationOptions, MutableVerificationOption>>): void
  /**
   * Renders into `container` (a skin's own element, styled by the skin) with focus returning to
   * `trigger`, follows the session while mounted, and resumes a stored one. Returns the unmount.
   */
  mount(container: HTMLElement, trigger?: HTMLElement | null): () => void
}
