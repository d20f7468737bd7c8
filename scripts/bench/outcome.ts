import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { StatusChange } from '../../src/server'
import { createVerificationHandler } from '../../src/server'
import { createSqliteStore, toNodeListener } from '../../src/server/node'
import { type Summary, summarize } from './lib/stats'

const SECRET = 'sk_test_bench_outcome_webhook'

export interface OutcomeHookFigures {
  /** Webhook request sent → onStatusChange called, one at a time (HTTP on loopback, SQLite store). */
  latencyMs: Summary
  /** Transitions delivered to the hook per second with `concurrency` webhooks in flight. */
  throughput: { hooks: number; concurrency: number; seconds: number; perSecond: number }
}

/**
 * The outcome hook's path: signed webhook → applyEvent (status + outbox row in one SQLite
 * transaction) → the dispatcher claims the entry → onStatusChange. Sessions are written straight
 * into the store, so the provider's create limit plays no part.
 */
export async function runOutcomeBench(
  dir: string,
  latencyRounds: number,
  throughputHooks: number,
  concurrency: number,
): Promise<OutcomeHookFigures> {
  const store = createSqliteStore({ path: join(dir, 'outcome.sqlite') })
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
    onStatusChange: (change: StatusChange) => {
      waiting.get(change.session.sessionId)?.()
    },
  })
  const server = createServer({ keepAliveTimeout: 120_000 }, toNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/verify/webhooks/facesign`

  let n = 0
  async function newSession(): Promise<string> {
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
  }
  function verified(id: string): Promise<void> {
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
  }

  try {
    const latencies: number[] = []
    for (let i = 0; i < latencyRounds; i++) {
      const id = await newSession()
      const started = performance.now()
      await verified(id)
      latencies.push(performance.now() - started)
    }

    const ids: string[] = []
    for (let i = 0; i < throughputHooks; i++) ids.push(await newSession())
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ids.length) await verified(ids[next++]!)
      }),
    )
    const seconds = (performance.now() - started) / 1000
    return {
      latencyMs: summarize(latencies, 2),
      throughput: {
        hooks: throughputHooks,
        concurrency,
        seconds: Math.round(seconds * 100) / 100,
        perSecond: Math.round(throughputHooks / seconds),
      },
    }
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await handler.close()
    await store.close()
  }
}
