import type { VerifyClient } from './client'
import { parseHandoffLink, parseVerificationSession } from './guards'
import type { HandoffInput, HandoffLink, VerificationSession } from './types'

// Apart from the client: a page that never hands a session to a phone never carries these.

/** `POST /handoffs`: a "continue on your phone" link; a new session waits for the phone, with no provider call. */
export const createHandoff = (client: VerifyClient, input: HandoffInput): Promise<HandoffLink> =>
  client.request('/handoffs', parseHandoffLink, input)

/**
 * `POST /handoffs/claim`, on the second device: the first to open a link gets the session with a flow of
 * its own (and a cookie for that one session). Later ones get `handoff_taken`; an old link
 * `handoff_expired`, an unknown or replaced one `handoff_not_found`, a session that ended `session_finished`.
 */
export const claimHandoff = (client: VerifyClient, token: string): Promise<VerificationSession> =>
  client.request('/handoffs/claim', parseVerificationSession, { token })
