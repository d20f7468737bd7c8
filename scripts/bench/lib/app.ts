import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Sandbox } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { freePort } from '../../../tests/e2e/support/ports'
import { runStartScript, type StartProcess } from '../../lib/start-process'
import { APP_CWD } from './paths'

export interface BenchApp {
  /** `http://localhost:<port>`, as a person opens `npm start`. */
  url: string
  sandbox: Sandbox
  stop(): Promise<void>
}

// Made-up keys for this run only.
const KEYS = {
  FACESIGN_API_KEY: 'sk_test_bench_facesign_key',
  FACESIGN_WEBHOOK_SECRET: 'sk_test_bench_facesign_webhook',
  FACEVERIFY_API_KEY: 'sk_test_bench_faceverify_key',
  FACEVERIFY_SECRET_KEY: 'sk_test_bench_faceverify_secret',
}

/**
 * The app as `npm start` runs it (scripts/start.ts in its own process, serving the bench's build),
 * with the provider sandbox in this process so that the bench can finish sessions and send their
 * webhooks itself. Ports are free ones unless given (BENCH_PORT, BENCH_SANDBOX_PORT), so a bench
 * never meets a developer's `npm start` or another run's servers.
 */
export async function startBenchApp(fixedPort?: number, sandboxPort = 0): Promise<BenchApp> {
  const port = fixedPort ?? (await freePort())
  const url = `http://localhost:${port}`
  const sandbox = await startSandbox({
    port: sandboxPort,
    // The emulated 100/min test-mode limit would measure the sandbox, not us: hundreds of sessions per run.
    facesign: {
      apiKeys: [KEYS.FACESIGN_API_KEY],
      webhookSecret: KEYS.FACESIGN_WEBHOOK_SECRET,
      webhookUrl: `http://127.0.0.1:${port}/api/verify/webhooks/facesign`,
      rateLimitPerMinute: 1_000_000,
    },
    faceverify: {
      apiKey: KEYS.FACEVERIFY_API_KEY,
      secretKey: KEYS.FACEVERIFY_SECRET_KEY,
      webhookUrl: `http://127.0.0.1:${port}/api/verify/webhooks/faceverify`,
      returnUrl: `${url}/`,
    },
    frameAncestors: [url, `http://127.0.0.1:${port}`],
  })
  const dataDir = mkdtempSync(join(tmpdir(), 'verify-bench-'))
  let app: StartProcess
  try {
    app = await runStartScript({
      cwd: APP_CWD,
      // Every bench user comes from loopback: lift the per-address and global create limits. The sandbox's
      // emulated 100/min is lifted above, and the backend's provider budget with it: the memory section
      // alone opens a session every second or so.
      env: {
        ...KEYS,
        PORT: String(port),
        VERIFY_DATA_DIR: dataDir,
        VERIFY_SANDBOX_URL: sandbox.url,
        VERIFY_CREATE_LIMIT_PER_ADDRESS: '1000',
        VERIFY_CREATE_LIMIT_GLOBAL: '1000',
        VERIFY_MAX_CONNECTIONS_PER_ADDRESS: '10000',
        VERIFY_PROVIDER_LIMIT_PER_MINUTE: '100000',
      },
    })
  } catch (error) {
    await sandbox.close()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  const stop = async () => {
    await app.stop()
    await sandbox.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { url, sandbox, stop }
}
