import { createHash } from 'node:crypto'
import { isRecord } from '../../core/guards'
import { mapWebhookEventType } from '../../core/provider-status'
import type { Provider, SessionStatus } from '../../core/types'
import { type HandlerContext, isGoneAtProvider, statusChanged, unknownStatus } from '../context'
import { badRequest, HttpError } from '../errors'
import { json, readText } from '../http'
import type { StoredSession } from '../types'
import { faceSignSignatureHeader, verifyWebhookSignature } from '../webhooks'

interface ParsedEvent {
  eventId: string
  type: string
  /** The provider's own session id (FaceSign `data.id`, FaceVerify `sessionId`). */
  providerSessionId: string | undefined
  /** FaceVerify's uniqueIdentifier: our own session id, which we sent when creating it. */
  ourId: string | undefined
  status: SessionStatus | undefined
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * The dedupe key must be covered by the signature, or a captured body replayed under a new header
 * id would count as a new event: the id inside the signed body, else the unsigned header id only
 * together with a digest of the body.
 */
function signedEventId(body: Record<string, unknown>, headerId: string | null, raw: string): string | undefined {
  const inBody = str(body.id) ?? str(body.eventId)
  if (inBody) return inBody
  const header = str(headerId)
  return header ? `${header}:${createHash('sha256').update(raw).digest('hex')}` : undefined
}

function parseEvent(provider: Provider, body: unknown, headerId: string | null, raw: string): ParsedEvent {
  if (!isRecord(body)) throw badRequest('invalid_event', 'The webhook body is not a JSON object.')
  const data = isRecord(body.data) ? body.data : {}
  const eventId = signedEventId(body, headerId, raw)
  const type = str(body.type) ?? str(body.event)
  if (!eventId || !type) throw badRequest('invalid_event', 'The webhook event has no id or type.')
  const providerSessionId = provider === 'facesign' ? (str(data.id) ?? str(data.sessionId) ?? str(body.sessionId)) : str(body.sessionId)
  const ourId = provider === 'faceverify' ? (str(body.uniqueIdentifier) ?? str(data.uniqueIdentifier)) : undefined
  return { eventId, type, providerSessionId, ourId, status: mapWebhookEventType(type) }
}

async function findSession(ctx: HandlerContext, provider: Provider, event: ParsedEvent): Promise<StoredSession | undefined> {
  const own = event.ourId ? await ctx.store.get(event.ourId) : undefined
  if (own?.provider === provider) return own
  return event.providerSessionId ? ctx.store.findByProviderId(provider, event.providerSessionId) : undefined
}

/** FaceSign's newer `session.status` event carries no status: read it from the provider. */
async function resolveStatus(ctx: HandlerContext, session: StoredSession, event: ParsedEvent): Promise<SessionStatus | undefined> {
  if (event.status || session.provider !== 'facesign' || !ctx.facesign) return event.status
  const remote = await ctx.facesign.retrieveSession(session.providerSessionId).catch((error: unknown) => {
    // Gone at the provider: the session can never finish (see refreshFromProvider).
    if (isGoneAtProvider(error)) return { status: 'expired' as const, rawStatus: 'not_found' }
    throw error
  })
  if (!remote.status) ctx.options.onError?.(unknownStatus(remote.rawStatus))
  return remote.status
}

/**
 * A provider webhook: signature over the raw body first (401 otherwise), each event applied once
 * by id, status merged with the monotonic rule so duplicates and late events change nothing.
 */
export async function receiveWebhook(ctx: HandlerContext, request: Request, provider: Provider): Promise<Response> {
  const secret = provider === 'facesign' ? ctx.options.facesign?.webhookSecret : ctx.options.faceverify?.secretKey
  if (!secret) throw new HttpError(404, 'not_found_error', 'webhooks_not_configured', `No ${provider} webhook secret is configured.`)
  const raw = await readText(request, ctx.maxBodyBytes)
  const signature = provider === 'facesign' ? faceSignSignatureHeader(request.headers) : request.headers.get('x-hmac-signature')
  if (!verifyWebhookSignature(raw, signature, secret)) {
    throw new HttpError(401, 'authentication_error', 'invalid_signature', 'The webhook signature does not match.')
  }
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw badRequest('invalid_json', 'The webhook body is not valid JSON.')
  }
  const event = parseEvent(provider, body, provider === 'facesign' ? request.headers.get('facesign-event-id') : null, raw)
  const session = await findSession(ctx, provider, event)
  // Resolved before anything is written: if the provider read fails we answer 5xx and the
  // redelivery is applied, not taken for a duplicate.
  const status = session ? await resolveStatus(ctx, session, event) : undefined
  const record = {
    provider,
    eventId: event.eventId,
    type: event.type,
    ...(session ? { sessionId: session.id } : {}),
    receivedAt: new Date().toISOString(),
  }
  // Recorded and applied in one transaction: if the apply fails nothing is recorded, so the
  // provider's redelivery applies it.
  const { duplicate, result } = await ctx.store.applyEvent(record, status)
  if (duplicate) return json({ received: true, duplicate: true })
  if (result?.changed) statusChanged(ctx, result.session)
  return json({ received: true })
}
