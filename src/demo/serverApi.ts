import { isRecord } from '../core/guards'

/** The demo server's own routes (scripts/lib/demo-outcomes.ts), beside the widget's backend. */
export const demoKeys = {
  all: ['demo-server'] as const,
  members: () => [...demoKeys.all, 'members'] as const,
  outcomes: () => [...demoKeys.all, 'outcomes'] as const,
}

export type MembersAnswer = { locked: true; message: string } | { locked: false; message: string; verifiedAt: string }

const messageOf = (body: unknown) =>
  isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string' ? body.error.message : ''

export async function fetchMembers(): Promise<MembersAnswer> {
  const response = await fetch('/demo-api/members', { credentials: 'same-origin' })
  const body: unknown = await response.json().catch(() => undefined)
  if (response.status === 403 || response.status === 401) return { locked: true, message: messageOf(body) }
  if (!response.ok || !isRecord(body)) throw new Error(messageOf(body) || `The members route answered ${response.status}.`)
  return { locked: false, message: String(body.message), verifiedAt: String(body.verifiedAt) }
}

export interface ServerChange {
  eventId: string
  previousStatus: string
  status: string
  at: string
  deliveredAt: string
  session: { sessionId: string; provider: string }
}

export async function fetchOutcomes(): Promise<ServerChange[]> {
  const response = await fetch('/demo-api/outcomes', { credentials: 'same-origin' })
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok || !isRecord(body) || !Array.isArray(body.changes)) throw new Error(messageOf(body) || `Answered ${response.status}.`)
  return body.changes as ServerChange[]
}
