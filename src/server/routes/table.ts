import type { Route } from './context'
import { sessionEvents } from './events'
import { claimHandoff, createHandoff } from './handoffs'
import { cancelSession, createSession, getSession, refreshSecret } from './sessions'
import { receiveWebhook } from './webhooks'

const ID = '(?<id>[A-Za-z0-9_-]{1,100})'
// The owner, or the device a handoff link bound to the session (the phone).
const mine = { identity: true, ownSession: true, device: true } as const
const posted = { origin: true, identity: true } as const

/** Every route under the base path, with the guards that stand before it. */
export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/sessions$/, guards: posted, run: createSession },
  { method: 'GET', pattern: new RegExp(`^/sessions/${ID}$`), guards: mine, run: getSession },
  { method: 'GET', pattern: new RegExp(`^/sessions/${ID}/events$`), guards: mine, run: sessionEvents },
  { method: 'POST', pattern: new RegExp(`^/sessions/${ID}/refresh$`), guards: { ...posted, ...mine }, run: refreshSecret },
  { method: 'POST', pattern: new RegExp(`^/sessions/${ID}/cancel$`), guards: { ...posted, ...mine }, run: cancelSession },
  { method: 'POST', pattern: /^\/handoffs$/, guards: posted, run: createHandoff },
  // The phone has no account here: the link's token is what it brings (single use, checked by the service).
  { method: 'POST', pattern: /^\/handoffs\/claim$/, guards: { origin: true }, run: claimHandoff },
  // Signed by the provider, not sent by a browser: no origin or identity to check.
  { method: 'POST', pattern: /^\/webhooks\/(?<provider>[a-z0-9_-]{1,40})$/, guards: {}, run: receiveWebhook },
]
