/**
 * `npm run bench`: bundle sizes against the peers, the hosted page in headless Chromium, click →
 * flow, webhook → status shown, the backend on loopback, the widget's heap and two instances on
 * one PostgreSQL database. Prints a table, writes bench/results.json and exits 1 when a figure is
 * over its budget. `--quick` runs fewer rounds and writes bench/.tmp/results-quick.json instead;
 * `--only=bundle,hosted,click,webhook,backend,quota,memory,instances` picks sections; `--quota-seconds=N`
 * sets how long the quota section keeps its 200 sessions open (default 120, 20 with --quick).
 * Not part of `npm test`: the figures depend on the machine.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { runBackendBench } from './backend'
import { runBundleBench } from './bundle'
import { runClickBench } from './click'
import { runHostedBench } from './hosted'
import { runInstancesBench } from './instances'
import { type BenchApp, startBenchApp } from './lib/app'
import { buildBenchPage } from './lib/bench-page'
import { launchChromium } from './lib/browser'
import { buildForBench } from './lib/build'
import { RESULTS, ROOT, TMP } from './lib/paths'
import { formatTable, overBudget } from './lib/report'
import { runMemoryBench } from './memory'
import { runQuotaBench } from './quota'
import { type BenchResults, rowsFor } from './rows'
import { runWebhookBench } from './webhook'

const SECTIONS = ['bundle', 'hosted', 'click', 'webhook', 'backend', 'quota', 'memory', 'instances'] as const
type Section = (typeof SECTIONS)[number]

const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const onlyArg = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
const only = new Set<string>(onlyArg ? onlyArg.split(',') : SECTIONS)
const unknown = [...only].filter((s) => !(SECTIONS as readonly string[]).includes(s))
if (unknown.length) {
  console.error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`)
  process.exit(2)
}
const wants = (s: Section) => only.has(s)

const quotaArg = argv.find((a) => a.startsWith('--quota-seconds='))?.slice('--quota-seconds='.length)
const ROUNDS = quick
  ? { hosted: 3, click: 3, webhook: 10, memory: 20, pollSeconds: 10, quotaSeconds: Number(quotaArg ?? 20) }
  : { hosted: 10, click: 10, webhook: 50, memory: 100, pollSeconds: 60, quotaSeconds: Number(quotaArg ?? 120) }
const PORT = Number(process.env.BENCH_PORT ?? 4500)
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4510)

const log = (text: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${text}`)
const load = () => loadavg().map((n) => Math.round(n * 100) / 100)

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

/**
 * Runs one section; a failure is recorded (and fails the run) without losing the other sections.
 */
async function section(results: BenchResults, name: Section, what: string, work: () => Promise<void>): Promise<void> {
  if (!wants(name)) return
  log(what)
  try {
    await work()
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    log(`${name} failed: ${message}`)
    results.errors = [...(results.errors ?? []), { section: name, message }]
  }
}

async function browserSections(results: BenchResults): Promise<void> {
  log(`app on http://localhost:${PORT}, sandbox on 127.0.0.1:${SANDBOX_PORT}`)
  const app: BenchApp = await startBenchApp(PORT, SANDBOX_PORT)
  try {
    const browser = await launchChromium()
    try {
      results.environment.chromium = browser.version()
      const assets = await buildBenchPage()
      await section(results, 'hosted', `hosted page: ${ROUNDS.hosted} cold loads`, async () => {
        results.hosted = await runHostedBench(browser, app, ROUNDS.hosted)
      })
      await section(results, 'click', `click → flow: ${ROUNDS.click} runs with prefetch, ${ROUNDS.click} without`, async () => {
        results.click = await runClickBench(browser, app, assets, ROUNDS.click)
      })
      await section(results, 'webhook', `webhook → status shown: ${ROUNDS.webhook} sessions over SSE, then polling only`, async () => {
        const sse = await runWebhookBench(browser, app, 'sse', ROUNDS.webhook)
        results.webhook = [sse, await runWebhookBench(browser, app, 'polling', ROUNDS.webhook)]
      })
      await section(results, 'memory', `memory: ${ROUNDS.memory} dialog open/close cycles`, async () => {
        results.memory = await runMemoryBench(browser, app, assets, ROUNDS.memory)
      })
    } finally {
      await browser.close()
    }
  } finally {
    await app.stop()
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick,
    environment: { node: process.version, cpus: cpus().length, commit: gitCommit(), loadAverageAtStart: load() },
  }
  const [oneMinute] = loadavg()
  if (oneMinute! > cpus().length)
    log(`load average ${oneMinute!.toFixed(1)} on ${cpus().length} cores: the timings will carry other work's noise`)
  log('building the library and the hosted page into bench/.tmp')
  buildForBench()
  await section(results, 'bundle', 'bundles: ours and the peers, rolldown (as a Vite app) + gzip -9', async () => {
    results.bundle = await runBundleBench()
  })
  if (wants('hosted') || wants('click') || wants('webhook') || wants('memory')) await browserSections(results)
  // Last, with the app and browser gone: it saturates the CPU on its own.
  await section(results, 'backend', `backend on loopback (scripts/bench/server.ts, ${ROUNDS.pollSeconds} s of polling)`, async () => {
    results.backend = await runBackendBench(ROUNDS.pollSeconds)
  })
  await section(
    results,
    'quota',
    `provider calls per minute: 200 open sessions for ${ROUNDS.quotaSeconds} s, 2,000 anonymous creates`,
    async () => {
      results.quota = await runQuotaBench(ROUNDS.quotaSeconds, log)
    },
  )
  await section(results, 'instances', 'two instances on one PostgreSQL database (a throwaway server)', async () => {
    results.instances = await runInstancesBench(quick)
  })
  results.environment.loadAverageAtEnd = load()
  results.environment.seconds = Math.round((Date.now() - started) / 1000)

  const rows = rowsFor(results)
  results.table = rows
  const file = quick ? join(TMP, 'results-quick.json') : RESULTS
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\n${formatTable(rows)}\n`)
  log(
    `${results.environment.seconds} s; load average ${results.environment.loadAverageAtStart.join(' ')} → ${results.environment.loadAverageAtEnd.join(' ')}; wrote ${file.slice(ROOT.length + 1)}`,
  )
  const over = overBudget(rows)
  for (const row of over) console.error(`over budget: ${row.section} ${row.measure}: ${row.value} (budget ${row.budget})`)
  return over.length ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(2)
  },
)
