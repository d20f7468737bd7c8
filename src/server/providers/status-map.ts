import type { SessionStatus } from '../../core/types'

// Provider vocabularies mapped onto the one status model. Only the backend (src/server) reads
// provider statuses and webhook events, so this module stays out of the browser entry.

/**
 * Maps every FaceSign status variant (the original API and the newer one) onto the model.
 * Returns `undefined` for a status we do not know, so callers keep what they have and log it
 * instead of guessing.
 */
export function mapFaceSignStatus(status: unknown, isVerified?: unknown): SessionStatus | undefined {
  switch (status) {
    case 'requiresInput':
    case 'created':
      return 'requires_input'
    case 'inProgress':
      return 'in_progress'
    case 'processing':
      return 'processing'
    case 'complete':
    case 'completed':
      return isVerified === true ? 'verified' : 'failed'
    case 'canceled':
    case 'cancelled':
      return 'canceled'
    // The newer API's `incomplete` is a session that ended without a result (abandoned or timed
    // out): the person has to start again, which is what `expired` tells them.
    case 'incomplete':
    case 'expired':
      return 'expired'
    default:
      return undefined
  }
}

const EVENT_STATUS: Record<string, SessionStatus> = {
  'session.created': 'requires_input',
  'session.started': 'in_progress',
  'session.processing': 'processing',
  'session.verified': 'verified',
  'session.failed': 'failed',
  'session.cancelled': 'canceled',
  'session.canceled': 'canceled',
  'session.expired': 'expired',
}

/**
 * Maps a webhook event type (both providers use `session.*`) to a status.
 * `undefined` means the event carries no status of its own (FaceSign's newer `session.status`):
 * the caller refetches the session from the provider.
 */
export function mapWebhookEventType(type: unknown): SessionStatus | undefined {
  return typeof type === 'string' && Object.hasOwn(EVENT_STATUS, type) ? EVENT_STATUS[type] : undefined
}
