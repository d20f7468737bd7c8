/**
 * Several instances on one PostgreSQL database (a throwaway server from tests/support/postgres.ts):
 * - webhook → status on another instance's stream: the sandbox completes a session and delivers its
 *   webhook to instance B; the clock stops when the `status` event arrives on a stream open on A;
 * - webhook record throughput, PostgreSQL vs SQLite: `applyEvent` (record + apply + outbox row in
 *   one transaction) for fresh sessions, 16 at a time;
 * - provider calls with 50 pollers split over two instances on one session.
 * Runs alone (`tsx scripts/bench/instances.ts [--quick]`, prints JSON) or as the `instances`
 * section of `npm run bench`.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SessionStore, StoredSession } from '../../src/server'
import { createPostgresStore } from '../../src/server'
import { createSqliteStore } from '../../src/server/node'
import { type Instances, startInstances } from '../../tests/server/instances'
import { transition } from '../../tests/server/store-fixtures'
import { freshSchema, startPostgres, TEST_DATABASE_ENV } from '../../tests/support/postgres'
import type { Row } from './lib/report'
import { round, type Summary, summarize } from './lib/stats'

export interface InstancesFigures {
  crossInstance: Summary
  recordPerSecond: { postgres: number; sqlite: number; events: number; concurrency: number }
  polling: { clients: number; instances: number; seconds: number; providerCalls: number; statusCacheMs: number }
}

/** Reads an SSE response: `next(text)` resolves once the stream has carried `text` (from where it is now on). */
function streamReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  return {
    async next(wanted: string): Promise<void> {
      for (;;) {
        const at = text.indexOf(wanted)
        if (at >= 0) {
          text = text.slice(at + wanted.length)
          return
        }
        const { done, value } = await reader.read()
        if (done) throw new Error(`the stream ended before ${wanted}`)
        text += value
      }
    },
    cancel: () => reader.cancel().catch(() => {}),
  }
}

async function crossInstance(two: Instances, rounds: number): Promise<Summary> {
  const [a] = two.list
  two.webhooksTo(1)
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const user = `bench-x-${i}`
    const created = await a!.create(user)
    if (created.status !== 201) throw new Error(`create ${i + 1} of ${rounds}: ${created.status} ${await created.text()}`)
    const session = (await created.json()) as { sessionId: string; url: string }
    const providerId = two.sandbox.sessions().find((s) => s.url === session.url)?.id
    if (!providerId) throw new Error(`create ${i + 1} of ${rounds}: the sandbox has no session at ${session.url}`)
    await two.sandbox.start(providerId)
    const stream = streamReader(await a!.api(`/sessions/${session.sessionId}/events`, { user }))
    try {
      // The stream's first snapshot goes out once it listens: the outcome is sent after that.
      await stream.next('event: status')
      const started = performance.now()
      await two.sandbox.complete(providerId, 'pass')
      await stream.next('"status":"verified"')
      times.push(performance.now() - started)
    } finally {
      await stream.cancel()
    }
  }
  return summarize(times)
}

const session = (id: string): StoredSession => ({
  id,
  userId: `u-${id}`,
  provider: 'facesign',
  providerSessionId: `vs_${id}`,
  status: 'in_progress',
  url: 'https://verify.facesign.ai/?client_secret=x',
  livemode: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
})

async function recordRate(store: SessionStore, events: number, concurrency: number): Promise<number> {
  for (let i = 0; i < events; i++) await store.insertOpen(session(`r${i}`))
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < events; i = next++) {
        const at = new Date().toISOString()
        await store.recordEvent(
          { provider: 'facesign', eventId: `evt_${i}`, type: 'session.verified', sessionId: `r${i}`, receivedAt: at },
          transition(session(`r${i}`), 'requires_input', 'verified', at),
        )
      }
    }),
  )
  return round(events / ((performance.now() - started) / 1000))
}

async function polling(two: Instances, clients: number, seconds: number, statusCacheMs: number) {
  const [a] = two.list
  const user = 'bench-poll'
  const created = (await (await a!.create(user)).json()) as { sessionId: string }
  const key = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([k]) => k.startsWith('GET /facesign/v1/sessions/'))
      .reduce((n, [, v]) => n + v, 0)
  const before = key(two.sandbox.counts())
  const deadline = Date.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const instance = two.list[i % two.list.length]!
      while (Date.now() < deadline) {
        const response = await instance.api(`/sessions/${created.sessionId}`, { user })
        await response.body?.cancel()
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }),
  )
  return { clients, instances: two.list.length, seconds, providerCalls: key(two.sandbox.counts()) - before, statusCacheMs }
}

/** The goal: a webhook shows on another instance's stream as fast as on one instance. */
const CROSS_INSTANCE_P95_MS = 250

export function instancesRows(f: InstancesFigures): Row[] {
  const section = 'instances'
  const p = f.polling
  // One provider read per session per interval, whatever the number of instances and pollers.
  const allowedCalls = Math.floor((p.seconds * 1000) / p.statusCacheMs) + 1
  return [
    {
      section,
      measure: `webhook to B → status on A's stream (PostgreSQL NOTIFY): median / p95 over ${f.crossInstance.runs} sessions`,
      value: `${Math.round(f.crossInstance.median)} ms / ${Math.round(f.crossInstance.p95)} ms`,
      budget: `p95 ≤ ${CROSS_INSTANCE_P95_MS} ms`,
      kind: 'time',
      ok: f.crossInstance.p95 <= CROSS_INSTANCE_P95_MS,
    },
    {
      section,
      measure: `webhook events recorded + applied per second, ${f.recordPerSecond.concurrency} at a time: PostgreSQL / SQLite`,
      value: `${f.recordPerSecond.postgres} / ${f.recordPerSecond.sqlite}`,
    },
    {
      section,
      measure: `provider reads: ${p.clients} pollers over ${p.instances} instances, one session, ${p.seconds} s (${p.statusCacheMs} ms interval)`,
      value: String(p.providerCalls),
      budget: `≤ ${allowedCalls}`,
      kind: 'count',
      ok: p.providerCalls <= allowedCalls,
    },
  ]
}

export interface InstancesSize {
  /** Sessions timed from a webhook on B to the status on A's stream. */
  crossSessions: number
  pollSeconds: number
  /** Webhook events recorded per store. */
  events: number
}

export const INSTANCES_SIZE: Record<'full' | 'quick', InstancesSize> = {
  full: { crossSessions: 50, pollSeconds: 20, events: 2000 },
  quick: { crossSessions: 10, pollSeconds: 6, events: 300 },
}

export async function runInstancesBench(size: InstancesSize): Promise<InstancesFigures> {
  const server = await startPostgres()
  const previous = process.env[TEST_DATABASE_ENV]
  process.env[TEST_DATABASE_ENV] = server.url
  const dir = mkdtempSync(join(tmpdir(), 'verify-bench-instances-'))
  const statusCacheMs = 5000
  try {
    // Every bench user comes from loopback in one burst: the create limits (per address, global) are
    // not what is measured here. Reads are due at once so the pollers figure measures the read lease.
    const unlimited = { limits: { createPerUser: 1000, createPerAddress: 1000, createGlobal: 1000 } }
    const two = await startInstances(2, { statusCacheMs, statusFallbackAfterMs: 0, ...unlimited })
    let figures: Pick<InstancesFigures, 'crossInstance' | 'polling'>
    try {
      // Pollers first: the cross-instance rounds spend the key's provider budget (a create and reads
      // per session), and a spent budget would hold reads back instead of the read lease.
      const pollingFigures = await polling(two, 50, size.pollSeconds, statusCacheMs)
      figures = { crossInstance: await crossInstance(two, size.crossSessions), polling: pollingFigures }
    } finally {
      await two.close()
    }
    const events = size.events
    const concurrency = 16
    const pgStore = createPostgresStore({ connectionString: server.url, schema: freshSchema('bench'), max: concurrency })
    const sqliteStore = createSqliteStore({ path: join(dir, 'bench.sqlite') })
    try {
      const postgres = await recordRate(pgStore, events, concurrency)
      const sqlite = await recordRate(sqliteStore, events, concurrency)
      return { ...figures, recordPerSecond: { postgres, sqlite, events, concurrency } }
    } finally {
      await pgStore.close()
      await sqliteStore.close()
    }
  } finally {
    if (previous === undefined) delete process.env[TEST_DATABASE_ENV]
    else process.env[TEST_DATABASE_ENV] = previous
    rmSync(dir, { recursive: true, force: true })
    await server.stop()
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  runInstancesBench(INSTANCES_SIZE[process.argv.includes('--quick') ? 'quick' : 'full']).then(
    (figures) => {
      console.log(JSON.stringify(figures, null, 2))
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
