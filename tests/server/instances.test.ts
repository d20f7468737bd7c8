import { createHmac } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StatusChange } from '../../src/server'
import { testDatabaseUrl } from '../support/postgres'
import { WEBHOOK_SECRET } from './harness'
import { type Instances, startInstances } from './instances'
import { transition } from './store-contract'

// Two backend instances on one PostgreSQL database, as two processes behind a load balancer would
// run. Provider reads are throttled to one a minute, so whatever reaches an instance within a test
// came through the database (a constraint, a lock or a NOTIFY), not through its own polling.
let two: Instances
// Every onStatusChange call either instance makes.
const hookCalls: StatusChange[] = []
beforeAll(async () => {
  two = await startInstances(2, {
    statusCacheMs: 60_000,
    heartbeatMs: 60_000,
    onStatusChange: (change) => {
      hookCalls.push(change)
    },
    outbox: { pollMs: 100 },
  })
})
afterAll(() => two.close())

async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

/** Reads an SSE response's `status` events until `until` holds for the statuses so far. */
async function readStatuses(response: Response, until: (statuses: string[]) => boolean): Promise<string[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (value) text += value
    const statuses = [...text.matchAll(/event: status\ndata: (.*)\n\n/g)].map((m) => (JSON.parse(m[1]!) as { status: string }).status)
    if (done || until(statuses)) {
      await reader.cancel().catch(() => {})
      return statuses
    }
  }
}

const providerIdOf = (url: string) => two.sandbox.sessions().find((s) => s.url === url)!.id

describe('two instances on one PostgreSQL database', () => {
  it('two tabs on two instances get one session', async () => {
    const [a, b] = two.list
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a! : b!).create('tabs')))
    expect(answers.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true)
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { sessionId: string }).sessionId)))
    expect(ids.size).toBe(1)
    const rows = await sql(`SELECT id FROM "${two.schema}".sessions WHERE user_id = 'tabs'`)
    expect(rows).toHaveLength(1)
  })

  it('a webhook delivered to instance B reaches the status stream open on instance A', async () => {
    const [a] = two.list
    const session = (await (await a!.create('live')).json()) as { sessionId: string; url: string }
    const stream = await a!.api(`/sessions/${session.sessionId}/events`, { user: 'live' })
    expect(stream.status).toBe(200)
    two.webhooksTo(1)
    const providerId = providerIdOf(session.url)
    const statuses = readStatuses(stream, (s) => s.at(-1) === 'verified')
    await two.sandbox.start(providerId)
    await two.sandbox.complete(providerId, 'pass')
    expect(await statuses).toEqual(expect.arrayContaining(['requires_input', 'verified']))
    const delivered = two.sandbox.deliveries().filter((d) => d.body.includes(providerId))
    expect(delivered.every((d) => d.url.startsWith(two.list[1]!.url))).toBe(true)
    // At most the one read the stream makes as it opens, long before the session moved: the
    // change reached A through the database.
    expect(a!.handler.providerReads).toBeLessThanOrEqual(1)
  })

  it('a terminal status committed as A’s listening connection drops still reaches A’s stream', async () => {
    const [a, b] = two.list
    const session = (await (await a!.create('dropped')).json()) as { sessionId: string }
    const stream = await a!.api(`/sessions/${session.sessionId}/events`, { user: 'dropped' })
    let sawFirst: () => void = () => {}
    const first = new Promise<void>((resolve) => (sawFirst = resolve))
    const statuses = readStatuses(stream, (s) => {
      if (s.length > 0) sawFirst()
      return s.at(-1) === 'failed'
    })
    await first
    const killed = await sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "${two.schema}_status"' AND pid <> pg_backend_pid()`,
    )
    expect(killed.length).toBeGreaterThan(0)
    // Written through B's store while A reconnects: A hears of it by its NOTIFY if A is listening
    // again by then, else by the re-read every stream makes once A is.
    const stored = (await b!.store.get(session.sessionId))!
    expect(await b!.store.transition(transition(stored, stored.status, 'failed', new Date().toISOString()))).toBe('applied')
    expect((await statuses).at(-1)).toBe('failed')
  })

  it('50 concurrent deliveries of one webhook split over both instances are recorded and applied once', async () => {
    const [a, b] = two.list
    const session = (await (await a!.create('dupes')).json()) as { sessionId: string; url: string }
    const providerId = providerIdOf(session.url)
    // The sandbox's own delivery goes nowhere; the test replays its signed request itself.
    two.sandbox.setWebhookUrl('facesign', 'http://127.0.0.1:9/unreachable')
    await two.sandbox.start(providerId)
    await two.sandbox.complete(providerId, 'pass')
    await two.sandbox.webhooksSettled()
    two.webhooksTo(0)
    const event = two.sandbox.deliveries().find((d) => d.body.includes(providerId) && d.type === 'session.verified')!
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(event.body).digest('hex')
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${(i % 2 ? a! : b!).url}/api/verify/webhooks/facesign`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'FaceSign-Signature': signature, 'FaceSign-Event-Id': event.eventId },
          body: event.body,
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { duplicate?: boolean } })),
      ),
    )
    expect(answers.every((r) => r.status === 200)).toBe(true)
    expect(answers.filter((r) => r.body.duplicate !== true)).toHaveLength(1)
    const events = await sql(`SELECT event_id FROM "${two.schema}".webhook_events WHERE session_id = $1`, [session.sessionId])
    expect(events).toHaveLength(1)
    const outbox = await sql(`SELECT id FROM "${two.schema}".outbox WHERE session_id = $1 AND change->>'status' = 'verified'`, [
      session.sessionId,
    ])
    expect(outbox).toHaveLength(1)
    expect((await (await b!.api(`/sessions/${session.sessionId}`, { user: 'dupes' })).json()).status).toBe('verified')
    // One hook call for the transition, from whichever instance claimed it.
    await expect.poll(() => hookCalls.filter((c) => c.session.sessionId === session.sessionId && c.status === 'verified').length).toBe(1)
    // Settled in the store, so no instance will claim it again.
    await expect
      .poll(async () => (await sql(`SELECT state FROM "${two.schema}".outbox WHERE id = $1`, [`${session.sessionId}.verified`]))[0]?.state)
      .toBe('delivered')
    expect(hookCalls.filter((c) => c.eventId === `${session.sessionId}.verified`)).toHaveLength(1)
  })
})

describe('pollers on two instances on one PostgreSQL database', () => {
  // No webhook secret, so provider reads are the only status source; with `statusCacheMs` at the
  // one-minute ceiling the read interval is exactly `INTERVAL_MS` however long the session has been
  // quiet (see readIntervalMs). The stores run on a test clock, so the lease's interval passes when
  // the test moves the clock, not when wall time does.
  const INTERVAL_MS = 60_000
  let clock = Date.parse('2026-01-01T00:00:00Z')
  let pair: Instances
  beforeAll(async () => {
    pair = await startInstances(
      2,
      { statusCacheMs: INTERVAL_MS, statusFallbackAfterMs: 0, heartbeatMs: 60_000 },
      { now: () => clock, facesignWebhookSecret: false },
    )
  })
  afterAll(() => pair.close())

  // The sandbox holds this one session only, so its status reads are the reads of this session.
  const providerReads = () => pair.sandbox.counts()['GET /facesign/v1/sessions/:id'] ?? 0

  it('50 pollers split over both instances make at most one provider read per session per interval', async () => {
    const [a, b] = pair.list
    const session = (await (await a!.create('pollers')).json()) as { sessionId: string }
    expect(providerReads()).toBe(0)
    const start = clock
    const perInterval: number[] = []
    for (let interval = 0; interval < 3; interval++) {
      const before = providerReads()
      // Three waves of 50 concurrent polls, at the start, middle and last millisecond of the interval.
      for (const offset of [0, INTERVAL_MS / 2, INTERVAL_MS - 1]) {
        clock = start + interval * INTERVAL_MS + offset
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? a! : b!).api(`/sessions/${session.sessionId}`, { user: 'pollers' })),
        )
        expect(answers.map((r) => r.status).every((s) => s === 200)).toBe(true)
        const bodies = (await Promise.all(answers.map((r) => r.json()))) as { status: string }[]
        expect(bodies.every((body) => body.status === 'requires_input')).toBe(true)
      }
      perInterval.push(providerReads() - before)
    }
    const elapsedIntervals = Math.floor((clock - start) / INTERVAL_MS) + 1
    expect(elapsedIntervals).toBe(3)
    // One read per interval: the first poll of each takes the lease, the other 149 wait for the next.
    expect(perInterval).toEqual([1, 1, 1])
    expect(providerReads()).toBeLessThanOrEqual(elapsedIntervals)
    expect(a!.handler.providerReads + b!.handler.providerReads).toBe(providerReads())
  })
})
