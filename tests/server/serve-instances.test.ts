import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { createPostgresStore } from '../../src/server'
import { freshSchema, testDatabaseUrl } from '../support/postgres'
import {
  createSession,
  OUTCOME_SECRET,
  type Receiver,
  type ServeProcess,
  startReceiver,
  startServe,
  TOKEN_SECRET,
  until,
} from './serve-process'

const FACESIGN_KEY = 'sk_test_serve_instances_facesign'
const FACESIGN_WEBHOOK_SECRET = 'sk_test_serve_instances_webhook'
const SESSIONS = 12

let sandbox: Sandbox
let app: Receiver
let fanout: Server
let instances: ServeProcess[] = []
/** Per instance: provider events it recorded first (it applied them and wrote their outcomes). */
const firsts = [0, 0]
/** Provider webhooks the fan-out has received. */
let received = 0
const schema = freshSchema('serve_instances')

/**
 * The provider's webhooks reach both instances (a balancer that retried, a provider that
 * redelivered): every other one at once to both, each racing the other to record the event and to
 * deliver its outcome; the rest to one instance and then, once it answered, to the other (taking
 * turns which goes first), so that each instance surely records some first however the race goes.
 */
async function startFanout(): Promise<string> {
  fanout = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => name === 'content-type' || name.includes('facesign')),
      ) as Record<string, string>
      const body = Buffer.concat(chunks)
      const send = async (n: number) => {
        try {
          const r = await fetch(`${instances[n]!.url}${req.url}`, { method: 'POST', headers, body })
          const answer = (await r.json()) as { duplicate?: boolean }
          if (r.ok && !answer.duplicate) firsts[n]!++
          return r.status
        } catch {
          return 0
        }
      }
      const k = received++
      const first = (k >> 1) % 2
      const answers = k % 2 === 1 ? await Promise.all([send(0), send(1)]) : [await send(first), await send(1 - first)]
      res.writeHead(answers.some((status) => status >= 200 && status < 300) ? 200 : 502).end()
    })
  })
  await new Promise<void>((done) => fanout.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(fanout.address() as AddressInfo).port}`
}

beforeAll(async () => {
  sandbox = await startSandbox({
    webhookRetry: { initialMs: 50, maxMs: 500, maxAttempts: 10 },
    facesign: { apiKeys: [FACESIGN_KEY], webhookSecret: FACESIGN_WEBHOOK_SECRET },
  })
  app = await startReceiver(() => 200)
  const env = {
    VERIFY_TOKEN_SECRET: TOKEN_SECRET,
    VERIFY_WEBHOOK_URL: app.url,
    VERIFY_WEBHOOK_SECRET: OUTCOME_SECRET,
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema,
    VERIFY_TRUST_PROXY: '1',
    FACESIGN_API_KEY: FACESIGN_KEY,
    FACESIGN_WEBHOOK_SECRET,
    FACESIGN_BASE_URL: sandbox.facesignApiUrl,
    FACESIGN_FLOW_URL: sandbox.facesignFlowUrl,
  }
  instances = await Promise.all([startServe(env), startServe(env)])
  sandbox.setWebhookUrl('facesign', `${await startFanout()}/api/verify/webhooks/facesign`)
}, 60_000)

afterAll(async () => {
  await Promise.all(instances.map((i) => i.kill('SIGTERM')))
  fanout?.closeAllConnections()
  fanout?.close()
  await app?.close()
  await sandbox?.close()
})

describe('two verify-widget serve processes on one PostgreSQL database', () => {
  it('deliver each outcome once, however the provider’s webhooks and the sessions are split between them', {
    timeout: 90_000,
  }, async () => {
    // Behind a proxy (VERIFY_TRUST_PROXY) people come from their own addresses (the per-address limit).
    const sessions = await Promise.all(
      Array.from({ length: SESSIONS }, (_, i) =>
        createSession(instances[i % 2]!.url, `u-${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` }),
      ),
    )
    await Promise.all(sessions.map((s, i) => sandbox.complete(s.clientSecret.split('_secret_')[0]!, i % 3 === 0 ? 'fail' : 'pass')))
    await sandbox.webhooksSettled()

    const store = createPostgresStore({ connectionString: testDatabaseUrl(), schema })
    try {
      // Nothing left to send anywhere: every outcome was taken by the app.
      await until(async () => expect(await store.outboxStats()).toEqual({ pending: 0, dead: 0 }), 60_000)
    } finally {
      await store.close()
    }
    expect(app.refused).toEqual([])
    const ids = app.deliveries.map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(app.deliveries.map((d) => `${d.userId} ${d.status}`).sort()).toEqual(
      sessions.map((_, i) => `u-${i} ${i % 3 === 0 ? 'failed' : 'verified'}`).sort(),
    )
    // Both took part: each recorded some of the provider's events first, and wrote and sent their outcomes.
    expect(firsts[0]).toBeGreaterThan(0)
    expect(firsts[1]).toBeGreaterThan(0)
    // Neither reported a failure on its console.
    for (const instance of instances) expect(instance.output()).not.toMatch(/\[verify-widget\]/)
  })
})
