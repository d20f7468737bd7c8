import { isRecord } from '../../core/guards'
import { badRequest } from '../errors'
import { sha256Hex } from '../util/crypto'

export const nonEmpty = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)

/** A verified webhook body as a JSON object (400 otherwise), with its nested `data` object. */
export function eventObject(body: unknown): { body: Record<string, unknown>; data: Record<string, unknown> } {
  if (!isRecord(body)) throw badRequest('invalid_event', 'The webhook body is not a JSON object.')
  return { body, data: isRecord(body.data) ? body.data : {} }
}

/**
 * The dedupe key must be covered by the signature, or a captured body replayed under a new header
 * id would count as a new event: the id inside the signed body, else the unsigned header id only
 * together with a digest of the body. 400 when there is neither, or no type.
 */
export async function eventIdentity(
  body: Record<string, unknown>,
  headerId: string | null,
  raw: string,
): Promise<{ eventId: string; type: string }> {
  const inBody = nonEmpty(body.id) ?? nonEmpty(body.eventId)
  const header = nonEmpty(headerId)
  const eventId = inBody ?? (header ? `${header}:${await sha256Hex(raw)}` : undefined)
  const type = nonEmpty(body.type) ?? nonEmpty(body.event)
  if (!eventId || !type) throw badRequest('invalid_event', 'The webhook event has no id or type.')
  return { eventId, type }
}
