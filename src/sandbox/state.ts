import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { FlowOutcome, SandboxOptions, SandboxProvider, SandboxSessionView } from './types'
import type { WebhookSender } from './webhook-sender'

export interface SandboxSession {
  provider: SandboxProvider
  id: string
  /** FaceSign's raw status (`requiresInput`, `inProgress`, `complete`, `canceled`) or FaceVerify's. */
  status: string
  isVerified?: boolean
  /** FaceSign: the only client secret that still opens the flow (a refresh replaces it). */
  clientSecret?: string
  secretExpiresAt?: number
  /** FaceVerify: the token in the session link. */
  token?: string
  uniqueIdentifier?: string
  apiKey: string
  createdAt: number
}

export const token = (bytes = 16) => randomBytes(bytes).toString('hex')

const FINISHED = new Set(['complete', 'canceled', 'verified', 'failed', 'expired'])
export const isFinished = (s: SandboxSession) => FINISHED.has(s.status)

/** Sessions of both emulated providers and what happens to them; webhooks go out on every change. */
export class SandboxState {
  readonly sessions = new Map<string, SandboxSession>()
  readonly idempotency = new Map<string, string>()
  baseUrl = ''

  constructor(
    readonly options: SandboxOptions,
    readonly webhooks: WebhookSender,
    readonly webhookUrls: Record<SandboxProvider, string | undefined>,
  ) {
    this.load()
  }

  /** A new session (and the Idempotency-Key it was made under), kept. */
  add(session: SandboxSession, idempotencyKey?: string): void {
    this.sessions.set(session.id, session)
    if (idempotencyKey) this.idempotency.set(idempotencyKey, session.id)
    this.save()
  }

  // With `stateFile` the sessions outlive a restart, as a real provider's do: a flow that was open
  // before `npm start` restarted still opens after it.
  private load(): void {
    const file = this.options.stateFile
    if (!file || !existsSync(file)) return
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { sessions?: SandboxSession[]; idempotency?: [string, string][] }
      for (const session of saved.sessions ?? []) this.sessions.set(session.id, session)
      for (const [key, id] of saved.idempotency ?? []) this.idempotency.set(key, id)
    } catch (error) {
      throw new Error(`The sandbox state file ${file} cannot be read; delete it to start with no sessions.`, { cause: error })
    }
  }

  private save(): void {
    const file = this.options.stateFile
    if (!file) return
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    // Written whole and renamed into place: a process killed mid-write leaves the previous file.
    const next = `${file}.${process.pid}.tmp`
    writeFileSync(next, JSON.stringify({ sessions: [...this.sessions.values()], idempotency: [...this.idempotency] }), { mode: 0o600 })
    renameSync(next, file)
  }

  find(id: string): SandboxSession | undefined {
    const direct = this.sessions.get(id)
    if (direct) return direct
    for (const s of this.sessions.values()) if (s.uniqueIdentifier === id || s.token === id || s.clientSecret === id) return s
    return undefined
  }

  newSecret(session: SandboxSession): void {
    session.clientSecret = `${session.id}_secret_${token(12)}`
    session.secretExpiresAt = Date.now() + (this.options.facesign?.secretTtlMs ?? 10 * 60_000)
    this.save()
  }

  facesignFlowUrl(session: SandboxSession): string {
    return `${this.baseUrl}/facesign/flow?client_secret=${encodeURIComponent(session.clientSecret ?? '')}`
  }

  faceverifyLink(session: SandboxSession): string {
    return `${this.baseUrl}/faceverify/s/${session.token}`
  }

  start(session: SandboxSession): void {
    // Only a session nobody has started yet starts (a finished one never does).
    if (session.status !== 'requiresInput' && session.status !== 'created') return
    session.status = session.provider === 'facesign' ? 'inProgress' : 'started'
    this.emit(session, 'session.started')
  }

  complete(session: SandboxSession, outcome: FlowOutcome): void {
    if (isFinished(session)) return
    if (outcome === 'cancel') {
      session.status = 'canceled'
      this.emit(session, session.provider === 'facesign' ? 'session.cancelled' : 'session.canceled')
      return
    }
    session.isVerified = outcome === 'pass'
    session.status = session.provider === 'facesign' ? 'complete' : outcome === 'pass' ? 'verified' : 'failed'
    this.emit(session, outcome === 'pass' ? 'session.verified' : 'session.failed')
  }

  expire(session: SandboxSession): void {
    if (isFinished(session)) return
    session.status = 'expired'
    this.emit(session, 'session.expired')
  }

  private emit(session: SandboxSession, type: string): void {
    this.save()
    if (session.provider === 'facesign') {
      const data = {
        id: session.id,
        status: session.status,
        ...(session.isVerified === undefined ? {} : { report: { isVerified: session.isVerified } }),
      }
      this.webhooks.send('facesign', this.webhookUrls.facesign, this.options.facesign?.webhookSecret, type, { data })
      return
    }
    // FaceVerify documents no webhooks; this is the shape the backend's adapter assumes.
    if (type === 'session.started') return
    const payload = { sessionId: session.id, ...(session.uniqueIdentifier ? { uniqueIdentifier: session.uniqueIdentifier } : {}) }
    this.webhooks.send('faceverify', this.webhookUrls.faceverify, this.options.faceverify?.secretKey, type, payload)
  }

  view(session: SandboxSession): SandboxSessionView {
    const url = session.provider === 'facesign' ? this.facesignFlowUrl(session) : this.faceverifyLink(session)
    const view: SandboxSessionView = { provider: session.provider, id: session.id, status: session.status, url }
    if (session.isVerified !== undefined) view.isVerified = session.isVerified
    if (session.uniqueIdentifier) view.uniqueIdentifier = session.uniqueIdentifier
    return view
  }
}
