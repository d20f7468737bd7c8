/** The two identity providers the widget can drive. */
export type Provider = 'facesign' | 'faceverify'

/**
 * One status model for both providers.
 * `requires_input → in_progress → processing → verified | failed | canceled | expired`
 */
export type SessionStatus = 'requires_input' | 'in_progress' | 'processing' | 'verified' | 'failed' | 'canceled' | 'expired'

export type TerminalStatus = Extract<SessionStatus, 'verified' | 'failed' | 'canceled' | 'expired'>

/**
 * The app's identity token for a backend that identifies its user by `Authorization: Bearer`
 * (`verify-widget serve`): the token alone, or with when it expires (ISO 8601, or a time in epoch
 * seconds or milliseconds), so that a new one is asked for before then.
 */
export type IdentityToken = string | { token: string; expiresAt?: string | number }

/** Gives the identity token, when a call needs one (`getToken`). */
export type GetIdentityToken = () => IdentityToken | Promise<IdentityToken>

/** How the widget presents the provider flow. */
export type VerifyMode = 'modal' | 'inline' | 'redirect' | 'popup'

/** `POST /sessions` answer: everything the browser may hold, and nothing more. */
export interface VerificationSession {
  sessionId: string
  provider: Provider
  status: SessionStatus
  /** FaceSign only: short-lived secret for the flow. Never an API key. */
  clientSecret?: string
  /** Where the provider flow runs (iframe src, redirect or popup target). */
  url: string
  /** ISO 8601: when the client secret (or link) stops working. */
  expiresAt?: string
  /** false for sessions made with test keys: the UI shows a "Test mode" badge. */
  livemode: boolean
}

/** `GET /sessions/:id` and SSE `status` events: the session as the backend knows it. */
export interface SessionSnapshot {
  sessionId: string
  provider: Provider
  status: SessionStatus
  livemode: boolean
  /** ISO 8601 time of the last status change the backend recorded. */
  updatedAt: string
  expiresAt?: string
  /** Handed to a second device ("continue on your phone"): `waiting` for it to open the link, `opened` once one did. */
  handoff?: 'waiting' | 'opened'
}

/**
 * `POST /handoffs` answer: a link that hands the session to a second device ("continue on your phone").
 * The token is in the URL's `#fragment`; it opens once, on the first device, for a short while.
 */
export interface HandoffLink {
  /** The session the link opens (a new one waits for the phone: no provider session yet). */
  session: SessionSnapshot
  /** `https://…#handoff=<token>`: for the person only (a QR code, their own SMS or email), never for logs. */
  url: string
  /** ISO 8601: when the link stops opening. */
  expiresAt: string
}

/** What a link is made for: the user's open session of a provider (or a new one), or a session of theirs. */
export type HandoffInput = { provider: Provider } | { sessionId: string }

/** `POST /sessions/:id/refresh` answer. */
export interface RefreshedSecret {
  sessionId: string
  clientSecret: string
  url: string
  expiresAt?: string
}

/**
 * Messages a provider flow page posts to its embedding window.
 * FaceSign does not document its postMessage protocol; this is the one the sandbox speaks and
 * the FaceSignClient accepts (only from the flow URL's origin and that iframe's window).
 */
export type FlowMessage =
  | { source: 'facesign-flow'; type: 'ready' }
  | { source: 'facesign-flow'; type: 'started' }
  | { source: 'facesign-flow'; type: 'completed' }
  | { source: 'facesign-flow'; type: 'canceled' }
  | { source: 'facesign-flow'; type: 'expired' }
  | { source: 'facesign-flow'; type: 'error'; message: string }

export type FlowMessageType = FlowMessage['type']
