/**
 * Handler cold start per runtime of the matrix (tests/runtimes): each runtime's process is started
 * with the backend bundled for it (serve/<runtime>.ts with the memory store) and timed from spawn to
 * its first answered HTTP request (polled every 10 ms); the same server with no handler behind it
 * (baseline-app.ts) is timed alike, so the handler's share (import, creation, first answer) is the
 * difference of the medians. Bundling is not timed. Run alone with `tsx scripts/bench/runtimes.ts
 * [--rounds=N]`, or as the `runtimes` section of `npm run bench`; both write bench/results-runtimes.json.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort } from '../../tests/e2e/support/ports'
import type { Bundle } from '../../tests/runtimes/bundle'
import { prepare, serveBundle } from '../../tests/runtimes/launch'
import { RUNTIMES, type RuntimeSpec, runtimeCommand } from '../../tests/runtimes/runtimes'
import { ROOT } from './lib/paths'
import { median, round, type Summary, summarize } from './lib/stats'

export const RUNTIMES_RESULTS = join(ROOT, 'bench/results-runtimes.json')

export interface RuntimeColdStart {
  runtime: string
  title: string
  version?: string
  /** Spawn → first answer, with the handler. */
  withHandlerMs?: Summary
  /** Spawn → first answer, the same server without a handler. */
  baselineMs?: Summary
  /** Difference of the medians: what the handler adds. */
  handlerMs?: number
  /** Why the handler did not serve here (its first lines). */
  error?: string
}

export interface RuntimesFigures {
  rounds: number
  runtimes: RuntimeColdStart[]
}

// Provider options that need no provider at startup: cold start makes no provider call.
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
    return `edge-runtime ${JSON.parse(readFileSync(join(ROOT, 'node_modules/edge-runtime/package.json'), 'utf8')).version} on Node ${process.versions.node}`
  }
  try {
    return execFileSync(runtimeCommand(spec, '').cmd, ['--version'], { encoding: 'utf8' })
      .split('\n')[0]!
      .replace(/\s*\(.*\)$/, '')
      .trim()
  } catch {
    return undefined
  }
}

async function timeToFirstAnswer(spec: RuntimeSpec, built: Bundle): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const running = await serveBundle(spec, built, { VERIFY_TEST_OPTIONS: OPTIONS }, port)
  const ms = performance.now() - started
  await running.stop()
  return ms
}

async function coldStart(spec: RuntimeSpec, rounds: number): Promise<RuntimeColdStart> {
  const entry = join(ROOT, 'tests/runtimes/serve', spec.serve)
  const figure: RuntimeColdStart = { runtime: spec.name, title: spec.title, version: versionOf(spec) }
  try {
    const handler = await prepare(spec, entry)
    const baseline = await prepare(spec, entry, { app: 'baseline' })
    const withHandler: number[] = []
    const without: number[] = []
    // Interleaved, so that a burst of load elsewhere weighs on both alike.
    for (let i = 0; i < rounds; i++) {
      withHandler.push(await timeToFirstAnswer(spec, handler))
      without.push(await timeToFirstAnswer(spec, baseline))
    }
    figure.withHandlerMs = summarize(withHandler)
    figure.baselineMs = summarize(without)
    figure.handlerMs = round(median(withHandler) - median(without))
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((l) => l.trim())
    figure.error = lines.filter((l) => /\b\w*Error: |imports Node/.test(l)).join(' ') || lines.slice(0, 3).join(' ')
  }
  return figure
}

export async function runRuntimesBench(rounds: number, log: (text: string) => void = () => {}): Promise<RuntimesFigures> {
  const runtimes: RuntimeColdStart[] = []
  for (const spec of Object.values(RUNTIMES)) {
    log(`runtimes: ${spec.title}, ${rounds} cold starts with the handler and ${rounds} without`)
    runtimes.push(await coldStart(spec, rounds))
  }
  return { rounds, runtimes }
}

export function writeRuntimesResults(figures: RuntimesFigures, commit: string | undefined): void {
  const text = JSON.stringify({ at: new Date().toISOString(), commit, node: process.version, ...figures }, null, 2)
  writeFileSync(RUNTIMES_RESULTS, `${text}\n`)
}

if (process.argv[1]?.endsWith('runtimes.ts')) {
  const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 5)
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
