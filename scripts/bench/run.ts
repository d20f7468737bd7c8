/**
 * `npm run bench`: bundle sizes against the peers, the hosted page in headless Chromium, click →
 * flow, webhook → status shown, a phone's result → shown on the desktop, the backend on loopback, webhook signatures with Web Crypto against
 * node:crypto, the provider quota (attacks on honest users included), the widget's heap, two
 * instances on one PostgreSQL database and the handler's cold start on every runtime of the matrix. Prints a table, writes bench/results.json (the file the
 * docs' figures come from: `npm run figures`) and exits 1 when a section fails or a figure is over
 * its budget.
 *   --only=bundle,hosted,…  runs those sections and replaces only their figures in bench/results.json
 *   --quick                 fewer rounds; writes bench/.tmp/results-quick.json
 *   --smoke                 every section at a small size (the `bench` gate of `npm test`); writes
 *                           bench/.tmp/results-smoke.json and holds only sizes and counts to their
 *                           budgets, since times on a busy machine say nothing
 *   --quota-seconds=N       how long the quota section keeps its sessions open
 *   --json=<file>           one line per section (ran, within its budgets) for `npm test`'s summary
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { type BackendSize, runBackendBench } from './backend'
import { runBundleBench } from './bundle'
import { runClickBench } from './click'
import { type CryptoSize, runCryptoBench } from './crypto'
import { runHandoffBench } from './handoff'
import { runHostedBench } from './hosted'
import { type InstancesSize, runInstancesBench } from './instances'
import { type BenchApp, startBenchApp } from './lib/app'
import { buildBenchPage } from './lib/bench-page'
import { launchChromium } from './lib/browser'
import { buildForBench } from './lib/build'
import { RESULTS, ROOT, TMP } from './lib/paths'
import { formatTable, overBudget } from './lib/report'
import { runMemoryBench } from './memory'
import { type QuotaSize, runQuotaBench } from './quota'
import {
  type BenchMode,
  type BenchResults,
  rowsFor,
  SECTIONS,
  type SectionFigures,
  type SectionName,
  type SectionResults,
  sectionRows,
} from './rows'
import { runRuntimesBench } from './runtimes'
import { runWebhookBench } from './webhook'

interface Sizes {
  hosted: number
  click: number
  webhook: number
  /** Handoffs, desktop to phone (after one to warm up, when more than one). */
  handoff: number
  memoryWarmup: number
  memory: number
  backend: BackendSize
  crypto: CryptoSize
  quota: QuotaSize
  instances: InstancesSize
  /** Cold starts per runtime. */
  runtimes: number
}

const SIZES: Record<BenchMode, Sizes> = {
  full: {
    hosted: 10,
    click: 10,
    webhook: 50,
    handoff: 50,
    memoryWarmup: 20,
    memory: 100,
    backend: { pollSeconds: 60, webhooks: 5000, reads: 10000, outcomeRounds: 200, outcomeHooks: 2000 },
    crypto: { rounds: 15, verifications: 20_000 },
    quota: { seconds: 120, sessions: 200, creates: 2000, floodSeconds: 30 },
    // 30 creates: within the creates' share of a test key's minute (the provider budget is the product's own).
    instances: { crossSessions: 30, pollSeconds: 20, events: 2000 },
    runtimes: 15,
  },
  quick: {
    hosted: 3,
    click: 3,
    webhook: 10,
    handoff: 10,
    memoryWarmup: 20,
    memory: 20,
    backend: { pollSeconds: 10, webhooks: 1000, reads: 2000, outcomeRounds: 50, outcomeHooks: 500 },
    crypto: { rounds: 5, verifications: 5000 },
    quota: { seconds: 20, sessions: 200, creates: 2000, floodSeconds: 10 },
    instances: { crossSessions: 10, pollSeconds: 6, events: 300 },
    runtimes: 5,
  },
  smoke: {
    hosted: 1,
    click: 1,
    webhook: 2,
    handoff: 1,
    memoryWarmup: 2,
    memory: 3,
    backend: { pollSeconds: 3, webhooks: 100, reads: 200, outcomeRounds: 10, outcomeHooks: 50 },
    crypto: { rounds: 2, verifications: 1000 },
    quota: { seconds: 3, sessions: 10, creates: 100, floodSeconds: 2 },
    instances: { crossSessions: 2, pollSeconds: 2, events: 50 },
    runtimes: 1,
  },
}

const argv = process.argv.slice(2)
const mode: BenchMode = argv.includes('--smoke') ? 'smoke' : argv.includes('--quick') ? 'quick' : 'full'
const onlyArg = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
const only = new Set<string>(onlyArg ? onlyArg.split(',') : SECTIONS)
const unknown = [...only].filter((s) => !(SECTIONS as readonly string[]).includes(s))
if (unknown.length) {
  console.error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`)
  process.exit(2)
}
const wants = (s: SectionName) => only.has(s)
const quotaArg = argv.find((a) => a.startsWith('--quota-seconds='))?.slice('--quota-seconds='.length)
const SIZE: Sizes = { ...SIZES[mode], quota: { ...SIZES[mode].quota, ...(quotaArg ? { seconds: Number(quotaArg) } : {}) } }
const envPort = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)
const FILE = mode === 'full' ? RESULTS : join(TMP, `results-${mode}.json`)

const log = (text: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${text}`)
const oneMinuteLoad = () => Math.round(loadavg()[0]! * 100) / 100

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

const commit = gitCommit()
const sections: SectionResults = {}
const errors: { section: SectionName; message: string }[] = []
let chromium: string | undefined

/** Runs one section; a failure is recorded (and fails the run) without losing the other sections. */
async function section<K extends SectionName>(name: K, what: string, work: () => Promise<SectionFigures[K]>): Promise<void> {
  if (!wants(name)) return
  log(what)
  const started = Date.now()
  const loadAtStart = oneMinuteLoad()
  try {
    const figures = await work()
    const run = {
      date: new Date(started).toISOString(),
      commit,
      mode,
      seconds: Math.round((Date.now() - started) / 1000),
      node: process.version,
      ...(chromium && ['hosted', 'click', 'webhook', 'handoff', 'memory'].includes(name) ? { chromium } : {}),
      cpus: cpus().length,
      loadAverage: [loadAtStart, oneMinuteLoad()] as [number, number],
    }
    sections[name] = { run, figures } as SectionResults[K]
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    log(`${name} failed: ${message}`)
    if (error instanceof Error && error.stack) console.error(error.stack)
    errors.push({ section: name, message })
  }
}

async function browserSections(): Promise<void> {
  const app: BenchApp = await startBenchApp(envPort('BENCH_PORT'), envPort('BENCH_SANDBOX_PORT'))
  log(`app on ${app.url}, sandbox on ${app.sandbox.url}`)
  try {
    const browser = await launchChromium()
    try {
      chromium = browser.version()
      const assets = await buildBenchPage()
      await section('hosted', `hosted page: ${SIZE.hosted} cold loads`, () => runHostedBench(browser, app, SIZE.hosted))
      await section('click', `click → flow: ${SIZE.click} runs with prefetch, ${SIZE.click} without`, () =>
        runClickBench(browser, app, assets, SIZE.click),
      )
      await section('webhook', `webhook → status shown: ${SIZE.webhook} sessions over SSE, then polling only`, async () => [
        await runWebhookBench(browser, app, 'sse', SIZE.webhook),
        await runWebhookBench(browser, app, 'polling', SIZE.webhook),
      ])
      await section('handoff', `handoff: ${SIZE.handoff} desktops without a camera, each finished on a phone`, () =>
        runHandoffBench(browser, app, assets, SIZE.handoff),
      )
      await section('memory', `memory: ${SIZE.memory} dialog open/close cycles`, () =>
        runMemoryBench(browser, app, assets, SIZE.memoryWarmup, SIZE.memory),
      )
    } finally {
      await browser.close()
    }
  } finally {
    await app.stop()
  }
}

/**
 * Sizes come out the same on any machine, so the smoke run holds the committed ones to the code:
 * a change that makes any entry, chunk, peer or the hosted page bigger or smaller fails until
 * `npm run bench -- --only=bundle` and `npm run figures` put the new sizes in the results and docs.
 */
function compareSizes(): void {
  const now = sections.bundle?.figures.checks
  if (!now || !existsSync(RESULTS)) return
  const committed = (JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults).sections?.bundle?.figures.checks ?? []
  const key = (c: { group: string; name: string }) => `${c.group} ${c.name}`
  const before = new Map(committed.map((c) => [key(c), c.bytes]))
  const after = new Map(now.map((c) => [key(c), c.bytes]))
  const differences = [
    ...[...after]
      .filter(([k, bytes]) => before.get(k) !== bytes)
      .map(([k, bytes]) => `${k}: ${before.get(k) ?? 'not measured'} → ${bytes} B`),
    ...[...before.keys()].filter((k) => !after.has(k)).map((k) => `${k}: no longer measured`),
  ]
  if (!differences.length) return
  const message = `sizes differ from bench/results.json (run \`npm run bench -- --only=bundle\`, then \`npm run figures\`): ${differences.join('; ')}`
  log(`bundle: ${message}`)
  errors.push({ section: 'bundle', message })
}

/** The results file as it was: `--only` replaces its own sections and keeps the others. */
function previousSections(): BenchResults {
  if (!existsSync(FILE)) return { sections: {} }
  try {
    const previous = JSON.parse(readFileSync(FILE, 'utf8')) as BenchResults
    return previous.sections ? previous : { sections: {} }
  } catch {
    return { sections: {} }
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  if (oneMinuteLoad() > cpus().length)
    log(`load average ${oneMinuteLoad().toFixed(1)} on ${cpus().length} cores: the timings will carry other work's noise`)
  log(`${mode} run; building the library and the hosted page into bench/.tmp`)
  buildForBench()
  await section('bundle', 'sizes: size-limit over our entries, the peers and the hosted page', runBundleBench)
  if (mode === 'smoke') compareSizes()
  if (wants('hosted') || wants('click') || wants('webhook') || wants('handoff') || wants('memory')) {
    try {
      await browserSections()
    } catch (error) {
      // The app or the browser did not start: every browser section is lost.
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
      for (const name of ['hosted', 'click', 'webhook', 'handoff', 'memory'] as const)
        if (wants(name) && !sections[name]) errors.push({ section: name, message })
    }
  }
  // Last, with the app and browser gone: they saturate the CPU on their own.
  await section('backend', `backend on loopback (scripts/bench/server.ts, ${SIZE.backend.pollSeconds} s of polling)`, () =>
    runBackendBench(SIZE.backend),
  )
  await section(
    'crypto',
    `webhook signatures, Web Crypto against node:crypto: ${SIZE.crypto.rounds} rounds of ${SIZE.crypto.verifications}`,
    () => runCryptoBench(SIZE.crypto),
  )
  await section('quota', `provider calls per minute: ${SIZE.quota.sessions} open sessions for ${SIZE.quota.seconds} s, then floods`, () =>
    runQuotaBench(SIZE.quota, log),
  )
  await section('instances', 'two instances on one PostgreSQL database (a throwaway server)', () => runInstancesBench(SIZE.instances))
  await section('runtimes', `handler cold start per runtime: ${SIZE.runtimes} each`, () => runRuntimesBench(SIZE.runtimes, log))
  const seconds = Math.round((Date.now() - started) / 1000)

  // A failed section keeps its previous figures: the docs never lose a figure to a broken run.
  const previous = previousSections()
  const results: BenchResults = {
    ...(previous.lastFullRun ? { lastFullRun: previous.lastFullRun } : {}),
    sections: { ...previous.sections, ...sections },
  }
  if (!onlyArg && errors.length === 0) results.lastFullRun = { date: new Date(started).toISOString(), commit, seconds }
  mkdirSync(dirname(FILE), { recursive: true })
  writeFileSync(FILE, `${JSON.stringify(results, null, 2)}\n`)

  const rows = [
    ...rowsFor(sections),
    ...errors.map((e) => ({
      section: e.section,
      measure: 'did not finish',
      value: e.message.slice(0, 100),
      budget: 'finishes',
      ok: false,
    })),
  ]
  console.log(`\n${formatTable(rows)}\n`)
  log(`${seconds} s; wrote ${FILE.slice(ROOT.length + 1)}${mode === 'full' ? ' (then `npm run figures` writes them into the docs)' : ''}`)
  const over = overBudget(rows, mode === 'smoke')
  for (const row of over) console.error(`over budget: ${row.section} ${row.measure}: ${row.value} (budget ${row.budget})`)
  // Every section asked for must have run: one per line of the gate's report (`--json=<file>`).
  const status = SECTIONS.filter(wants).map((name) => {
    const error = errors.find((e) => e.section === name)?.message
    const produced = Boolean(sections[name])
    const overs = produced ? overBudget(sectionRows(name, sections[name]!.figures as never), mode === 'smoke') : []
    const message = error ?? (produced ? overs.map((r) => `${r.measure}: ${r.value} (budget ${r.budget})`).join('; ') : 'no figures')
    return { name, ok: !error && produced && overs.length === 0, ...(message ? { message } : {}) }
  })
  const jsonArg = argv.find((a) => a.startsWith('--json='))?.slice('--json='.length)
  if (jsonArg) writeFileSync(jsonArg, `${JSON.stringify({ mode, seconds, sections: status }, null, 2)}\n`)
  return status.every((s) => s.ok) && over.length === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(2)
  },
)
