/**
 * `npm run bench:server`: backend figures on loopback, printed and written to BENCH_OUT (default
 * bench/.tmp/results-server.json; the committed figures come from `npm run bench`, its `backend` section).
 * - webhook verify + record throughput (signed FaceSign events into the SQLite store), over HTTP and in process
 * - status reads per second (GET /sessions/:id, owner check and store read)
 * The load generator shares the process with the server, so the HTTP figures include the client's cost.
 * - provider reads for one session while 50 clients poll it (default 60 s; BENCH_POLL_SECONDS to
 *   shorten), with the session's fallback reads due at once: no webhook heard of it, so every poll
 *   could become a provider read and only the status cache's interval stands in the way
 * - the outcome hook: webhook sent → onStatusChange called (median, p95), hooks delivered per second, and
 *   another session's delivery without and with 32 hooks that never settle
 * BENCH_WEBHOOKS, BENCH_READS, BENCH_OUTCOME_ROUNDS, BENCH_OUTCOME_HOOKS set the counts (the bench's
 * smoke run makes them small).
 */
import { createHmac } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startSandbox } from '../../src/sandbox'
import { createVerificationHandler } from '../../src/server'
import { createSqliteStore, toNodeListener } from '../../src/server/node'
import { runOutcomeBench } from './outcome'

const KEY = 'sk_test_bench_facesign'
const WEBHOOK_SECRET = 'sk_test_bench_webhook'
const CONCURRENCY = 32
const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const POLL_SECONDS = count('BENCH_POLL_SECONDS', 60)
const POLL_CLIENTS = 50
const WEBHOOKS = count('BENCH_WEBHOOKS', 5000)
const READS = count('BENCH_READS', 10000)
/** The handler's status cache: at most one provider read per session per this interval. */
const STATUS_CACHE_MS = 5000

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vw-bench-'))
  // Longer than any pause between phases: a pooled connection closed by the server mid-reuse would
  // show up as ECONNRESET, a client artefact rather than a backend figure.
  const server = createServer({ keepAliveTimeout: 120_000 })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // Webhooks from the sandbox are off: the bench sends its own, and they would skew the counts.
  const sandbox = await startSandbox({ facesign: { apiKeys: [KEY] } })
  const handler = createVerificationHandler({
    facesign: { apiKey: KEY, baseUrl: sandbox.facesignApiUrl, flowUrl: sandbox.facesignFlowUrl, webhookSecret: WEBHOOK_SECRET },
    identify: (request) => ({ id: request.headers.get('x-bench-user') ?? 'bench' }),
    store: createSqliteStore({ path: join(dir, 'bench.sqlite') }),
    limits: { createPerUser: 1_000_000 },
    statusCacheMs: STATUS_CACHE_MS,
    // Reads are due at once (as for a session no webhook was heard of): the polling figure then
    // measures the status cache and read lease, not the webhook grace period.
    statusFallbackAfterMs: 0,
  })
  server.on('request', toNodeListener(handler))
  const api = (path: string, init: RequestInit = {}) => fetch(`${appUrl}/api/verify${path}`, init)

  const created = await (
    await api('/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"provider":"facesign"}' })
  ).json()
  const providerId = sandbox.sessions()[0]!.id

  async function pool(total: number, task: (i: number) => Promise<void>): Promise<number> {
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < total) await task(next++)
      }),
    )
    return (performance.now() - started) / 1000
  }

  // 1. Webhooks: each a new event id, so every one is verified, checked for duplicates and recorded.
  const webhookCount = WEBHOOKS
  // Each a new event id, signed the way FaceSign signs: the raw body, hex HMAC-SHA256.
  const webhook = (eventId: string): RequestInit => {
    const body = JSON.stringify({ id: eventId, type: 'session.started', data: { id: providerId } })
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')
    return { method: 'POST', headers: { 'FaceSign-Signature': signature }, body }
  }
  const webhookSeconds = await pool(webhookCount, async (i) => {
    const r = await api('/webhooks/facesign', webhook(`evt_bench_${i}`))
    if (r.status !== 200) throw new Error(`webhook answered ${r.status}`)
    await r.arrayBuffer()
  })

  // 1b. The same work without HTTP: what the handler itself costs per webhook.
  const inProcessCount = WEBHOOKS
  const inProcessStarted = performance.now()
  for (let i = 0; i < inProcessCount; i++) {
    const r = await handler(new Request(`${appUrl}/api/verify/webhooks/facesign`, webhook(`evt_direct_${i}`)))
    if (r.status !== 200) throw new Error(`webhook answered ${r.status}`)
  }
  const inProcessSeconds = (performance.now() - inProcessStarted) / 1000

  // 2. Status reads: the status cache keeps these off the provider after the first.
  const readCount = READS
  const readSeconds = await pool(readCount, async () => {
    const r = await api(`/sessions/${created.sessionId}`)
    if (r.status !== 200) throw new Error(`status read answered ${r.status}`)
    await r.arrayBuffer()
  })

  // 2b. The same reads without HTTP.
  const inProcessReads = READS
  const readsStarted = performance.now()
  for (let i = 0; i < inProcessReads; i++) {
    const r = await handler(new Request(`${appUrl}/api/verify/sessions/${created.sessionId}`, { headers: { 'x-bench-user': 'bench' } }))
    if (r.status !== 200) throw new Error(`status read answered ${r.status}`)
    await r.arrayBuffer()
  }
  const readsInProcessSeconds = (performance.now() - readsStarted) / 1000

  // 3. 50 clients poll a fresh session every second for POLL_SECONDS.
  const polled = await (
    await api('/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-bench-user': 'poller' },
      body: '{"provider":"facesign"}',
    })
  ).json()
  const before = sandbox.counts()['GET /facesign/v1/sessions/:id'] ?? 0
  const deadline = Date.now() + POLL_SECONDS * 1000
  let polls = 0
  await Promise.all(
    Array.from({ length: POLL_CLIENTS }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 1000) / POLL_CLIENTS))
      while (Date.now() < deadline) {
        const r = await api(`/sessions/${polled.sessionId}`, { headers: { 'x-bench-user': 'poller' } })
        await r.arrayBuffer()
        polls++
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
    }),
  )
  const providerCalls = (sandbox.counts()['GET /facesign/v1/sessions/:id'] ?? 0) - before

  // 4. The outcome hook, on its own handler and SQLite file.
  const outcomeHook = await runOutcomeBench(dir, count('BENCH_OUTCOME_ROUNDS', 200), count('BENCH_OUTCOME_HOOKS', 2000), CONCURRENCY)

  const rate = (count: number, seconds: number) => ({ seconds: round(seconds), perSecond: Math.round(count / seconds) })
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    // Shared machines skew these figures: the load says how much.
    machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? 0) },
    webhooks: { events: webhookCount, concurrency: CONCURRENCY, ...rate(webhookCount, webhookSeconds) },
    webhooksInProcess: { events: inProcessCount, ...rate(inProcessCount, inProcessSeconds) },
    statusReads: { reads: readCount, concurrency: CONCURRENCY, ...rate(readCount, readSeconds) },
    statusReadsInProcess: { reads: inProcessReads, ...rate(inProcessReads, readsInProcessSeconds) },
    polling: { clients: POLL_CLIENTS, seconds: POLL_SECONDS, browserPolls: polls, providerCalls, statusCacheMs: STATUS_CACHE_MS },
    outcomeHook,
  }
  console.log(JSON.stringify(results, null, 2))
  const out = process.env.BENCH_OUT ?? 'bench/.tmp/results-server.json'
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)

  await sandbox.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await handler.close()
  rmSync(dir, { recursive: true, force: true })
}

const round = (n: number) => Math.round(n * 100) / 100

run().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
