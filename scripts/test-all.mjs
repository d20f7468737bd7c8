#!/usr/bin/env node
// Runs every quality gate in order and ends with one line: `N passed, N failed` over all suites.
// A gate that is a single check (typecheck, lint, builds) counts as one test; test runners report
// their own counts through their JSON reporters.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const only = process.argv.slice(2)
const out = '.test-results'
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const results = []

function run(cmd, args, env = {}) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status === 0
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

function gate(name, fn) {
  if (only.length && !only.includes(name)) return
  const started = Date.now()
  let r
  try {
    r = fn()
  } catch (error) {
    console.error(error)
    r = { passed: 0, failed: 1 }
  }
  results.push({ name, ...r, seconds: Math.round((Date.now() - started) / 1000) })
}

const single = (ok) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 })

gate('typecheck', () => single(run('npx', ['tsc', '-p', 'tsconfig.json'])))
gate('lint', () => single(run('npx', ['biome', 'ci', '.'])))
gate('vitest', () => {
  const file = `${out}/vitest.json`
  const ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`])
  const json = readJson(file)
  if (!json) return single(false)
  const failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1)
  return { passed: json.numPassedTests, failed }
})
gate('runtimes', () => {
  // tests/runtimes: the backend bundled for and served by Node 20 and 22, Bun, Deno, workerd (Node.js
  // compatibility on, and off) and edge-runtime, against the sandbox; the PostgreSQL store contract
  // inside each runtime with TCP sockets. One vitest file per runtime: counted per runtime.
  const file = `${out}/runtimes.json`
  const ok = run('npx', [
    'vitest',
    'run',
    '-c',
    'tests/runtimes/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ])
  const json = readJson(file)
  if (!json) return single(false)
  const rows = json.testResults.map((f) => {
    const count = (status) => f.assertionResults.filter((a) => a.status === status).length
    return {
      name: f.name.replace(/^.*\/(.*)\.test\.ts$/, '$1'),
      passed: count('passed'),
      failed: count('failed') + (f.status === 'failed' && count('failed') === 0 ? 1 : 0),
    }
  })
  const failed = rows.reduce((n, r) => n + r.failed, 0)
  return { passed: json.numPassedTests, failed: failed + (ok || failed > 0 ? 0 : 1), rows }
})
gate('build', () => single(run('npm', ['run', '--silent', 'build'])))
gate('package', () => {
  // The packed tarball: its file list, publint and attw (types under node10, node16 and bundler).
  const file = `${out}/package.json`
  run('node', ['scripts/check-package.mjs', '--json', file])
  const checks = readJson(file)
  if (!Array.isArray(checks)) return single(false)
  const failed = checks.filter((c) => !c.ok).length
  return { passed: checks.length - failed, failed }
})
gate('size', () => {
  const file = `${out}/size.json`
  const r = spawnSync('npx', ['size-limit', '--json'], { encoding: 'utf8' })
  console.log(`\n▶ size-limit\n${r.stdout}${r.stderr}`)
  let entries
  try {
    entries = JSON.parse(r.stdout)
  } catch {
    return single(false)
  }
  const failed = entries.filter((e) => !e.passed).length
  return { passed: entries.length - failed, failed: failed + (r.status !== 0 && failed === 0 ? 1 : 0), file }
})
gate('examples', () => {
  // examples/*: one install of the packed tarball for all three, a build of each, then Chromium
  // drives each against the sandbox. Needs the tarball of the package gate.
  const file = `${out}/examples.json`
  run('node', ['scripts/examples.mjs', '--json', file])
  const summary = readJson(file)
  if (!summary) return single(false)
  const stepsFailed = summary.steps.filter((s) => !s.ok).length
  return { passed: summary.passed ?? 0, failed: (summary.failed ?? 0) + stepsFailed }
})
gate('storybook', () => single(run('npx', ['storybook', 'build', '--quiet', '-o', 'storybook-static'])))
gate('e2e', () => {
  const file = `${out}/playwright.json`
  // Absolute: Playwright resolves a relative report path against the config's folder, not the cwd.
  const ok = run('npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(file) })
  const json = readJson(file)
  if (!json?.stats) return single(false)
  const { expected, unexpected, flaky } = json.stats
  return { passed: expected + flaky, failed: unexpected + (ok || unexpected > 0 ? 0 : 1) }
})

console.log('\nSuite        passed  failed  seconds')
for (const r of results) {
  console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.seconds).padStart(7)}`)
  for (const row of r.rows ?? [])
    console.log(`  ${row.name.padEnd(14)} ${String(row.passed).padStart(4)}  ${String(row.failed).padStart(6)}`)
}
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 && existsSync(out) ? 0 : 1)
