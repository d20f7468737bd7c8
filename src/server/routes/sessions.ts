import { randomBytes } from 'node:crypto'
import { isProvider } from '../../core/guards'
import { isTerminal } from '../../core/status'
import type { Provider } from '../../core/types'
import { applyStatus, type HandlerContext, isGoneAtProvider, refreshFromProvider, toSnapshot, toVerificationSession } from '../context'
import { isCountryCode } from '../countries'
import { badRequest, HttpError } from '../errors'
import { json, readJsonObject } from '../http'
import { checkOrigin, requireIdentity, requireOwnSession } from '../request-guards'
import type { Identity, StoredSession } from '../types'

const newSessionId = () => `vws_${randomBytes(16).toString('hex')}`

function parseCreateBody(body: Record<string, unknown>): { provider: Provider; country?: string } {
  if (!isProvider(body.provider)) throw badRequest('invalid_provider', 'provider must be "facesign" or "faceverify".')
  if (body.country === undefined) return { provider: body.provider }
  if (!isCountryCode(body.country)) throw badRequest('invalid_country', 'country must be an ISO 3166-1 alpha-2 code such as "US".')
  return { provider: body.provider, country: body.country }
}

async function createWithProvider(ctx: HandlerContext, user: Identity, provider: Provider, country?: string): Promise<StoredSession> {
  const id = newSessionId()
  const now = new Date().toISOString()
  const base = { id, userId: user.id, provider, createdAt: now, updatedAt: now }
  if (provider === 'facesign') {
    if (!ctx.facesign) throw badRequest('provider_not_configured', 'FaceSign is not configured on this backend.')
    const remote = await ctx.facesign.createSession({ idempotencyKey: id })
    const { clientSecret, url, expiresAt } = remote
    if (!clientSecret) throw new HttpError(502, 'api_error', 'provider_invalid_response', 'FaceSign sent no client secret.')
    const session: StoredSession = {
      ...base,
      providerSessionId: remote.id,
      status: remote.status ?? 'requires_input',
      clientSecret,
      url: ctx.facesign.flowUrl({ clientSecret, url }),
      livemode: remote.livemode ?? ctx.facesign.livemode,
    }
    if (expiresAt) session.expiresAt = expiresAt
    return session
  }
  if (!ctx.faceverify) throw badRequest('provider_not_configured', 'FaceVerify is not configured on this backend.')
  // Our session id doubles as the uniqueIdentifier: webhooks name it, and the user id never leaves us.
  const remote = await ctx.faceverify.createSession({ uniqueIdentifier: id, ...(country ? { country } : {}) })
  return {
    ...base,
    providerSessionId: remote.id ?? id,
    status: 'requires_input',
    url: remote.url,
    livemode: !ctx.options.faceverify?.apiKey.startsWith('sk_test_'),
  }
}

const CREATE_LEASE_MS = 10_000
const CREATE_WAIT_STEP_MS = 100

/**
 * Two instances must not both ask the provider for this user's session: the store's lease decides
 * which one creates; the other waits for that session to land and hands it out (or takes over
 * when the lease runs out). This process's own creations are already serialised by createLocks,
 * so a lease it holds is not waited for.
 */
async function awaitCreateLease(ctx: HandlerContext, userId: string, provider: Provider): Promise<StoredSession | undefined> {
  const key = `create:${userId}:${provider}`
  if ((ctx.createLeases.get(key) ?? 0) > Date.now()) return undefined
  while (!(await ctx.store.lease(key, CREATE_LEASE_MS))) {
    const open = await ctx.store.findOpen(userId, provider)
    if (open) return open
    await new Promise((resolve) => setTimeout(resolve, CREATE_WAIT_STEP_MS))
  }
  ctx.createLeases.set(key, Date.now() + CREATE_LEASE_MS)
  for (const [k, until] of ctx.createLeases) if (until <= Date.now()) ctx.createLeases.delete(k)
  return undefined
}

export async function createSession(ctx: HandlerContext, request: Request): Promise<Response> {
  checkOrigin(ctx, request)
  const user = await requireIdentity(ctx, request)
  const { provider, country } = parseCreateBody(await readJsonObject(request, ctx.maxBodyBytes))
  const key = `${user.id}\u0000${provider}`
  const previous = ctx.createLocks.get(key) ?? Promise.resolve()
  const run = previous
    .catch(() => {})
    .then(async () => {
      const found = await ctx.store.findOpen(user.id, provider)
      // A lost webhook may hide that the open session already ended: check before handing it out again.
      const open = found ? await refreshFromProvider(ctx, found) : undefined
      if (open && !isTerminal(open.status)) return json(toVerificationSession(open), 200)
      const limit = ctx.createLimiter.take(user.id)
      if (!limit.ok) {
        throw new HttpError(429, 'rate_limit_error', 'too_many_sessions', 'Too many verification attempts. Try again later.', {
          'Retry-After': String(limit.retryAfterSeconds),
        })
      }
      const winner = await awaitCreateLease(ctx, user.id, provider)
      if (winner) return json(toVerificationSession(winner), 200)
      const session = await createWithProvider(ctx, user, provider, country)
      // The store's one-open-session rule holds across instances: if another one won the race,
      // its session is the user's and ours is never handed out.
      const { session: stored, created } = await ctx.store.insertOpen(session)
      return json(toVerificationSession(stored), created ? 201 : 200)
    })
  ctx.createLocks.set(key, run)
  try {
    return await run
  } finally {
    if (ctx.createLocks.get(key) === run) ctx.createLocks.delete(key)
  }
}

export async function getSession(ctx: HandlerContext, request: Request, id: string): Promise<Response> {
  const user = await requireIdentity(ctx, request)
  const session = await refreshFromProvider(ctx, await requireOwnSession(ctx, id, user))
  return json(toSnapshot(session))
}

export async function refreshSecret(ctx: HandlerContext, request: Request, id: string): Promise<Response> {
  checkOrigin(ctx, request)
  const user = await requireIdentity(ctx, request)
  const session = await requireOwnSession(ctx, id, user)
  if (session.provider !== 'facesign' || !ctx.facesign) {
    throw badRequest('refresh_not_supported', 'Only FaceSign sessions have a client secret to refresh.')
  }
  if (isTerminal(session.status)) throw badRequest('session_finished', `This session is already ${session.status}; start a new one.`)
  const secret = await ctx.facesign.refreshClientSecret(session.providerSessionId).catch(async (error: unknown) => {
    if (!isGoneAtProvider(error)) throw error
    await applyStatus(ctx, session.id, 'expired')
    throw badRequest('session_finished', 'This session is already expired; start a new one.')
  })
  const fresh = {
    clientSecret: secret.clientSecret,
    url: ctx.facesign.flowUrl(secret),
    ...(secret.expiresAt ? { expiresAt: secret.expiresAt } : {}),
  }
  await ctx.store.patch(session.id, fresh)
  return json({ sessionId: session.id, ...fresh })
}

export async function cancelSession(ctx: HandlerContext, request: Request, id: string): Promise<Response> {
  checkOrigin(ctx, request)
  const user = await requireIdentity(ctx, request)
  const session = await requireOwnSession(ctx, id, user)
  const updated = (await applyStatus(ctx, session.id, 'canceled')) ?? session
  return json(toSnapshot(updated))
}
