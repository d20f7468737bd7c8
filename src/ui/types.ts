import type { VerifyError } from '../core/errors'
import type { VerificationResult, VerificationState } from '../core/store'
import type { GetIdentityToken, Provider, SessionSnapshot, VerifyMode } from '../core/types'
import type { Messages } from '../react/locales/en'
import type { Appearance } from './appearance'
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
  messages?: Partial<Messages>
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

/** What each event carries. Browser events are UI signals: trust the result on your server. */
export interface VerificationEventMap {
  /** Every status change of the session. */
  status: VerificationResult
  verified: VerificationResult
  failed: VerificationResult
  /** Canceled by the person, or expired (`detail.status` tells which). */
  canceled: VerificationResult
  error: VerifyError
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
