#!/usr/bin/env node
// The package as integrators get it: packs the built dist/ into a tarball, then checks that tarball
// (not the working tree) with the ecosystem's own tools and lists it against what it should hold.
//   node scripts/check-package.mjs [--json <file>]   (run `npm run build` first)
// Prints the tarball path on success; the examples install that exact file.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const PACK_DIR = resolve('.pack')

/** Every file the tarball may hold; anything else (sources, tests, data, stories, stray builds) fails. */
export const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/(index|core|core-store|core-hub|locales)\.js(\.map)?$/,
  /^dist\/[A-Za-z-]+-[\w-]{8}\.js(\.map)?$/, // shared chunks of the browser entries
  /^dist\/locales\/([a-z]{2,3}(-[A-Z][a-z]{3})?|catalogs|pick)\.js(\.map)?$/,
  /^dist\/style\.css$/,
  /^dist\/node\/(server|server-node|sandbox|cli)\.js(\.map)?$/,
  /^dist\/node\/assets\/[A-Za-z-]+-[\w-]{8}\.js(\.map)?$/,
  /^dist\/web\/server\.js(\.map)?$/,
  /^dist\/types\/(core|react|server|sandbox)\/[\w/-]+\.d\.ts$/,
]

/**
 * Packages the declaration files may name: the peers (the store drivers included) and Node's own modules. Anything else (say
 * `@tanstack/query-core`, which only hoisting makes reachable) breaks an app's types under pnpm.
 */
export const TYPE_IMPORTS = [/^react(\/|$)/, /^react-dom(\/|$)/, /^@tanstack\/react-query$/, /^node:/, /^better-sqlite3$/, /^pg$/]

/** Bare specifiers in declaration text that TYPE_IMPORTS does not allow. */
export function foreignTypeImports(text) {
  const found = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1])
  return found.filter((spec) => !spec.startsWith('.') && !TYPE_IMPORTS.some((re) => re.test(spec)))
}

/** Files that must be there: every export target and the docs an integrator reads first. */
export const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'dist/style.css', 'dist/locales/ar.js']

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` }
}

/** `import`/`node`/`types` targets of every entry in package.json `exports`, and typesVersions targets. */
export function exportTargets(pkg) {
  const targets = new Set()
  const walk = (value) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''))
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v)
  }
  walk(pkg.exports)
  walk(pkg.typesVersions)
  for (const field of ['main', 'module', 'types']) if (pkg[field]) walk(pkg[field])
  return [...targets].filter((t) => t !== 'package.json')
}

/** What in a listing is not allowed, and what required is missing. */
export function checkListing(files, pkg) {
  const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)))
  const missing = [...REQUIRED, ...exportTargets(pkg)].filter((f) => !files.includes(f))
  return { unexpected, missing }
}

function main() {
  const jsonAt = process.argv.indexOf('--json')
  const checks = []
  const check = (name, ok, detail = '') => {
    checks.push({ name, ok })
    console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `\n${detail}`}`)
  }

  rmSync(PACK_DIR, { recursive: true, force: true })
  mkdirSync(PACK_DIR, { recursive: true })
  const pack = sh('npm', ['pack', '--json', '--pack-destination', PACK_DIR])
  let tarball
  try {
    tarball = join(PACK_DIR, JSON.parse(pack.out.slice(pack.out.indexOf('[')))[0].filename)
  } catch {
    check('npm pack', false, pack.out)
  }
  if (tarball) {
    check('npm pack', true)
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
    const files = sh('tar', ['-tzf', tarball])
      .out.split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''))
    const { unexpected, missing } = checkListing(files, pkg)
    check(`tarball holds only what it should (${files.length} files)`, unexpected.length === 0, `unexpected: ${unexpected.join(', ')}`)
    check('tarball holds every export target', missing.length === 0, `missing: ${missing.join(', ')}`)
    const unpacked = join(PACK_DIR, 'unpacked')
    mkdirSync(unpacked, { recursive: true })
    sh('tar', ['-xzf', tarball, '-C', unpacked])
    const foreign = files
      .filter((f) => f.endsWith('.d.ts'))
      .flatMap((f) => foreignTypeImports(readFileSync(join(unpacked, 'package', f), 'utf8')).map((spec) => `${f}: ${spec}`))
    rmSync(unpacked, { recursive: true, force: true })
    check('declarations import only the peers and node:', foreign.length === 0, foreign.join('\n'))
    const publint = sh('npx', ['publint', '--strict', tarball])
    check('publint --strict', publint.ok, publint.out)
    // ESM only, and said so: a CommonJS require() of an ESM file is the one finding we accept.
    // The stylesheet has no types by nature.
    const attw = sh('npx', [
      'attw',
      tarball,
      '--format',
      'ascii',
      '--exclude-entrypoints',
      'styles.css',
      '--ignore-rules',
      'cjs-resolves-to-esm',
    ])
    check('attw: types resolve under node10, node16 (ESM) and bundler', attw.ok, attw.out)
    console.log(tarball)
  }
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(checks))
  process.exit(checks.every((c) => c.ok) ? 0 : 1)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/check-package.mjs')) main()
