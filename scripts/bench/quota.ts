/**
 * Provider calls per minute under load, against the documented FaceSign test-key limit (100/min):
 * - 200 open sessions, each polled every second and streamed (SSE) by its own user, for `seconds`,
 *   with webhooks configured (the default) and without (provider reads are then the only source).
 *   Every session starts overdue for a fallback read (last heard of 2 minutes ago): the worst case.
 * - 2,000 anonymous creates (a new user per request, as the demo identity makes them), from one
 *   address and from 2,000 addresses.
 * The figure is the most calls the provider saw in any 60 s window. Run alone with
 * `tsx scripts/bench/quota.ts [--seconds=N]` (writes bench/.tmp/results-quota.json), or as the `quota`
 * section of `npm run bench` (bench/results.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSandbox } from '../../src/sandbox'
import type { VerificationHandlerOptions } from '../../src/server'
import { createMemoryStore, createVerificationHandler } from '../../src/server'
import { guardServer, toNodeListener } from '../../src/server/node'

const KEY = 'sk_test_bench_quota'
const WEBHOOK_SECRET = 'sk_test_bench_quota_webhook'
/** FaceSign's documented limit for a test key. */
export const DOCUMENTED_LIMIT = 100

export interface QuotaScenario {
  name: string
  /** The most provider calls in any 60 s window. */
  maxPerMinute: number
  totalCalls: number
  /** 429s the provider (sandbox) answered: zero when the budget holds. */
  provider429: number
  browserRequests: number
  /** What the browsers got, by HTTP status. */
  answers: Record<string, number>
  seconds: number
}

export interface QuotaFigures {
  limit: number
  scenarios: QuotaScenario[]
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

async function withBackend<T>(
  handlerOptions: Partial<VerificationHandlerOptions>,
  webhooks: boolean,
  work: (ctx: { appUrl: string; store: ReturnType<typeof createMemoryStore>; sandboxApi: string; flowUrl: string }) => Promise<T>,
): Promise<T & { calls: number[]; provider429: number }> {
  const server = guardServer(createServer({ keepAliveTimeout: 120_000 }), {
    keepAliveTimeoutMs: 120_000,
    maxConnectionsPerAddress: 100_000,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // The sandbox's own limit is lifted so that setup is quick; the figure is what our backend sends.
  const sandbox = await startSandbox({
    facesign: {
      apiKeys: [KEY],
      rateLimitPerMinute: 1_000_000,
      ...(webhooks ? { webhookUrl: `${appUrl}/api/verify/webhooks/facesign`, webhookSecret: WEBHOOK_SECRET } : {}),
    },
  })
  const calls: number[] = []
  let provider429 = 0
  const store = createMemoryStore()
  const handler = createVerificationHandler({
    facesign: {
      apiKey: KEY,
      baseUrl: sandbox.facesignApiUrl,
      flowUrl: sandbox.facesignFlowUrl,
      ...(webhooks ? { webhookSecret: WEBHOOK_SECRET } : {}),
      fetch: async (input, init) => {
        calls.push(Date.now())
        const response = await fetch(input, init)
        if (response.status === 429) provider429++
        return response
      },
    },
    identify: (request) => {
      const id = request.headers.get('x-bench-user')
      return id ? { id } : null
    },
    clientAddress: (request) => request.headers.get('x-bench-addr') ?? undefined,
    store,
    ...handlerOptions,
  })
  server.on('request', toNodeListener(handler))
  try {
    const result = await work({ appUrl, store, sandboxApi: sandbox.facesignApiUrl, flowUrl: sandbox.facesignFlowUrl })
    return { ...result, calls, provider429 }
  } finally {
    await sandbox.close()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await handler.close()
  }
}

const count = (answers: Record<string, number>, status: number) => {
  answers[status] = (answers[status] ?? 0) + 1
}

async function openSessions(seconds: number, webhooks: boolean, sessions: number): Promise<QuotaScenario> {
  const answers: Record<string, number> = {}
  let requests = 0
  const started = Date.now()
  const result = await withBackend({}, webhooks, async ({ appUrl, store, sandboxApi }) => {
    // Sessions made at the provider directly (setup, not measured) and stored as long quiet.
    const quietSince = new Date(Date.now() - 120_000).toISOString()
    const ids: string[] = []
    for (let i = 0; i < sessions; i++) {
      const r = await fetch(`${sandboxApi}/sessions`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}` } })
      const remote = (await r.json()) as { id: string; clientSecret: string }
      const id = `vws_bench_${i}`
      await store.insertOpen({
        id,
        userId: `user${i}`,
        provider: 'facesign',
        providerSessionId: remote.id,
        status: 'requires_input',
        clientSecret: remote.clientSecret,
        url: `${sandboxApi}/flow`,
        livemode: false,
        createdAt: quietSince,
        updatedAt: quietSince,
      })
      ids.push(id)
    }
    const deadline = Date.now() + seconds * 1000
    const streams = ids.map((id, i) => {
      const controller = new AbortController()
      const done = fetch(`${appUrl}/api/verify/sessions/${id}/events`, {
        headers: { 'x-bench-user': `user${i}` },
        signal: controller.signal,
      })
        .then(async (r) => {
          count(answers, r.status)
          requests++
          await r.body?.pipeTo(new WritableStream())
        })
        .catch(() => {})
      return { controller, done }
    })
    await Promise.all(
      ids.map(async (id, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * 1000) / sessions))
        while (Date.now() < deadline) {
          const r = await fetch(`${appUrl}/api/verify/sessions/${id}`, { headers: { 'x-bench-user': `user${i}` } })
          await r.arrayBuffer()
          count(answers, r.status)
          requests++
          await new Promise((resolve) => setTimeout(resolve, 1000))
        }
      }),
    )
    for (const s of streams) s.controller.abort()
    await Promise.all(streams.map((s) => s.done))
    return {}
  })
  return {
    name: `${sessions} open sessions polled every 1 s + streamed, ${webhooks ? 'webhooks configured' : 'no webhooks (reads only)'}`,
    maxPerMinute: maxInWindow(result.calls, 60_000),
    totalCalls: result.calls.length,
    provider429: result.provider429,
    browserRequests: requests,
    answers,
    seconds: Math.round((Date.now() - started) / 1000),
  }
}

async function anonymousCreates(total: number, addresses: number): Promise<QuotaScenario> {
  const answers: Record<string, number> = {}
  const started = Date.now()
  let next = 0
  const result = await withBackend({}, true, async ({ appUrl }) => {
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < total) {
          const i = next++
          const r = await fetch(`${appUrl}/api/verify/sessions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'x-bench-user': `anon${i}`, 'x-bench-addr': `addr${i % addresses}` },
            body: '{"provider":"facesign"}',
          })
          await r.arrayBuffer()
          count(answers, r.status)
        }
      }),
    )
    return {}
  })
  return {
    name: `${total} anonymous creates from ${addresses === 1 ? 'one address' : `${addresses} addresses`}`,
    maxPerMinute: maxInWindow(result.calls, 60_000),
    totalCalls: result.calls.length,
    provider429: result.provider429,
    browserRequests: total,
    answers,
    seconds: Math.round((Date.now() - started) / 1000),
  }
}

export interface QuotaSize {
  /** How long the open sessions are polled and streamed. */
  seconds: number
  /** Open sessions in the first two scenarios. */
  sessions: number
  /** Anonymous creates in the last two (from one address, then each from its own). */
  creates: number
}

export async function runQuotaBench(size: QuotaSize, log: (text: string) => void = () => {}): Promise<QuotaFigures> {
  const scenarios: QuotaScenario[] = []
  for (const webhooks of [true, false]) {
    log(`quota: ${size.sessions} open sessions for ${size.seconds} s, ${webhooks ? 'with' : 'without'} webhooks`)
    scenarios.push(await openSessions(size.seconds, webhooks, size.sessions))
  }
  for (const addresses of [1, size.creates]) {
    log(`quota: ${size.creates} anonymous creates from ${addresses} address(es)`)
    scenarios.push(await anonymousCreates(size.creates, addresses))
  }
  return { limit: DOCUMENTED_LIMIT, scenarios }
}

if (process.argv[1]?.endsWith('quota.ts')) {
  const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length) ?? 120)
  runQuotaBench({ seconds, sessions: 200, creates: 2000 }, console.log).then(
    (figures) => {
      // Printed for the reader and kept in the scratch folder; the committed figures come from `npm run bench`.
      const text = JSON.stringify({ at: new Date().toISOString(), seconds, ...figures }, null, 2)
      mkdirSync('bench/.tmp', { recursive: true })
      writeFileSync('bench/.tmp/results-quota.json', `${text}\n`)
      console.log(text)
      process.exit(figures.scenarios.every((s) => s.maxPerMinute < figures.limit && s.provider429 === 0) ? 0 : 1)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(2)
    },
  )
}
