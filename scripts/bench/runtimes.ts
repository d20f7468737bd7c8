/**
 * Handler cold start per runtime of the matrix (tests/runtimes): import of the bundled backend
 * (tests/runtimes/app.ts, memory store), creation of the handler and its first answered request.
 * - Node, Bun, Deno and edge-runtime: timed inside the runtime, a fresh process each round
 *   (runtimes/cold-start.mjs, runtimes/edge-cold-start.mjs); the runtime's own start is not counted.
 * - workerd: its clocks stand still while code runs, so it is timed from outside: spawn → first
 *   answer with the handler, minus the same server without it (baseline-app.ts), medians of each.
 * Bundling is not timed. Run alone with `tsx scripts/bench/runtimes.ts [--rounds=N]` (default 15), or as
 * the `runtimes` section of `npm run bench`; both write bench/results-runtimes.json.
 */
import { execFile, execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { freePort } from '../../tests/e2e/support/ports'
import { type Bundle, bundle } from '../../tests/runtimes/bundle'
import { prepare, serveBundle } from '../../tests/runtimes/launch'
import { RUNTIMES, type RuntimeSpec, runtimeCommand } from '../../tests/runtimes/runtimes'
import { ROOT } from './lib/paths'
import { median, round, type Summary, summarize } from './lib/stats'

export const RUNTIMES_RESULTS = join(ROOT, 'bench/results-runtimes.json')
const HERE = join(import.meta.dirname, 'runtimes')
const run = promisify(execFile)

export interface RuntimeColdStart {
  runtime: string
  title: string
  version?: string
  /** `in-runtime`: timed by the runtime itself; `spawn`: from outside, less the server without the handler. */
  method: 'in-runtime' | 'spawn'
  /** in-runtime: import + creation + first answer. spawn: spawn → first answer with the handler. */
  coldStartMs?: Summary
  /** spawn only: spawn → first answer of the same server without the handler. */
  baselineMs?: Summary
  /** What the handler costs a cold start: the median (spawn: the difference of the medians). */
  handlerMs?: number
  /** Why the handler did not load here (its error lines). */
  error?: string
}

export interface RuntimesFigures {
  rounds: number
  runtimes: RuntimeColdStart[]
}

// Provider options that need no provider at startup: a cold start makes no provider call.
const OPTIONS = JSON.stringify({
  facesign: {
    apiKey: 'sk_test_bench_cold_start',
    webhookSecret: 'sk_test_bench_cold_start_webhook',
    baseUrl: 'http://127.0.0.1:9/facesign/v1',
    flowUrl: 'http://127.0.0.1:9/facesign/flow',
  },
})

function versionOf(spec: RuntimeSpec): string | undefined {
  if (spec.name === 'edge-runtime') {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules/edge-runtime/package.json'), 'utf8'))
    return `edge-runtime ${version} on Node ${process.versions.node}`
  }
  try {
    const out = execFileSync(runtimeCommand(spec, '').cmd, ['--version'], { encoding: 'utf8' })
    return out
      .split('\n')[0]!
      .replace(/\s*\(.*\)$/, '')
      .trim()
  } catch {
    return undefined
  }
}

/** One cold start timed inside the runtime: the milliseconds it printed. */
async function inRuntime(spec: RuntimeSpec, built: Bundle): Promise<number> {
  const { cmd, args } =
    spec.flavour === 'edge'
      ? { cmd: process.execPath, args: [join(HERE, 'edge-cold-start.mjs'), built.file] }
      : runtimeCommand(spec, join(HERE, 'cold-start.mjs'))
  const env = { ...process.env, VERIFY_TEST_OPTIONS: OPTIONS, VERIFY_BENCH_APP: pathToFileURL(built.file).href, NO_COLOR: '1' }
  try {
    const { stdout } = await run(cmd, args, { cwd: ROOT, env, timeout: 60_000 })
    const line = stdout.split('\n').find((l) => l.startsWith('{"ms"'))
    if (!line) throw new Error(`no timing in:\n${stdout}`)
    const { ms, status } = JSON.parse(line) as { ms: number; status: number }
    // The handler's own answer for an unknown session of a signed-in user, not some other failure.
    if (status !== 404) throw new Error(`the first request answered ${status}, not 404:\n${stdout}`)
    return ms
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    const imports = [...built.nodeImports.keys()].join(', ')
    throw new Error(`${stderr}\n${stdout}${imports ? `\nThe bundle imports Node built-ins: ${imports}.` : ''}`)
  }
}

/** Spawn → first answered request, the runtime's own start included. */
async function spawnToFirstAnswer(spec: RuntimeSpec, built: Bundle): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const running = await serveBundle(spec, built, { VERIFY_TEST_OPTIONS: OPTIONS }, port)
  const ms = performance.now() - started
  await running.stop()
  return ms
}

async function coldStart(spec: RuntimeSpec, rounds: number): Promise<RuntimeColdStart> {
  const method = spec.flavour === 'worker' ? 'spawn' : 'in-runtime'
  const figure: RuntimeColdStart = { runtime: spec.name, title: spec.title, version: versionOf(spec), method }
  try {
    if (method === 'in-runtime') {
      // Node, Bun and Deno import the backend module; the edge script creates the handler as it is evaluated.
      const built =
        spec.flavour === 'edge'
          ? await prepare(spec, join(ROOT, 'tests/runtimes/serve', spec.serve))
          : await bundle(join(ROOT, 'tests/runtimes/app.ts'), spec.flavour, `${spec.name}-bench-app`)
      const times: number[] = []
      for (let i = 0; i < rounds; i++) times.push(await inRuntime(spec, built))
      figure.coldStartMs = summarize(times)
      figure.handlerMs = figure.coldStartMs.median
    } else {
      const entry = join(ROOT, 'tests/runtimes/serve', spec.serve)
      const handler = await prepare(spec, entry)
      const baseline = await prepare(spec, entry, { app: 'baseline' })
      const withHandler: number[] = []
      const without: number[] = []
      // Interleaved, so that a burst of load elsewhere weighs on both alike.
      for (let i = 0; i < rounds; i++) {
        withHandler.push(await spawnToFirstAnswer(spec, handler))
        without.push(await spawnToFirstAnswer(spec, baseline))
      }
      figure.coldStartMs = summarize(withHandler)
      figure.baselineMs = summarize(without)
      figure.handlerMs = round(median(withHandler) - median(without))
    }
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((l) => l.trim())
    figure.error = lines.filter((l) => /\b\w*Error: |imports Node/.test(l)).join(' ') || lines.slice(0, 3).join(' ')
  }
  return figure
}

export async function runRuntimesBench(rounds: number, log: (text: string) => void = () => {}): Promise<RuntimesFigures> {
  const runtimes: RuntimeColdStart[] = []
  for (const spec of Object.values(RUNTIMES)) {
    log(`runtimes: ${spec.title}, ${rounds} cold starts`)
    runtimes.push(await coldStart(spec, rounds))
  }
  return { rounds, runtimes }
}

export function writeRuntimesResults(figures: RuntimesFigures, commit: string | undefined): void {
  const text = JSON.stringify({ at: new Date().toISOString(), commit, node: process.version, ...figures }, null, 2)
  writeFileSync(RUNTIMES_RESULTS, `${text}\n`)
}

if (process.argv[1]?.endsWith('runtimes.ts')) {
  const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 15)
  runRuntimesBench(rounds, console.log).then(
    (figures) => {
      let commit: string | undefined
      try {
        commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
      } catch {}
      writeRuntimesResults(figures, commit)
      console.log(JSON.stringify(figures, null, 2))
    },
    (error: unknown) => {
      console.error(error)
      process.exit(2)
    },
  )
}
