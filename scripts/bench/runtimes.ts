/**
 * Handler cold start per runtime of the matrix (tests/runtimes): import of the bundled backend
 * (tests/runtimes/app.ts, memory store), creation of the handler and its first answered request.
 * - Node, Bun, Deno and edge-runtime: timed inside the runtime, a fresh process each round
 *   (runtimes/cold-start.mjs, runtimes/edge-cold-start.mjs); the runtime's own start is not counted.
 * - workerd: its clocks stand still while code runs, so it is timed from outside: spawn → first
 *   answer with the handler, minus the same server without it (baseline-app.ts), medians of each.
 * Bundling is not timed. The `runtimes` section of `npm run bench` (alone: `npm run bench -- --only=runtimes`,
 * or `npm run bench:runtimes`). Every runtime must load the handler: the core uses Web APIs only.
 */
import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { freePort } from '../../tests/e2e/support/ports'
import type { TestHandlerOptions } from '../../tests/runtimes/app'
import { type Bundle, bundle } from '../../tests/runtimes/bundle'
import { prepare, serveBundle } from '../../tests/runtimes/launch'
import { RUNTIMES, type RuntimeName, type RuntimeSpec, runtimeCommand } from '../../tests/runtimes/runtimes'
import { ensureNode22 } from '../lib/node22.mjs'
import { ROOT } from './lib/paths'
import type { Row } from './lib/report'
import { median, round, type Summary, summarize } from './lib/stats'

const HERE = join(import.meta.dirname, 'runtimes')
const run = promisify(execFile)

export interface RuntimeColdStart {
  runtime: RuntimeName
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
  // What tests/runtimes/app.ts takes besides: an identity-token secret and where outcomes would go
  // (a cold start delivers none). Made-up values, fresh each run.
  tokens: { secret: randomBytes(32).toString('hex'), audience: 'https://verify.bench.test' },
  outcomes: { url: 'http://127.0.0.1:9/outcomes', secret: `whsec_${randomBytes(32).toString('base64')}` },
} satisfies TestHandlerOptions)

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
  // The matrix's Node 22 lives in tests/runtimes/node22, installed on first use as the runtimes gate does.
  ensureNode22()
  const runtimes: RuntimeColdStart[] = []
  for (const spec of Object.values(RUNTIMES)) {
    log(`runtimes: ${spec.title}, ${rounds} cold start${rounds === 1 ? '' : 's'}`)
    runtimes.push(await coldStart(spec, rounds))
  }
  return { rounds, runtimes }
}

/** What the docs' one-line summary calls each runtime. */
export const SHORT_NAMES: Record<RuntimeName, string> = {
  node20: 'Node 20',
  node22: 'Node 22',
  bun: 'Bun',
  deno: 'Deno',
  workerd: 'workerd',
  'workerd-web': 'workerd without Node.js compatibility',
  'edge-runtime': 'edge-runtime',
}

const ms = (n: number) => `${n} ms`

/** One row per runtime; a runtime that does not load the handler is a failure (the core is Web APIs only). */
export function runtimesRows(f: RuntimesFigures): Row[] {
  return f.runtimes.map((r) => {
    const how =
      r.method === 'spawn'
        ? `spawn → first answer, less the same Worker without the handler, medians of ${f.rounds}`
        : `import + create + first answer, median of ${f.rounds}`
    const measure = `${r.title}${r.version ? `, ${r.version}` : ''}: handler cold start (${how})`
    if (r.error || !r.coldStartMs || r.handlerMs === undefined)
      return {
        section: 'runtimes',
        measure,
        value: `does not load: ${(r.error ?? 'no figure').slice(0, 120)}`,
        budget: 'loads',
        kind: 'count',
        ok: false,
      }
    const value =
      r.method === 'spawn'
        ? `${ms(r.handlerMs)} (${ms(r.coldStartMs.median)} to the first answer with it, ${ms(r.baselineMs!.median)} without)`
        : `${ms(r.handlerMs)} (p95 ${ms(r.coldStartMs.p95)})`
    return { section: 'runtimes', measure, value, budget: 'loads', kind: 'count', ok: true }
  })
}
