import { isTerminal, mergeStatus } from '../../core/status'
import type { SessionStatus } from '../../core/types'
import { badRequest, HttpError, notFound, ProviderError } from '../errors'
import { storeKeys } from '../keys'
import type { ResolvedOptions } from '../options'
import type { ProviderAdapter } from '../providers/types'
import type { Identity, SessionStore, StatusTransition, StoredSession, WebhookEventRecord } from '../types'
import { randomHex } from '../util/crypto'
import type { SessionEvents } from './fanout'
import type { Limits } from './limits'
import type { Metrics } from './metrics'
import { toSnapshot } from './views'

export interface SessionServiceDeps {
  store: SessionStore
  adapters: ReadonlyMap<string, ProviderAdapter>
  options: ResolvedOptions
  limits: Limits
  /** Open streams of this process. */
  fanout: SessionEvents
  /** Looks for outbox entries to deliver. */
  wakeOutbox: () => void
  /** Provider names this package knows, configured or not (for a clearer 400). */
  knownProviders: readonly string[]
  metrics: Metrics
}

/** A creation still unanswered after this long was abandoned (its process died): another may start over. */
const ABANDONED_CREATION_MS = 60_000
const CREATION_POLL_MS = 100
/** Status only moves forward through four ranks: more conflicts than this mean something is wrong. */
const MAX_CONFLICTS = 8

const iso = (ms = Date.now()) => new Date(ms).toISOString()
const newSessionId = () => `vws_${randomHex(16)}`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A provider 404: the session it was asked about does not exist (any more). */
const isGone = (error: unknown) => error instanceof ProviderError && error.status === 404

export function unknownStatus(adapter: ProviderAdapter, raw: string): ProviderError {
  return new ProviderError('api_error', `${adapter.label} sent a session status this version does not know: "${raw}".`, 200, {
    code: 'unknown_status',
  })
}

/**
 * The one owner of the status rules: every transition is decided here (monotonic, through
 * `mergeStatus`), written by the store as a compare-and-set with its outbox row, then announced to
 * open streams and the outbox. Creation is serialised by the store's one-open-session rule alone:
 * the request whose row wins asks the provider; the others wait for that row to be started.
 */
export function createSessionService(deps: SessionServiceDeps) {
  const { store, adapters, options, limits, fanout } = deps
  const reads = { count: 0 }

  function adapterFor(name: string): ProviderAdapter {
    const adapter = adapters.get(name)
    if (adapter) return adapter
    if (deps.knownProviders.includes(name))
      throw badRequest('provider_not_configured', `The ${name} provider is not configured on this backend.`)
    throw badRequest(
      'invalid_provider',
      `provider must be one of: ${[...adapters.keys()].map((n) => `"${n}"`).join(', ') || '(none configured)'}.`,
    )
  }

  /** The row that takes the user's one open session for `provider` before any provider call (providerSessionId ''). */
  function placeholder(user: Identity, provider: string): StoredSession {
    const now = iso()
    return {
      id: newSessionId(),
      userId: user.id,
      provider,
      providerSessionId: '',
      status: 'requires_input',
      url: '',
      livemode: adapterFor(provider).livemode,
      createdAt: now,
      updatedAt: now,
    }
  }

  /** The transition `status` makes from `current`, with its outbox row; undefined when it changes nothing. */
  function transitionFor(current: StoredSession, status: SessionStatus, at: string): StatusTransition | undefined {
    const to = mergeStatus(current.status, status)
    if (to === current.status) return undefined
    const clearSecrets = isTerminal(to)
    const after = afterTransition(current, to, at, clearSecrets)
    // A status is reached at most once (it only moves forward): `<id>.<status>` names the transition everywhere.
    const eventId = `${current.id}.${to}`
    const change = { eventId, userId: current.userId, session: toSnapshot(after), previousStatus: current.status, status: to, at }
    return { sessionId: current.id, from: current.status, to, at, clearSecrets, outbox: { id: eventId, change } }
  }

  function afterTransition(current: StoredSession, to: SessionStatus, at: string, clearSecrets: boolean): StoredSession {
    const after: StoredSession = { ...current, status: to, updatedAt: at }
    if (clearSecrets) {
      delete after.clientSecret
      after.url = ''
    }
    return after
  }

  /** A transition committed (with its outbox row): tell open streams, and deliver the hook now. */
  function committed(session: StoredSession): void {
    if (isTerminal(session.status)) deps.metrics.sessionFinished(session.provider, session.status)
    fanout.publish(session)
    deps.wakeOutbox()
  }

  /** Applies `status` with the monotonic rule; the session as it is afterwards. */
  async function applyStatus(sessionId: string, status: SessionStatus, at = iso()): Promise<StoredSession | undefined> {
    for (let i = 0; i < MAX_CONFLICTS; i++) {
      const current = await store.get(sessionId)
      if (!current) return undefined
      const transition = transitionFor(current, status, at)
      if (!transition) return current
      const result = await store.transition(transition)
      if (result === 'missing') return undefined
      if (result === 'applied') {
        const after = afterTransition(current, transition.to, at, transition.clearSecrets)
        committed(after)
        return after
      }
    }
    throw new Error(`The status of session ${sessionId} kept changing while ${status} was applied.`)
  }

  /**
   * How long this session's next provider read must wait, or undefined when it needs none now.
   * With webhooks, they are the status source: a session is read only once nothing was heard of it
   * for `statusFallbackAfterMs`, then with backoff (half the quiet time, up to 10 min). Without,
   * reads are the only source: every `statusCacheMs` at first, backing off to 1 min.
   */
  function readIntervalMs(adapter: ProviderAdapter, session: StoredSession): number | undefined {
    const quietMs = Math.max(0, Date.now() - Date.parse(session.updatedAt))
    const base = options.statusCacheMs
    if (adapter.webhook) {
      const after = options.statusFallbackAfterMs
      return quietMs < after ? undefined : Math.min(600_000, Math.max(after, base, quietMs / 2))
    }
    return Math.min(Math.max(base, 60_000), Math.max(base, quietMs / 4))
  }

  /**
   * The session, brought up to date with the provider when a read is due: a slow fallback for a
   * webhook that is late or lost. One read per session at a time across every instance (a lease in
   * the store), on the `background` share of the key's budget, so however many tabs, streams or
   * instances ask, the provider sees at most one read per session per interval. Provider trouble is
   * not the browser's problem: the stored status stands and webhooks catch up.
   */
  async function sync(session: StoredSession): Promise<StoredSession> {
    // Open far too long (a provider that never expires sessions, a person who left): over, locally.
    if (!isTerminal(session.status) && Date.now() - Date.parse(session.createdAt) > options.retention.openSessionMs) {
      return (await applyStatus(session.id, 'expired')) ?? session
    }
    const adapter = adapters.get(session.provider)
    if (!adapter?.retrieve || isTerminal(session.status) || session.providerSessionId === '') return session
    const intervalMs = readIntervalMs(adapter, session)
    if (intervalMs === undefined || !(await store.lease(storeKeys.readLease(session.id), intervalMs))) return session
    reads.count++
    try {
      const remote = await adapter.retrieve(session.providerSessionId, 'background')
      if (remote.status) await applyStatus(session.id, remote.status)
      // A status we do not know keeps what we have; the integrator hears about it instead of a guess.
      else options.report(unknownStatus(adapter, remote.raw))
    } catch (error) {
      // The provider no longer knows the session (it expired there, or a sandbox restarted): it is
      // over. Left open, every create would hand the same dead session back.
      if (isGone(error)) await applyStatus(session.id, 'expired')
      else if (!(error instanceof ProviderError && error.type === 'rate_limit_error')) options.report(error)
    }
    return (await store.get(session.id)) ?? session
  }

  /**
   * The session with its provider session. One that waits for its device (a handoff link, no
   * provider asked yet) is started now, by one request across instances (a lease); a creation in
   * progress elsewhere is waited for. Undefined when that creation failed or was abandoned: the
   * caller starts over.
   */
  async function ensureStarted(session: StoredSession, country?: string): Promise<StoredSession | undefined> {
    let current: StoredSession | undefined = session
    while (current && current.providerSessionId === '' && !isTerminal(current.status)) {
      if (current.handoff) {
        if (await store.lease(storeKeys.startLease(current.id), ABANDONED_CREATION_MS)) {
          const started = await start(adapterFor(current.provider), current, country)
          deps.metrics.sessionCreated(current.provider)
          return started
        }
      } else if (Date.now() - Date.parse(current.createdAt) > ABANDONED_CREATION_MS) {
        await store.discardUnstarted(current.id, iso(Date.now() - ABANDONED_CREATION_MS))
        return undefined
      }
      await sleep(CREATION_POLL_MS)
      current = await store.get(current.id)
    }
    return current
  }

  /** Asks the provider for our new session `row` and stores what it answered. */
  async function start(adapter: ProviderAdapter, row: StoredSession, country: string | undefined): Promise<StoredSession> {
    const remote = await adapter.create(country ? { sessionId: row.id, country } : { sessionId: row.id }, 'create')
    const started = await store.update(row.id, {
      providerSessionId: remote.providerSessionId,
      url: remote.url,
      livemode: remote.livemode,
      ...(remote.clientSecret ? { clientSecret: remote.clientSecret } : {}),
      ...(remote.expiresAt ? { expiresAt: remote.expiresAt } : {}),
    })
    if (!started) throw new Error(`Session ${row.id} disappeared while it was being created.`)
    return remote.status === started.status ? started : ((await applyStatus(row.id, remote.status)) ?? started)
  }

  return {
    /** Provider status reads this process started (benchmarks, tests). */
    reads,
    adapterFor,
    applyStatus,
    sync,
    ensureStarted,
    /** Tells this instance's open streams of the session (a change that is not a status: its handoff). */
    publish: (session: StoredSession) => fanout.publish(session),

    /**
     * The user's open session for `provider` as it is, or a new one that waits for a second device:
     * no provider is asked (a desktop without a camera never spends a provider call), the creation
     * limits still count.
     */
    async openOrDeferred(user: Identity, provider: string, address: string | undefined): Promise<StoredSession> {
      adapterFor(provider)
      for (let round = 0; round < MAX_CONFLICTS; round++) {
        const found = await store.findOpen(user.id, provider)
        if (found) return found
        const ticket = await limits.create(user, address)
        const inserted = await store.insertOpen({ ...placeholder(user, provider), handoff: 'waiting' })
        if (inserted.created) return inserted.session
        await ticket.release()
      }
      throw new HttpError(409, 'invalid_request_error', 'session_busy', 'This verification is changing right now. Try again.')
    },

    /** A flow of its own for the device that opened a handoff link: the session started, or a new client secret. */
    async flowForDevice(session: StoredSession): Promise<StoredSession> {
      const started = await ensureStarted(session)
      if (!started) throw new HttpError(409, 'invalid_request_error', 'session_busy', 'This verification is changing right now. Try again.')
      if (started.id === session.id && session.providerSessionId === '') return started
      const adapter = adapterFor(started.provider)
      if (!adapter.renewSecret || isTerminal(started.status)) return started
      const secret = await adapter.renewSecret(started.providerSessionId, 'refresh').catch(async (error: unknown) => {
        if (!isGone(error)) throw error
        await applyStatus(started.id, 'expired')
        throw new HttpError(
          410,
          'invalid_request_error',
          'session_finished',
          'This verification has ended; start a new one on your computer.',
        )
      })
      const renewed = await store.update(started.id, {
        url: secret.url,
        ...(secret.clientSecret ? { clientSecret: secret.clientSecret } : {}),
        ...(secret.expiresAt ? { expiresAt: secret.expiresAt } : {}),
      })
      return renewed ?? started
    },

    /**
     * The user's open session for `provider`, or a new one. The store's one-open-session rule
     * decides between racing requests (double clicks, two tabs, two instances): only the request
     * whose row it takes asks the provider, after the creation limits (a refused or failed attempt
     * counts for nothing).
     */
    async create(user: Identity, provider: string, country: string | undefined, address: string | undefined) {
      const adapter = adapterFor(provider)
      for (let round = 0; round < MAX_CONFLICTS; round++) {
        const found = await store.findOpen(user.id, provider)
        if (found) {
          const started = await ensureStarted(found, country)
          // A lost webhook may hide that the open session already ended: check before handing it out again.
          const open = started ? await sync(started) : undefined
          if (open && !isTerminal(open.status)) return { session: open, created: false }
          continue
        }
        const ticket = await limits.create(user, address)
        const row = placeholder(user, provider)
        const inserted = await store.insertOpen(row)
        if (!inserted.created) {
          await ticket.release()
          continue
        }
        try {
          const session = await start(adapter, row, country)
          deps.metrics.sessionCreated(provider)
          return { session, created: true }
        } catch (error) {
          await Promise.all([ticket.release(), store.discardUnstarted(row.id, iso(Date.now() + 1000))])
          throw error
        }
      }
      throw new HttpError(409, 'invalid_request_error', 'session_busy', 'This verification is changing right now. Try again.')
    },

    /** The caller's own session; another user's is indistinguishable from a missing one. */
    async own(user: Identity, id: string): Promise<StoredSession> {
      const session = await store.get(id)
      if (!session || session.userId !== user.id) throw notFound()
      return session
    },

    /** A new client secret (a new flow) for an open session, within the refresh limits. */
    async renewSecret(user: Identity, session: StoredSession, address: string | undefined) {
      const adapter = adapterFor(session.provider)
      if (!adapter.renewSecret) throw badRequest('refresh_not_supported', `${adapter.label} sessions have no client secret to refresh.`)
      if (isTerminal(session.status)) throw badRequest('session_finished', `This session is already ${session.status}; start a new one.`)
      if (session.providerSessionId === '') throw badRequest('session_not_started', 'This session has not started yet.')
      const ticket = await limits.refresh(user, session.id, address)
      let secret: Awaited<ReturnType<NonNullable<ProviderAdapter['renewSecret']>>>
      try {
        secret = await adapter.renewSecret(session.providerSessionId, 'refresh')
      } catch (error) {
        // A failed attempt does not count against the person (the key's budget still counts what reached the provider).
        await ticket.release()
        if (!isGone(error)) throw error
        await applyStatus(session.id, 'expired')
        throw badRequest('session_finished', 'This session has expired; start a new one.')
      }
      const fresh = {
        url: secret.url,
        ...(secret.clientSecret ? { clientSecret: secret.clientSecret } : {}),
        ...(secret.expiresAt ? { expiresAt: secret.expiresAt } : {}),
      }
      await store.update(session.id, fresh)
      return { sessionId: session.id, ...fresh }
    },

    cancel: (session: StoredSession) => applyStatus(session.id, 'canceled'),

    /**
     * A provider webhook: its signature over the raw body first (401 otherwise), each event
     * recorded once by id and applied in the same transaction, status merged with the monotonic
     * rule so that duplicates and late events change nothing.
     */
    async receiveWebhook(provider: string, raw: string, headers: Headers): Promise<{ duplicate: boolean }> {
      const adapter = adapters.get(provider)
      if (!adapter?.webhook)
        throw new HttpError(404, 'not_found_error', 'webhooks_not_configured', `No ${provider} webhook secret is configured.`)
      if (!(await adapter.webhook.verify(raw, headers))) {
        deps.metrics.webhook(provider, 'invalid_signature')
        throw new HttpError(401, 'authentication_error', 'invalid_signature', 'The webhook signature does not match.')
      }
      let event: Awaited<ReturnType<NonNullable<ProviderAdapter['webhook']>['parse']>>
      try {
        let body: unknown
        try {
          body = JSON.parse(raw)
        } catch {
          throw badRequest('invalid_json', 'The webhook body is not valid JSON.')
        }
        event = await adapter.webhook.parse(body, raw, headers)
      } catch (error) {
        deps.metrics.webhook(provider, 'invalid')
        throw error
      }
      const own = event.sessionId ? await store.get(event.sessionId) : undefined
      const session =
        own?.provider === provider
          ? own
          : event.providerSessionId
            ? await store.findByProviderId(provider, event.providerSessionId)
            : undefined
      // Resolved before anything is written: if the provider read fails we answer 5xx and the
      // redelivery is applied, not taken for a duplicate.
      let status = event.status
      if (!status && session && adapter.retrieve && session.providerSessionId !== '') {
        // The whole budget: this read is what makes a webhook land.
        const remote = await adapter.retrieve(session.providerSessionId, 'webhook').catch((error: unknown) => {
          // Gone at the provider: the session can never finish (see sync).
          if (isGone(error)) return { status: 'expired' as const, raw: 'not_found' }
          throw error
        })
        if (!remote.status) options.report(unknownStatus(adapter, remote.raw))
        status = remote.status
      }
      const receivedAt = iso()
      const record: WebhookEventRecord = {
        provider,
        eventId: event.eventId,
        type: event.type,
        receivedAt,
        ...(session ? { sessionId: session.id } : {}),
      }
      for (let i = 0; i < MAX_CONFLICTS; i++) {
        const current = session && status ? await store.get(session.id) : undefined
        const transition = current && status ? transitionFor(current, status, receivedAt) : undefined
        // Recorded and applied in one transaction: if the apply fails nothing is recorded, so the
        // provider's redelivery applies it.
        const result = await store.recordEvent(record, transition)
        if (result === 'duplicate') {
          deps.metrics.webhook(provider, 'duplicate')
          return { duplicate: true }
        }
        if (result === 'recorded') {
          deps.metrics.webhook(provider, session ? 'applied' : 'unmatched')
          if (current && transition) committed(afterTransition(current, transition.to, receivedAt, transition.clearSecrets))
          return { duplicate: false }
        }
      }
      throw new Error(`The status of session ${session?.id} kept changing while a webhook was applied.`)
    },

    async latest(userId: string, provider?: string) {
      const session = await store.latest(userId, provider)
      return session ? toSnapshot(session) : undefined
    },
  }
}

export type SessionService = ReturnType<typeof createSessionService>
