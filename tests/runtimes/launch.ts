import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { freePort } from '../e2e/support/ports'
import { type Bundle, type BundleOptions, bundle, describeNodeImports } from './bundle'
import { missingRuntime, type RuntimeSpec, runtimeCommand } from './runtimes'

/** The compatibility date of the generated Workers config (what `wrangler init` writes today). */
export const WORKERS_COMPATIBILITY_DATE = '2026-11-01'

export interface RunningRuntime {
  /** `http://127.0.0.1:<port>` */
  url: string
  bundle: Bundle
  /** What the runtime printed so far. */
  output(): string
  stop(): Promise<void>
}

/**
 * A Workers config for `workerd serve`: the bundle as the one module, each given variable bound
 * from the environment (as `wrangler secret` does), and outbound fetch and sockets allowed to
 * loopback, where the sandbox and PostgreSQL listen (workerd allows only public addresses by default).
 */
function workerdConfig(spec: RuntimeSpec, file: string, port: number, variables: string[]): string {
  const flags = (spec.compatibilityFlags ?? []).map((f) => JSON.stringify(f)).join(', ')
  const bindings = variables.map((v) => `(name = ${JSON.stringify(v)}, fromEnvironment = ${JSON.stringify(v)})`).join(', ')
  const config = `${file.replace(/\.mjs$/, '')}.capnp`
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker), (name = "loopback", network = (allow = ["public", "private", "local"]))],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed ${JSON.stringify(basename(file))})],
  compatibilityDate = "${WORKERS_COMPATIBILITY_DATE}",
  compatibilityFlags = [${flags}],
  bindings = [${bindings}],
  globalOutbound = "loopback",
);
`,
  )
  return config
}

interface Spawned {
  child: ChildProcess
  exited: Promise<void>
  output(): string
  stop(): Promise<void>
}

/** Runs `target` on the runtime in its own process group, collecting what it prints. */
function spawnRuntime(spec: RuntimeSpec, target: string, env: Record<string, string>): Spawned {
  const { cmd, args } = runtimeCommand(spec, target)
  let log = ''
  const child = spawn(cmd, args, {
    cwd: dirname(target),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, NO_COLOR: '1' },
  })
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-200_000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<void>((done) => child.once('close', () => done()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {}
    }
    await exited
  }
  return { child, exited, output: () => log, stop }
}

function failure(spec: RuntimeSpec, built: Bundle, run: Spawned, what: string): Error {
  const imports = built.nodeImports.size ? `\nThe bundle imports Node built-ins: ${describeNodeImports(built.nodeImports)}.` : ''
  const exit = run.child.exitCode ?? run.child.signalCode ?? 'none'
  return new Error(`${spec.title} ${what} ${built.file} (exit ${exit}):\n${run.output().trim()}${imports}`)
}

/** Bundles `entry` for the runtime, after checking the runtime is installed. */
export async function prepare(spec: RuntimeSpec, entry: string, options: BundleOptions = {}): Promise<Bundle> {
  const missing = missingRuntime(spec)
  if (missing) throw new Error(`${spec.title} cannot run: ${missing}.`)
  return bundle(entry, spec.flavour, `${spec.name}-${basename(entry, '.ts')}${options.app === 'baseline' ? '-baseline' : ''}`, options)
}

/**
 * Serves a prepared bundle on `port` with `env` and resolves once it answers HTTP. A runtime that
 * exits first rejects with its output and the Node built-ins the bundle imports.
 */
export async function serveBundle(spec: RuntimeSpec, built: Bundle, env: Record<string, string>, port: number): Promise<RunningRuntime> {
  const url = `http://127.0.0.1:${port}`
  const target = spec.flavour === 'worker' ? workerdConfig(spec, built.file, port, Object.keys(env)) : built.file
  const run = spawnRuntime(spec, target, { ...env, PORT: String(port) })
  // Polled until the server answers or the process ends; the bound only stops a runtime that hangs.
  for (let attempt = 0; attempt < 6000; attempt++) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) break
    const answered = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) }).then(
      async (r) => {
        await r.body?.cancel()
        return true
      },
      () => false,
    )
    if (answered) return { url, bundle: built, output: run.output, stop: run.stop }
    await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 10))])
  }
  await run.stop()
  throw failure(spec, built, run, 'did not serve')
}

/** Bundles `entry` for the runtime and serves it on `port` (default: a free loopback port) with `env`. */
export async function startRuntime(
  spec: RuntimeSpec,
  entry: string,
  env: Record<string, string>,
  options: BundleOptions & { port?: number } = {},
): Promise<RunningRuntime> {
  const built = await prepare(spec, entry, options)
  return serveBundle(spec, built, env, options.port ?? (await freePort()))
}

/** Bundles `entry` for the runtime, runs it as a script to its end, and answers what it printed. */
export async function runScript(
  spec: RuntimeSpec,
  entry: string,
  env: Record<string, string>,
  options: BundleOptions = {},
): Promise<string> {
  const built = await prepare(spec, entry, options)
  const run = spawnRuntime(spec, built.file, env)
  await run.exited
  if (run.child.exitCode !== 0) throw failure(spec, built, run, 'failed running')
  return run.output()
}
