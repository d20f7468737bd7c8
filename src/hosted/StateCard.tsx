import { type ReactNode, type RefObject, useState } from 'react'
import { formatMessage } from '../react/locales/format'
import type { HostedStrings } from './strings'
import { useCountdown } from './useCountdown'
import type { HostedView } from './view'

export interface StateCardProps {
  view: HostedView
  strings: HostedStrings
  /** This page runs on the phone a link was opened on: a result sends the person back to the computer. */
  phone?: boolean
  headingRef: RefObject<HTMLHeadingElement | null>
  onStart: () => void
  onCancel: () => void
  /** The FaceSign flow, shown while the person still has steps to do. */
  flow?: ReactNode
}

type Tone = 'busy' | 'success' | 'danger' | undefined

interface Content {
  title: string
  body: string
  tone: Tone
  action?: { label: string; run: 'start' | 'cancel'; variant?: 'secondary' }
}

/**
 * Title, copy, tone and next step of each state. What shows instead of the flow (a blocked camera, a link
 * to a phone) is DeviceCard's, with strings of its own: its title here is empty. On the phone a result
 * sends the person back to the computer, which has the next step.
 */
export function describeView(view: HostedView, { widget: w, page: p }: HostedStrings, phone = false): Content {
  const retry = { label: w.retry, run: 'start' } as const
  const startAgain = { label: p.startAgain, run: 'start' } as const
  const cancel = { label: p.cancel, run: 'cancel', variant: 'secondary' } as const
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

/** Waits out a 429's Retry-After, then tries again by itself. */
function RateLimitCountdown({ retryAfterMs, strings, onDone }: { retryAfterMs: number; strings: HostedStrings; onDone: () => void }) {
  // Fixed at mount: each 429 passes through `starting` first, which mounts a fresh countdown.
  const [until] = useState(() => Date.now() + retryAfterMs)
  const seconds = useCountdown(until, onDone)
  return <p className="vwh-countdown">{formatMessage(strings.page.rateLimitedBody, { seconds }, strings.locale)}</p>
}

/** One state of the page: a heading that takes focus when the state changes, its copy, its next step. */
export function StateCard({ view, strings, phone, headingRef, onStart, onCancel, flow }: StateCardProps) {
  const content = describeView(view, strings, phone)
  const { action } = content
  return (
    <section
      className="vwh-card"
      data-tone={content.tone}
      data-view={view.kind}
      aria-labelledby="vwh-state-title"
      aria-busy={content.tone === 'busy'}
    >
      <h2 id="vwh-state-title" ref={headingRef} tabIndex={-1}>
        {content.title}
      </h2>
      <p>{content.body}</p>
      {view.kind === 'rate_limited' && <RateLimitCountdown retryAfterMs={view.retryAfterMs} strings={strings} onDone={onStart} />}
      {action && (
        <div className="vwh-actions">
          <button type="button" className="vwh-button" data-variant={action.variant} onClick={action.run === 'start' ? onStart : onCancel}>
            {action.label}
          </button>
        </div>
      )}
      {flow}
    </section>
  )
}
