import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runStartScript, type StartProcess } from '../../../scripts/lib/start-process'
import type { Sandbox } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { type FaultProxy, startFaultProxy } from './fault-proxy'
import { freePort } from './ports'

const ROOT = resolve(import.meta.dirname, '../../..')
const BASE = '/api/verify'

/** Made-up keys, unique per run, so that a leak of any of them is recognisable wherever it shows up. */
export interface MarkerKeys {
  facesignApiKey: string
  faceverifyApiKey: string
  faceverifySecretKey: string
  facesignWebhookSecret: string
}

export interface RunningApp {
  /** `http://localhost:<port>`: the hosted page, the demo and the backend, as `npm start` serves them. */
  url: string
  port: number
  sandbox: Sandbox
  /** Between the backend and the sandbox's provider APIs. */
  proxy: FaultProxy
  keys: MarkerKeys
  /** Every marker string that must never reach a browser. */
  markers: string[]
  /**
   * Kills the backend process (not the sandbox) and starts it again on the same port and data dir,
   * with `env` added to its environment for this run (e.g. VERIFY_DEMO_HOOK_HOLD=1).
   */
  restartBackend(between?: () => Promise<void>, env?: Record<string, string>): Promise<void>
  stop(): Promise<void>
}

function markerKeys(): MarkerKeys {
  const tag = randomBytes(6).toString('hex')
  return {
    facesignApiKey: `sk_test_MARKERfs${tag}`,
    faceverifyApiKey: `sk_test_MARKERfv${tag}`,
    faceverifySecretKey: `sk_test_MARKERfvs${tag}`,
    facesignWebhookSecret: `sk_test_MARKERwh${tag}`,
  }
}

/** The hosted page and demo must be built; `npm test` builds them, a lone e2e run builds them here. */
export function ensureHostedBuild(): void {
  if (existsSync(join(ROOT, 'dist-hosted/index.html')) && existsSync(join(ROOT, 'dist-hosted/src/demo/index.html'))) return
  const result = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build:hosted failed')
}

/**
 * The app as `npm start` runs it (scripts/start.ts in its own process), against a sandbox that lives
 * in the test process: tests drive the sandbox's controls, and the sandbox keeps retrying webhooks
 * while the backend process restarts.
 */
export interface EmbeddedApp {
  url: string
  keys: MarkerKeys
  markers: string[]
  stop(): Promise<void>
}

/** Exactly `npm start`'s layout: scripts/start.ts with its own embedded sandbox, forced by VERIFY_SANDBOX=1 despite the keys. */
/** Every test's user comes from loopback: the per-address and global create limits would count the suite as one client. */
const LOOPBACK_USERS = {
  VERIFY_CREATE_LIMIT_PER_ADDRESS: '1000',
  VERIFY_CREATE_LIMIT_GLOBAL: '1000',
  VERIFY_MAX_CONNECTIONS_PER_ADDRESS: '10000',
}

export async function startEmbeddedApp(): Promise<EmbeddedApp> {
  ensureHostedBuild()
  const keys = markerKeys()
  const [port, sandboxPort] = [await freePort(), await freePort()]
  const dataDir = mkdtempSync(join(tmpdir(), 'verify-e2e-embedded-'))
  const app = await runStartScript({
    timeoutMs: 30_000,
    env: {
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      VERIFY_DATA_DIR: dataDir,
      VERIFY_SANDBOX: '1',
      ...LOOPBACK_USERS,
      FACESIGN_API_KEY: keys.facesignApiKey,
      FACEVERIFY_API_KEY: keys.faceverifyApiKey,
      FACEVERIFY_SECRET_KEY: keys.faceverifySecretKey,
      FACESIGN_WEBHOOK_SECRET: keys.facesignWebhookSecret,
    },
  })
  return {
    url: app.url,
    keys,
    markers: [...Object.values(keys), keys.facesignApiKey.slice('sk_test_MARKERfs'.length)],
    async stop() {
      await app.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function startApp(): Promise<RunningApp> {
  ensureHostedBuild()
  const keys = markerKeys()
  const port = await freePort()
  const url = `http://localhost:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), 'verify-e2e-'))
  const webhookBase = `http://127.0.0.1:${port}${BASE}/webhooks`
  const sandbox = await startSandbox({
    facesign: { apiKeys: [keys.facesignApiKey], webhookUrl: `${webhookBase}/facesign`, webhookSecret: keys.facesignWebhookSecret },
    faceverify: {
      apiKey: keys.faceverifyApiKey,
      secretKey: keys.faceverifySecretKey,
      webhookUrl: `${webhookBase}/faceverify`,
      returnUrl: `${url}/`,
    },
    frameAncestors: [url, `http://127.0.0.1:${port}`],
    // Fast retries so a restarted backend gets the webhook within a test.
    webhookRetry: { initialMs: 250, maxMs: 1000, maxAttempts: 120 },
  })
  const proxy = await startFaultProxy(sandbox.url)

  let app: StartProcess | undefined
  const launch = async (extraEnv: Record<string, string> = {}) => {
    app = await runStartScript({
      timeoutMs: 30_000,
      env: {
        PORT: String(port),
        SANDBOX_PORT: String(sandbox.port),
        VERIFY_DATA_DIR: dataDir,
        VERIFY_SANDBOX_URL: sandbox.url,
        FACESIGN_BASE_URL: `${proxy.url}/facesign/v1`,
        FACEVERIFY_BASE_URL: `${proxy.url}/faceverify`,
        FACESIGN_API_KEY: keys.facesignApiKey,
        FACEVERIFY_API_KEY: keys.faceverifyApiKey,
        FACEVERIFY_SECRET_KEY: keys.faceverifySecretKey,
        FACESIGN_WEBHOOK_SECRET: keys.facesignWebhookSecret,
        ...LOOPBACK_USERS,
        ...extraEnv,
      },
    })
  }
  const kill = async (signal: NodeJS.Signals) => app?.stop(signal)

  await launch()
  return {
    url,
    port,
    sandbox,
    proxy,
    keys,
    markers: [...Object.values(keys), keys.facesignApiKey.slice('sk_test_MARKERfs'.length)],
    async restartBackend(between, env) {
      // SIGKILL: a crash, not a polite shutdown; whatever the store holds must already be on disk.
      await kill('SIGKILL')
      await between?.()
      await launch(env)
    },
    async stop() {
      await kill('SIGTERM')
      await proxy.close()
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
