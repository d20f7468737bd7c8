import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { SessionStore, StatusChange, VerificationHandler, VerificationHandlerOptions } from '../../src/server'
import { createMemoryStore, createVerificationHandler, OutboxDeliveryError } from '../../src/server'
import { createSqliteStore } from '../../src/server/node'
import { type Stack, startStack, WEBHOOK_SECRET } from './harness'

const dir = mkdtempSync(join(tmpdir(), 'vw-outcome-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const sqlitePath = () => join(dir, `outcome-${++files}.sqlite`)

const stacks: Stack[] = []
afterEach(async () => {
  for (const stack of stacks.splice(0)) await stack.close()
})

const sign = (body: string) => createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')

interface Harness {
  stack: Stack
  changes: StatusChange[]
  errors: unknown[]
  /** Creates a FaceSign session for `user`; returns our id and the provider's. */
  session(user: string): Promise<{ sessionId: string; providerId: string }>
  /** A signed FaceSign webhook, as the provider would send it. */
  webhook(body: unknown, headers?: Record<string, string>): Promise<Response>
}

async function outcomeStack(
  store: SessionStore,
  onStatusChange?: VerificationHandlerOptions['onStatusChange'],
  handler: Partial<VerificationHandlerOptions> = {},
): Promise<Harness> {
  const changes: StatusChange[] = []
  const errors: unknown[] = []
  const stack = await startStack({
    store,
    handler: {
      onStatusChange: onStatusChange ?? ((change) => void changes.push(change)),
      onError: (error) => errors.push(error),
      outbox: { retryDelayMs: 5 },
      ...handler,
    },
  })
  stacks.push(stack)
  return {
    stack,
    changes,
    errors,
    async session(user) {
      const created = await (await stack.create(user)).json()
      const stored = await stack.store.get(created.sessionId)
      return { sessionId: created.sessionId, providerId: stored!.providerSessionId }
    },
    webhook(body, headers = {}) {
      const raw = typeof body === 'string' ? body : JSON.stringify(body)
      return fetch(`${stack.appUrl}/api/verify/webhooks/facesign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'FaceSign-Signature': sign(raw), ...headers },
        body: raw,
      })
    },
  }
}

const fsEvent = (id: string, type: string, providerId: string) => ({ id, type, data: { id: providerId } })
const transitions = (changes: StatusChange[], sessionId: string) =>
  changes.filter((c) => c.session.sessionId === sessionId).map((c) => `${c.previousStatus}>${c.status}`)

describe.each([
  ['memory', () => createMemoryStore()],
  ['sqlite', () => createSqliteStore({ path: sqlitePath() })],
])('onStatusChange (%s store)', (_name, makeStore: () => SessionStore) => {
  it('fires once per transition under duplicated, out-of-order and concurrent webhooks', async () => {
    const h = await outcomeStack(makeStore())
    const { sessionId, providerId } = await h.session('alice')
    const started = fsEvent('evt_start', 'session.started', providerId)
    const verified = fsEvent('evt_verified', 'session.verified', providerId)
    expect((await h.webhook(started)).status).toBe(200)
    // The same event again, a late "started" under another id, and the outcome five times at once.
    const answers = await Promise.all([
      h.webhook(started),
      ...Array.from({ length: 5 }, (_, i) => h.webhook(i === 0 ? verified : fsEvent(`evt_verified_${i}`, 'session.verified', providerId))),
      h.webhook(verified),
      h.webhook(fsEvent('evt_late_start', 'session.started', providerId)),
    ])
    expect(answers.map((r) => r.status).every((s) => s === 200)).toBe(true)
    await expect.poll(() => transitions(h.changes, sessionId)).toEqual(['requires_input>in_progress', 'in_progress>verified'])

    // A later transition elsewhere is delivered after everything queued before it: nothing more came for this session.
    const other = await h.session('bob')
    await h.webhook(fsEvent('evt_other', 'session.failed', other.providerId))
    await expect.poll(() => transitions(h.changes, other.sessionId)).toEqual(['requires_input>failed'])
    expect(transitions(h.changes, sessionId)).toHaveLength(2)
    const last = h.changes.find((c) => c.status === 'verified')!
    expect(last).toEqual({
      eventId: `${sessionId}.verified`,
      userId: 'alice',
      session: expect.objectContaining({ sessionId, provider: 'facesign', status: 'verified' }),
      previousStatus: 'in_progress',
      status: 'verified',
      at: last.session.updatedAt,
    })
    expect(h.errors).toEqual([])
  })

  it('a hook that throws is retried with the same eventId and then succeeds', async () => {
    const calls: StatusChange[] = []
    let failures = 2
    const h = await outcomeStack(makeStore(), async (change) => {
      calls.push(change)
      if (failures-- > 0) throw new Error('integrator database is down')
    })
    const { sessionId, providerId } = await h.session('carol')
    await h.webhook(fsEvent('evt_c1', 'session.verified', providerId))
    await expect.poll(() => calls.length).toBe(3)
    expect(new Set(calls.map((c) => c.eventId))).toEqual(new Set([`${sessionId}.verified`]))
    // Settled after the third call: the next transition of another session is the only thing delivered later.
    const other = await h.session('dave')
    await h.webhook(fsEvent('evt_c2', 'session.failed', other.providerId))
    await expect.poll(() => calls.length).toBe(4)
    expect(calls[3]?.session.sessionId).toBe(other.sessionId)
    expect(h.errors).toEqual([])
  })

  it('after maxAttempts the entry is reported through onError and kept, and the session’s next change still arrives', async () => {
    const calls: StatusChange[] = []
    const h = await outcomeStack(
      makeStore(),
      async (change) => {
        calls.push(change)
        if (change.status === 'in_progress') throw new Error('rejected')
      },
      { outbox: { maxAttempts: 3, retryDelayMs: 5 } },
    )
    const { sessionId, providerId } = await h.session('erin')
    await h.webhook(fsEvent('evt_e1', 'session.started', providerId))
    await h.webhook(fsEvent('evt_e2', 'session.verified', providerId))
    await expect.poll(() => calls.map((c) => c.status)).toEqual(['in_progress', 'in_progress', 'in_progress', 'verified'])
    expect(h.errors).toHaveLength(1)
    expect(h.errors[0]).toBeInstanceOf(OutboxDeliveryError)
    expect(h.errors[0]).toMatchObject({ attempts: 3, change: { eventId: `${sessionId}.in_progress` } })
  })

  it('delivers in order per session: the next change waits for the hook to finish the previous one', async () => {
    const log: string[] = []
    let release: () => void = () => {}
    const firstDone = new Promise<void>((resolve) => {
      release = resolve
    })
    const h = await outcomeStack(makeStore(), async (change) => {
      log.push(`start ${change.status}`)
      if (change.status === 'in_progress') await firstDone
      log.push(`end ${change.status}`)
    })
    const { providerId } = await h.session('frank')
    await h.webhook(fsEvent('evt_f1', 'session.started', providerId))
    await expect.poll(() => log).toEqual(['start in_progress'])
    await h.webhook(fsEvent('evt_f2', 'session.verified', providerId))
    // Another session is not held up by this one.
    const other = await h.session('gina')
    await h.webhook(fsEvent('evt_f3', 'session.failed', other.providerId))
    await expect.poll(() => log).toEqual(['start in_progress', 'start failed', 'end failed'])
    release()
    await expect.poll(() => log.slice(3)).toEqual(['end in_progress', 'start verified', 'end verified'])
  })

  it('latestSession answers from the store, for that user only', async () => {
    const h = await outcomeStack(makeStore())
    const alice = await h.session('alice')
    const bob = await h.session('bob')
    const fv = await (await h.stack.create('alice', { provider: 'faceverify' })).json()
    await h.webhook(fsEvent('evt_l1', 'session.verified', alice.providerId))
    expect(await h.stack.handler.latestSession('alice', 'facesign')).toMatchObject({ sessionId: alice.sessionId, status: 'verified' })
    expect(await h.stack.handler.latestSession('alice')).toMatchObject({ sessionId: fv.sessionId, status: 'requires_input' })
    expect(await h.stack.handler.latestSession('bob')).toMatchObject({ sessionId: bob.sessionId, status: 'requires_input' })
    expect(await h.stack.handler.latestSession('nobody')).toBeUndefined()
    const snapshot = await h.stack.handler.latestSession('alice', 'facesign')
    // A snapshot, not the stored row: no client secret or flow URL.
    expect(snapshot).not.toHaveProperty('clientSecret')
    expect(snapshot).not.toHaveProperty('url')
  })
})

describe('webhook data (issue 11)', () => {
  it('a webhook whose apply fails once is applied on redelivery', async () => {
    const path = sqlitePath()
    const h = await outcomeStack(createSqliteStore({ path }))
    const { sessionId, providerId } = await h.session('hank')
    const body = JSON.stringify(fsEvent('evt_flaky', 'session.verified', providerId))
    const db = new Database(path)
    db.exec(`CREATE TRIGGER fail_status BEFORE UPDATE OF status ON sessions BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`)
    const failed = await h.webhook(body)
    expect(failed.status).toBe(500)
    db.exec('DROP TRIGGER fail_status')
    db.close()
    const redelivered = await h.webhook(body)
    expect(await redelivered.json()).toEqual({ received: true })
    expect(await h.stack.handler.latestSession('hank')).toMatchObject({ sessionId, status: 'verified' })
    await expect.poll(() => transitions(h.changes, sessionId)).toEqual(['requires_input>verified'])
  })

  it('a replayed signed body with a new FaceSign-Event-Id header is a duplicate', async () => {
    const h = await outcomeStack(createMemoryStore())
    const { providerId } = await h.session('ivy')
    const body = JSON.stringify(fsEvent('evt_signed', 'session.started', providerId))
    expect(await (await h.webhook(body, { 'FaceSign-Event-Id': 'hdr_1' })).json()).toEqual({ received: true })
    expect(await (await h.webhook(body, { 'FaceSign-Event-Id': 'hdr_2' })).json()).toEqual({ received: true, duplicate: true })
  })

  it('without an id in the body, the header id counts only together with the body it came with', async () => {
    const h = await outcomeStack(createMemoryStore())
    const { providerId } = await h.session('jack')
    const started = JSON.stringify({ type: 'session.started', data: { id: providerId } })
    const verified = JSON.stringify({ type: 'session.verified', data: { id: providerId } })
    expect(await (await h.webhook(started, { 'FaceSign-Event-Id': 'hdr_same' })).json()).toEqual({ received: true })
    expect(await (await h.webhook(started, { 'FaceSign-Event-Id': 'hdr_same' })).json()).toEqual({ received: true, duplicate: true })
    // A captured header id cannot suppress a different event.
    expect(await (await h.webhook(verified, { 'FaceSign-Event-Id': 'hdr_same' })).json()).toEqual({ received: true })
    expect(await h.stack.handler.latestSession('jack')).toMatchObject({ status: 'verified' })
  })
})

describe('two instances on one store', () => {
  it('a simultaneous create on both asks the provider once and hands both the same session', async () => {
    const path = sqlitePath()
    let creates = 0
    const stores = [createSqliteStore({ path }), createSqliteStore({ path })]
    const instance = (store: SessionStore) =>
      createVerificationHandler({
        facesign: {
          apiKey: 'sk_test_two_instances',
          baseUrl: 'https://api.facesign.test/v1',
          fetch: async (_url, init) => {
            if (init?.method === 'POST') creates++
            const n = creates
            return Response.json({ id: `vs_two_${n}`, clientSecret: `vs_two_${n}_secret_x`, status: 'requiresInput' }, { status: 201 })
          },
        },
        identify: () => ({ id: 'shared-user' }),
        store,
      })
    const [a, b] = stores.map(instance) as [VerificationHandler, VerificationHandler]
    const create = (handler: VerificationHandler) =>
      handler(
        new Request('http://app.test/api/verify/sessions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"provider":"facesign"}',
        }),
      )
    try {
      const answers = await Promise.all([create(a), create(b), create(a), create(b)])
      const ids = await Promise.all(answers.map(async (r) => (await r.json()).sessionId))
      expect(new Set(ids).size).toBe(1)
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201])
      expect(creates).toBe(1)
    } finally {
      await a.close()
      await b.close()
      for (const store of stores) await store.close()
    }
  })
})
