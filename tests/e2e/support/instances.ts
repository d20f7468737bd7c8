import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runStartScript, type StartProcess } from '../../../scripts/lib/start-process'
import type { Sandbox } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { type PostgresServer, startPostgres } from '../../support/postgres'
import { ensureHostedBuild } from './app'
import { type Balancer, startBalancer } from './balancer'
import { freePort } from './ports'

/** Two `npm start` processes (scripts/start.ts) on one PostgreSQL database behind a balancer. */
export interface TwoInstances {
  /** The balancer's URL: what the browser opens. */
  url: string
  ports: [number, number]
  sandbox: Sandbox
  balancer: Balancer
  postgres: PostgresServer
  /** The made-up keys both instances hold: none may reach the browser. */
  markers: string[]
  /** Kills instance `index` with SIGKILL (a crash) and routes new requests to the other one. */
  crash(index: 0 | 1): Promise<void>
  stop(): Promise<void>
}

/**
 * The browser reaches instance A through the balancer; the sandbox delivers webhooks straight to
 * instance B. Both share the database, the data dir's keys (so B accepts A's identity cookie and
 * both verify the same webhook secret) and the sandbox.
 */
export async function startTwoInstances(): Promise<TwoInstances> {
  ensureHostedBuild()
  const postgres = await startPostgres()
  const ports: [number, number] = [await freePort(), await freePort()]
  const balancer = await startBalancer(ports[0])
  const pageOrigin = `http://127.0.0.1:${balancer.port}`
  const tag = randomBytes(6).toString('hex')
  const keys = {
    facesignApiKey: `sk_test_MARKERfs${tag}`,
    faceverifyApiKey: `sk_test_MARKERfv${tag}`,
    faceverifySecretKey: `sk_test_MARKERfvs${tag}`,
    facesignWebhookSecret: `sk_test_MARKERwh${tag}`,
    cookieSecret: randomBytes(32).toString('hex'),
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'verify-e2e-instances-'))
  writeFileSync(join(dataDir, 'local-keys.json'), JSON.stringify(keys), { mode: 0o600 })
  const webhookBase = `http://127.0.0.1:${ports[1]}/api/verify/webhooks`
  const sandbox = await startSandbox({
    facesign: { apiKeys: [keys.facesignApiKey], webhookUrl: `${webhookBase}/facesign`, webhookSecret: keys.facesignWebhookSecret },
    faceverify: {
      apiKey: keys.faceverifyApiKey,
      secretKey: keys.faceverifySecretKey,
      webhookUrl: `${webhookBase}/faceverify`,
      returnUrl: `${pageOrigin}/`,
    },
    frameAncestors: [pageOrigin],
    webhookRetry: { initialMs: 250, maxMs: 1000, maxAttempts: 120 },
  })
  const processes = await Promise.all(
    ports.map((port) =>
      runStartScript({
        timeoutMs: 30_000,
        env: {
          PORT: String(port),
          VERIFY_DATA_DIR: dataDir,
          VERIFY_SANDBOX_URL: sandbox.url,
          DATABASE_URL: postgres.url,
          DATABASE_SCHEMA: `e2e_${tag}`,
        },
      }),
    ),
  )
  const stopAll = async (list: StartProcess[]) => Promise.all(list.map((p) => p.stop('SIGTERM')))
  return {
    url: pageOrigin,
    ports,
    sandbox,
    balancer,
    postgres,
    markers: [keys.facesignApiKey, keys.faceverifyApiKey, keys.faceverifySecretKey, keys.facesignWebhookSecret, keys.cookieSecret],
    async crash(index) {
      await processes[index]!.stop('SIGKILL')
      balancer.route(ports[index === 0 ? 1 : 0])
    },
    async stop() {
      await stopAll(processes)
      await balancer.close()
      await sandbox.close()
      await postgres.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
