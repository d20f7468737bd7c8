import type { CardContent, Tone } from './card'
import type { HostedStrings } from './strings'
import type { HostedView } from './view'

interface Description {
  title: string
  body: string
  tone: Tone | undefined
  action?: { label: string; run: 'start' | 'cancel'; secondary?: boolean }
}

/**
 * Title, copy, tone and next step of each state. What shows instead of the flow (a blocked camera, a link
 * to a phone) is the device card's, with strings of its own: its title here is empty. On the phone a result
 * sends the person back to the computer, which has the next step.
 */
export function describeView(view: HostedView, { widget: w, page: p }: HostedStrings, phone = false): Description {
  const retry = { label: w.retry, run: 'start' } as const
  const startAgain = { label: p.startAgain, run: 'start' } as const
  const cancel = { label: p.cancel, run: 'cancel', secondary: true } as const
  switch (view.kind) {
    case 'starting':
      return { title: w.starting, body: p.startingBody, tone: 'busy' }
    case 'idle':
      return { title: p.idleTitle, body: p.idleBody, tone: undefined, action: { label: w.start, run: 'start' } }
    case 'requires_input':
      return { title: w.requires_input, body: p.requiresInputBody, tone: undefined, action: cancel }
    case 'in_progress':
      return { title: w.in_progress, body: p.inProgressBody, tone: undefined, action: cancel }
    case 'processing':
      return { title: w.processing, body: p.processingBody, tone: 'busy' }
    case 'verified':
      return { title: w.verified, body: phone ? p.phoneDoneBody : p.verifiedBody, tone: 'success' }
    case 'failed':
      return phone
        ? { title: w.failed, body: p.phoneRetryBody, tone: 'danger' }
        : { title: w.failed, body: p.failedBody, tone: 'danger', action: retry }
    case 'canceled':
      return phone
        ? { title: w.canceled, body: p.phoneRetryBody, tone: undefined }
        : { title: w.canceled, body: p.canceledBody, tone: undefined, action: startAgain }
    case 'expired':
      return phone
        ? { title: w.expired, body: p.phoneRetryBody, tone: 'danger' }
        : { title: w.expired, body: p.expiredBody, tone: 'danger', action: startAgain }
    case 'handoff_taken':
      return { title: p.handoffTakenTitle, body: p.handoffTakenBody, tone: 'danger' }
    case 'handoff_expired':
      return { title: p.handoffExpiredTitle, body: p.handoffExpiredBody, tone: 'danger' }
    case 'handoff_invalid':
      return { title: p.handoffInvalidTitle, body: p.handoffInvalidBody, tone: 'danger' }
    case 'handoff_finished':
      return { title: p.handoffEndedTitle, body: p.handoffEndedBody, tone: undefined }
    case 'camera_denied':
    case 'no_camera':
    case 'flow_failed':
    case 'handoff':
      return { title: '', body: '', tone: undefined }
    case 'rate_limited':
      return { title: p.rateLimitedTitle, body: w.errorRateLimited, tone: 'busy' }
    case 'offline':
      return { title: p.offlineTitle, body: p.offlineBody, tone: 'danger' }
    case 'error':
      return { title: p.errorTitle, body: w.errorGeneric, tone: 'danger', action: retry }
  }
}

export interface StateActions {
  start(): void
  cancel(): void
}

/** The card of one state: its heading, copy and next step, and `extras` (the rate limit's countdown) under the copy. */
export function stateContent(
  view: HostedView,
  strings: HostedStrings,
  phone: boolean,
  actions: StateActions,
  extras: readonly Node[] = [],
): CardContent {
  const { title, body, tone, action } = describeView(view, strings, phone)
  return {
    view: view.kind,
    tone,
    busy: tone === 'busy',
    title,
    body,
    extras,
    actions: action ? [{ label: action.label, run: actions[action.run], secondary: action.secondary }] : [],
  }
}
