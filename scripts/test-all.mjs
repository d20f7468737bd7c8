#!/usr/bin/env node
// Runs every quality gate in order and ends with one line: `N passed, N failed` over all
// suites. A gate that is a single check (typecheck, lint, builds) counts as one test; test runners
// report their own counts through their JSON reporters. A gate whose runner crashed (no report, or a
// failing exit with no failing test) gets a line of its own and counts as one failure.
//   node scripts/test-all.mjs [gate …]   (gates: see GATES below)
// The run is the same with or without CI in the environment: focused tests (`.only`) fail in
// vitest and Playwright alike, and every server a test needs starts on a free port.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const GATES = [
  'typecheck',
  'lint',
  'figures',
  'vitest',
  'runtimes',
  'build',
  'api',
  'package',
  'size',
  'bench',
  'examples',
  'storybook',
  'e2e',
]
const only = process.argv.slice(2)
const unknown = only.filter((name) => !GATES.includes(name))
if (unknown.length) {
  console.error(`unknown gate(s) ${unknown.join(', ')}; gates: ${GATES.join(', ')}`)
  process.exit(2)
}
const out = '.test-results'
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const results = []

/** Runs a command with inherited output; returns its exit code (null when it was killed). */
function run(cmd, args, env = {}) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.error) throw r.error
  return r.signal ? `killed by ${r.signal}` : r.status
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

const wants = (name) => !only.length || only.includes(name)

function gate(name, fn) {
  if (!wants(name)) return
  const started = Date.now()
  let r
  try {
    r = fn()
  } catch (error) {
    console.error(error)
    r = { passed: 0, failed: 0, crash: `threw ${error instanceof Error ? error.message : String(error)}` }
  }
  results.push({ skipped: 0, ...r, name, seconds: Math.round((Date.now() - started) / 1000) })
}

/** A single check: passed when the command exits 0. */
const single = (code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 })

/** A runner's counts, and a crash when it failed without a failing test to show for it. */
function counted(code, report, counts) {
  if (!report) return { passed: 0, failed: 0, crash: `exited ${code} and wrote no report` }
  const c = counts(report)
  if (code !== 0 && c.failed === 0) return { ...c, crash: c.why ?? `exited ${code} with no failing test in its report` }
  return c
}

gate('typecheck', () => single(run('npx', ['tsc', '-p', 'tsconfig.json'])))
gate('lint', () => single(run('npx', ['biome', 'ci', '.'])))
// README and docs quote bench/results*.json through marked blocks: each must read what the results say.
gate('figures', () => single(run('npx', ['tsx', 'scripts/figures.ts', '--check'])))
gate('vitest', () => {
  const file = `${out}/vitest.json`
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`])
  return counted(code, readJson(file), (json) => ({
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    why: json.numFailedTestSuites > 0 ? `${json.numFailedTestSuites} test file(s) failed to run` : undefined,
  }))
})
gate('runtimes', () => {
  // tests/runtimes: the backend bundled for and served by Node 20 and 22, Bun, Deno, workerd (Node.js
  // compatibility on, and off) and edge-runtime, against the sandbox; the PostgreSQL store contract
  // inside each runtime with TCP sockets. One vitest file per runtime: counted per runtime.
  const file = `${out}/runtimes.json`
  const code = run('npx', [
    'vitest',
    'run',
    '-c',
    'tests/runtimes/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ])
  return counted(code, readJson(file), (json) => ({
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    why: json.numFailedTestSuites > 0 ? `${json.numFailedTestSuites} runtime file(s) failed to run` : undefined,
    rows: json.testResults.map((f) => ({
      name: f.name.replace(/^.*\/(.*)\.test\.ts$/, '$1'),
      passed: f.assertionResults.filter((a) => a.status === 'passed').length,
      failed: f.assertionResults.filter((a) => a.status === 'failed').length,
    })),
  }))
})
gate('build', () => single(run('npm', ['run', '--silent', 'build'])))
// Every entry point's public API against the committed reports in api/, and docs/reference.md against it.
gate('api', () => single(run('node', ['scripts/api-report.mjs', '--check', ...(wants('build') ? ['--no-build'] : [])])))
gate('package', () => {
  // The packed tarball: its file list, publint and attw (types under node10, node16 and bundler).
  const file = `${out}/package.json`
  const code = run('node', ['scripts/check-package.mjs', '--json', file])
  const checks = readJson(file)
  return counted(code, Array.isArray(checks) ? checks : undefined, (list) => {
    const failed = list.filter((c) => !c.ok).length
    return { passed: list.length - failed, failed }
  })
})
gate('size', () => {
  const r = spawnSync('npx', ['size-limit', '--json'], { encoding: 'utf8' })
  console.log(`\n▶ size-limit\n${r.stdout}${r.stderr}`)
  let entries
  try {
    entries = JSON.parse(r.stdout)
  } catch {}
  return counted(r.status, Array.isArray(entries) ? entries : undefined, (list) => {
    const failed = list.filter((e) => !e.passed).length
    return { passed: list.length - failed, failed }
  })
})
// Every bench section at a small size: a section that breaks fails here, not at the next release.
gate('bench', () => {
  const file = `${out}/bench.json`
  const code = run('npx', ['tsx', 'scripts/bench/run.ts', '--smoke', `--json=${file}`])
  return counted(code, readJson(file), (json) => {
    const failed = json.sections.filter((s) => !s.ok).length
    return { passed: json.sections.length - failed, failed }
  })
})
gate('examples', () => {
  // examples/*: one install of the packed tarball for all three, a build of each, then Chromium
  // drives each against the sandbox. Needs the tarball of the package gate.
  const file = `${out}/examples.json`
  const code = run('node', ['scripts/examples.mjs', '--json', file])
  return counted(code, readJson(file), (summary) => {
    const stepsFailed = summary.steps.filter((s) => !s.ok).length
    return { passed: summary.passed ?? 0, failed: (summary.failed ?? 0) + stepsFailed, skipped: summary.skipped ?? 0 }
  })
})
gate('storybook', () => single(run('npx', ['storybook', 'build', '--quiet', '-o', 'storybook-static'])))
gate('e2e', () => {
  const file = `${out}/playwright.json`
  // Absolute: Playwright resolves a relative report path against the config's folder, not the cwd.
  const code = run('npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(file) })
  const json = readJson(file)
  return counted(code, json?.stats ? json : undefined, ({ stats, errors }) => ({
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected,
    skipped: stats.skipped,
    why: errors?.length ? `${errors.length} error(s) outside any test: ${errors[0].message?.split('\n')[0]}` : undefined,
  }))
})

const crashes = results.filter((r) => r.crash)
const total = (key) => results.reduce((n, r) => n + r[key], 0)
console.log('\nSuite        passed  failed  skipped  seconds')
for (const r of results) {
  console.log(
    `${r.name.padEnd(12)} ${String(r.passed).padStart(6)}  ${String(r.failed + (r.crash ? 1 : 0)).padStart(6)}  ${String(r.skipped).padStart(7)}  ${String(r.seconds).padStart(7)}`,
  )
  for (const row of r.rows ?? [])
    console.log(`  ${row.name.padEnd(14)} ${String(row.passed).padStart(4)}  ${String(row.failed).padStart(6)}`)
}
if (crashes.length) console.log('')
for (const r of crashes) console.log(`crashed: ${r.name} ${r.crash}`)
const failed = total('failed') + crashes.length
// The skipped count on a line of its own: the last line is exactly `N passed, N failed`.
console.log(`\n${total('skipped')} skipped`)
console.log(`${total('passed')} passed, ${failed} failed`)
process.exit(failed === 0 && results.length > 0 ? 0 : 1)
