import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Sandbox } from '../../../src/sandbox'
import { startSandbox } from '../../../src/sandbox'
import { APP_CWD, bin, ROOT } from './paths'

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

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`scripts/start.ts exited with ${child.exitCode}:\n${log()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await response.body?.cancel()
      if (response.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`scripts/start.ts did not serve ${url} in time:\n${log()}`)
}

/**
 * The app as `npm start` runs it (scripts/start.ts in its own process, serving the bench's build),
 * with the provider sandbox in this process so that the bench can finish sessions and send their
 * webhooks itself. Ports default to 4500/4510, away from a developer's `npm start` on 4000/4010.
 */
export async function startBenchApp(port: number, sandboxPort: number): Promise<BenchApp> {
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
  let log = ''
  const child = spawn(bin('tsx'), [join(ROOT, 'scripts/start.ts')], {
    cwd: APP_CWD,
    // Its own process group: tsx runs the script in a child node process, and both must stop.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...KEYS, PORT: String(port), VERIFY_DATA_DIR: dataDir, VERIFY_SANDBOX_URL: sandbox.url },
  })
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()))
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {}
      await exited
    }
    await sandbox.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitUntilServing(`${url}/`, child, () => log)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, sandbox, stop }
}
