#!/usr/bin/env node
// The example apps on the packed tarball, as an integrator gets them: one install for all four
// (npm workspaces, one shared cache), a production build of each, then a browser drives each one
// against the sandbox (tests/examples). Needs the tarball of `node scripts/check-package.mjs`. An app
// whose `engines` wants a newer Node than this one (wrangler: 22.12) gets Node 22 from npm (scripts/lib/node22.mjs).
//   node scripts/examples.mjs [--json <file>]
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { envForApp } from './lib/node22.mjs'

const root = resolve(import.meta.dirname, '..')
const examples = join(root, 'examples')
const pack = join(root, '.pack')
const jsonAt = process.argv.indexOf('--json')
const steps = []

function step(name, cmd, args, options = {}) {
  const started = Date.now()
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } })
  const seconds = Math.round((Date.now() - started) / 100) / 10
  steps.push({ name, ok: r.status === 0, seconds })
  console.log(`  ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s`)
  return r.status === 0
}

/**
 * better-sqlite3's binary: building it takes two minutes on a small machine, so when the repository's
 * own install built the same version for the same Node, that binary is copied; otherwise it is built.
 */
function prepareSqlite() {
  const started = Date.now()
  const version = (dir) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
    } catch {
      return undefined
    }
  }
  const target = join(examples, 'node_modules/better-sqlite3')
  const source = join(root, 'node_modules/better-sqlite3')
  const binary = 'build/Release/better_sqlite3.node'
  if (!version(target)) return true
  if (version(target) === version(source) && existsSync(join(source, binary))) {
    mkdirSync(join(target, 'build/Release'), { recursive: true })
    copyFileSync(join(source, binary), join(target, binary))
    steps.push({
      name: 'better-sqlite3 (binary of the same version reused)',
      ok: true,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    })
    return true
  }
  return step('better-sqlite3 (built)', 'npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], { cwd: examples })
}

function finish(extra = {}) {
  const summary = { steps, ...extra }
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(summary))
  console.log('\nexamples:', steps.map((s) => `${s.name} ${s.seconds} s`).join(', '))
  process.exit(steps.every((s) => s.ok) && (extra.failed ?? 0) === 0 ? 0 : 1)
}

// The examples name the tarball without a version, so a version bump needs no edit there.
const tarball = readdirSync(pack).find((f) => /^verify-widget-\d.*\.tgz$/.test(f))
if (!tarball) {
  console.error('No packed tarball in .pack/: run `node scripts/check-package.mjs` first.')
  steps.push({ name: 'tarball', ok: false, seconds: 0 })
  finish()
}
copyFileSync(join(pack, tarball), join(pack, 'verify-widget.tgz'))

// The same tarball name with new content: drop the installed copy so npm unpacks this one.
rmSync(join(examples, 'node_modules/verify-widget'), { recursive: true, force: true })
rmSync(join(examples, 'package-lock.json'), { force: true })
// No install scripts: the one native module (better-sqlite3, the Next.js example's default store)
// is prepared below.
const installed =
  step('install', 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: examples }) &&
  prepareSqlite()
const workspaces = JSON.parse(readFileSync(join(examples, 'package.json'), 'utf8')).workspaces
const built =
  installed &&
  workspaces.every((name) =>
    step(`build ${name}`, 'npm', ['run', 'build'], {
      cwd: join(examples, name),
      env: envForApp(join(examples, name), { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }),
    }),
  )
if (!built) finish()

const report = join(root, '.test-results/examples-playwright.json')
step('browser', 'npx', ['playwright', 'test', '-c', 'tests/examples/playwright.config.ts'], {
  cwd: root,
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report, NEXT_TELEMETRY_DISABLED: '1' },
})
let stats
try {
  stats = JSON.parse(readFileSync(report, 'utf8')).stats
} catch {}
finish({ passed: stats ? stats.expected + stats.flaky : 0, failed: stats ? stats.unexpected : 1, skipped: stats ? stats.skipped : 0 })
