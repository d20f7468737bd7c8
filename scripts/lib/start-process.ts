import { type ChildProcess, spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export interface StartProcess {
  /** `http://localhost:<PORT>`: the hosted page, the demo and the backend, as `npm start` serves them. */
  url: string
  /** Everything the process printed so far. */
  output(): string
  /** Signals the whole process group and waits for it to exit; a no-op once it has. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

export interface StartProcessOptions {
  /** Must include PORT; merged over this process's environment. */
  env: NodeJS.ProcessEnv & { PORT: string }
  /** Working directory: scripts/start.ts serves `dist-hosted` relative to it (default: the repository). */
  cwd?: string
  timeoutMs?: number
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`scripts/start.ts exited with ${child.exitCode}:\n${output()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await response.body?.cancel()
      if (response.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`scripts/start.ts did not serve ${url} in time:\n${output()}`)
}

/**
 * Runs scripts/start.ts in its own process, exactly as `npm start` does, for the end-to-end suite
 * and the benchmarks, and resolves once it serves its page.
 */
export async function runStartScript({ env, cwd = ROOT, timeoutMs = 60_000 }: StartProcessOptions): Promise<StartProcess> {
  const url = `http://localhost:${env.PORT}`
  let log = ''
  // Its own process group: tsx runs the script in a child node process, and both must stop.
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/start.ts')], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, name)
    } catch {}
  }
  // A detached child outlives a runner that dies; make sure it does not.
  const killOnExit = () => signal('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))

  const stop = async (name: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    signal(name)
    await exited
  }
  try {
    await waitUntilServing(`${url}/`, child, () => log, timeoutMs)
  } catch (error) {
    await stop('SIGKILL')
    throw error
  }
  return { url, output: () => log, stop }
}
