import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { OutboxOptions, StatusChange } from '../../src/server'
import { createVerificationHandler } from '../../src/server'
import { createSqliteStore, toNodeListener } from '../../src/server/node'
import { type Summary, summarize } from './lib/stats'

const SECRET = 'sk_test_bench_outcome_webhook'

export interface OutcomeHookFigures {
  /** Webhook request sent → onStatusChange called, one at a time (HTTP on loopback, SQLite store). */
  latencyMs: Summary
  /** Transitions delivered to the hook per second with `concurrency` webhooks in flight. */
  throughput: { hooks: number; concurrency: number; seconds: number; perSecond: number }
  /** Another session's webhook → hook latency, without and then with hooks that never settle. */
  stuck: StuckHooksFigures
}

export interface StuckHooksFigures {
  /** Hooks that never settle (they ignore their AbortSignal), all in flight before the second run starts. */
  hooks: number
  /** outbox.timeoutMs of the handler: each stuck attempt ends then and is retried (1 s, 2 s, …). */
  timeoutMs: number
  /** One timed webhook sent every this many ms (not waiting for the last), the same in both runs. */
  everyMs: number
  withoutMs: Summary
  withMs: Summary
}

/** As many hooks that never settle as the dispatcher delivers at once: enough to fill every place it has. */
export const STUCK_HOOKS = 32
/** A stuck hook may cost another session at most this much p95 (the dispatcher's 50 ms before a delivery counts as slow). */
export const STUCK_P95_ALLOWANCE_MS = 50
/** How long one timed delivery may take before the bench calls it stalled (a regression, not a slow machine). */
const STALLED_MS = 30_000

interface Rig {
  newSession(): Promise<string>
  /** Sends the session's signed `session.verified` webhook; resolves once the webhook answered and the hook heard it. */
  verified(id: string): Promise<void>
  close(): Promise<void>
}

/**
 * The outcome hook's path: signed webhook → applyEvent (status + outbox row in one SQLite
 * transaction) → the dispatcher claims the entry → onStatusChange. Sessions are written straight
 * into the store, so the provider's create limit plays no part. `hang(id)`: that session's hook never settles.
 */
async function startRig(
  file: string,
  options: { outbox?: OutboxOptions; hang?: (sessionId: string) => boolean; onHang?: () => void } = {},
): Promise<Rig> {
  const store = createSqliteStore({ path: file })
  const waiting = new Map<string, () => void>()
  const handler = createVerificationHandler({
    // No provider behind it: the sessions are written into the store and the outcomes arrive as webhooks.
    facesign: {
      apiKey: 'sk_test_bench_outcome',
      baseUrl: 'http://127.0.0.1:1/v1',
      flowUrl: 'http://127.0.0.1:1/flow',
      webhookSecret: SECRET,
    },
    identify: () => null,
    store,
    ...(options.outbox ? { outbox: options.outbox } : {}),
    onStatusChange: (change: StatusChange) => {
      if (options.hang?.(change.session.sessionId)) {
        options.onHang?.()
        return new Promise<void>(() => {})
      }
      waiting.get(change.session.sessionId)?.()
    },
  })
  const server = createServer({ keepAliveTimeout: 120_000 }, toNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/verify/webhooks/facesign`

  let n = 0
  return {
    async newSession() {
      const id = `vws_outcome_${++n}`
      const now = new Date().toISOString()
      await store.insertOpen({
        id,
        userId: `bench_${n}`,
        provider: 'facesign',
        providerSessionId: `vs_outcome_${n}`,
        status: 'requires_input',
        url: 'https://verify.facesign.ai/?client_secret=x',
        livemode: false,
        createdAt: now,
        updatedAt: now,
      })
      return id
    },
    verified(id) {
      const heard = new Promise<void>((resolve) => waiting.set(id, resolve))
      const body = JSON.stringify({ id: `evt_${id}`, type: 'session.verified', data: { id: id.replace('vws_', 'vs_') } })
      const signature = createHmac('sha256', SECRET).update(body).digest('hex')
      const sent = fetch(url, { method: 'POST', headers: { 'FaceSign-Signature': signature }, body }).then(async (r) => {
        if (r.status !== 200) throw new Error(`webhook answered ${r.status}`)
        await r.arrayBuffer()
      })
      return Promise.all([heard, sent]).then(() => {
        waiting.delete(id)
      })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      // Waits for deliveries in flight, a stuck one until its timeout (which holds the process open).
      await handler.close()
      await store.close()
    },
  }
}

/** Waits for `delivery`, or fails once it took STALLED_MS: a stalled outbox is a finding, not a hang. */
async function guarded(delivery: Promise<void>, stalled: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a delivery did not reach onStatusChange within ${STALLED_MS} ms${stalled}`)), STALLED_MS)
  })
  try {
    await Promise.race([delivery, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Each round a fresh session's webhook, one after the other, timed from sending it to its hook being called. */
async function timedRounds(rig: Rig, rounds: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const id = await rig.newSession()
    const started = performance.now()
    await guarded(rig.verified(id), '')
    times.push(performance.now() - started)
  }
  return times
}

/**
 * The sessions' webhooks sent on a schedule, one every `everyMs` whether the last has been heard
 * or not (as webhooks arrive), each timed from sending it to its hook being called.
 */
async function pacedRounds(rig: Rig, ids: readonly string[], everyMs: number, stalled: string): Promise<number[]> {
  const started = performance.now()
  return Promise.all(
    ids.map(async (id, i) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + i * everyMs - performance.now())))
      const sent = performance.now()
      await guarded(rig.verified(id), stalled)
      return performance.now() - sent
    }),
  )
}

export async function runOutcomeBench(
  dir: string,
  latencyRounds: number,
  throughputHooks: number,
  concurrency: number,
): Promise<OutcomeHookFigures> {
  const rig = await startRig(join(dir, 'outcome.sqlite'))
  let latencyMs: Summary
  let throughput: OutcomeHookFigures['throughput']
  try {
    latencyMs = summarize(await timedRounds(rig, latencyRounds), 2)
    const ids: string[] = []
    for (let i = 0; i < throughputHooks; i++) ids.push(await rig.newSession())
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ids.length) await rig.verified(ids[next++]!)
      }),
    )
    const seconds = (performance.now() - started) / 1000
    throughput = {
      hooks: throughputHooks,
      concurrency,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round(throughputHooks / seconds),
    }
  } finally {
    await rig.close()
  }
  return { latencyMs, throughput, stuck: await runStuckHooksBench(dir, latencyRounds, STUCK_HOOKS) }
}

/**
 * Hooks that never settle must not hold up other sessions' deliveries. On one handler and SQLite
 * file, `rounds` sessions' webhooks sent one every `everyMs` (not waiting for the last: a delivery
 * held up behind the stuck hooks shows in every webhook sent while it is held), each timed to its
 * hook; then `hooks` sessions whose hook never settles get their webhooks, and once every one of
 * those hooks has been called (all in flight), `rounds` more on the same schedule. outbox.timeoutMs
 * is 1 s, so the stuck attempts also time out and come back as retries (after 1 s, 2 s, …) during
 * the second run: it meets them fresh, in flight and waiting.
 */
export async function runStuckHooksBench(dir: string, rounds: number, hooks: number): Promise<StuckHooksFigures> {
  const timeoutMs = 1000
  const everyMs = 20
  const hanging = new Set<string>()
  let hung = 0
  let allHung: () => void = () => {}
  const rig = await startRig(join(dir, 'stuck.sqlite'), {
    outbox: { timeoutMs },
    hang: (id) => hanging.has(id),
    onHang: () => {
      if (++hung >= hooks) allHung()
    },
  })
  const sessions = async (n: number) => {
    const ids: string[] = []
    for (let i = 0; i < n; i++) ids.push(await rig.newSession())
    return ids
  }
  try {
    // Untimed rounds first: the first deliveries of a fresh handler pay for the JIT and SQLite's first statements.
    await timedRounds(rig, Math.min(rounds, 20))
    const withoutMs = summarize(await pacedRounds(rig, await sessions(rounds), everyMs, ''), 2)
    const timed = await sessions(rounds)
    const stuck = await sessions(hooks)
    for (const id of stuck) hanging.add(id)
    const inFlight = new Promise<void>((resolve) => {
      allHung = resolve
    })
    // Their hooks never settle, so `verified` would never resolve: wait for the hook calls instead.
    void Promise.allSettled(stuck.map((id) => rig.verified(id)))
    await inFlight
    const withMs = summarize(await pacedRounds(rig, timed, everyMs, ` while ${hooks} hooks hang`), 2)
    return { hooks, timeoutMs, everyMs, withoutMs, withMs }
  } finally {
    await rig.close()
  }
}
