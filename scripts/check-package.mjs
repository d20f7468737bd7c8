#!/usr/bin/env node
// The package as integrators get it: packs the built dist/ into a tarball, then checks that tarball
// (not the working tree) with the ecosystem's own tools and lists it against what it should hold.
//   node scripts/check-package.mjs [--json <file>]   (run `npm run build` first)
// Prints the tarball path on success; the examples install that exact file.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

export const PACK_DIR = resolve('.pack')

/** Every file the tarball may hold; anything else (sources, tests, data, stories, stray builds) fails. */
export const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/(index|core|core-store|core-hub|locales|dom|element)\.js(\.map)?$/,
  /^dist\/(core|react|ui)\/[\w/-]+\.js(\.map)?$/, // the browser entries' modules, one file each
  /^dist\/element\/[A-Za-z-]+-[\w-]{8}\.js(\.map)?$/, // what <verify-button> loads on intent
  /^dist\/(element\/)?locales\/([a-z]{2,3}(-[A-Z][a-z]{3})?|catalogs|pick|lazy)\.js(\.map)?$/,
  /^dist\/element\/locales\/device\/([a-z]{2,3}(-[A-Z][a-z]{3})?|catalogs)\.js(\.map)?$/, // the strings of the camera and phone views
  /^dist\/style\.css$/,
  /^dist\/node\/(server|server-node|sandbox|cli)\.js(\.map)?$/,
  /^dist\/node\/assets\/[A-Za-z-]+-[\w-]{8}\.js(\.map)?$/,
  /^dist\/web\/server\.js(\.map)?$/,
  /^dist\/types\/(core|react|ui|element|server|sandbox)\/[\w/-]+\.d\.ts$/,
]

/**
 * Packages the declaration files may name: the peers (the store drivers included), Node's own modules, and
 * the frameworks whose JSX the element's type-only entries extend (element/vue, element/svelte: an app
 * imports those only when it has that framework). Anything else (say
 * `@tanstack/query-core`, which only hoisting makes reachable) breaks an app's types under pnpm.
 */
export const TYPE_IMPORTS = [
  /^react(\/|$)/,
  /^react-dom(\/|$)/,
  /^@tanstack\/react-query$/,
  /^node:/,
  /^better-sqlite3$/,
  /^pg$/,
  /^vue$/,
  /^svelte\/elements$/,
]

/** Bare specifiers in declaration text that TYPE_IMPORTS does not allow. */
export function foreignTypeImports(text) {
  const found = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1])
  return found.filter((spec) => !spec.startsWith('.') && !TYPE_IMPORTS.some((re) => re.test(spec)))
}

/** Files that must be there: every export target and the docs an integrator reads first. */
export const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'dist/style.css', 'dist/locales/ar.js', 'dist/element/locales/ar.js']

/** `import … from '…'` and `export … from '…'` (static) and `import('…')` (dynamic) specifiers of a module's text. */
export function importsOf(code) {
  const statics = [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1])
  const dynamics = [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
  return { statics, dynamics }
}

/**
 * What loads on intent, for another language or only with an identity token: size-limit leaves these out
 * of the entries' first-load figures (its `ignore` lists), which is right only while nothing imports them
 * statically.
 */
export const LAZY = [/^ui\/controller\.js$/, /^ui\/css\/parts\.js$/, /^core\/(token|event-stream)\.js$/, /^locales\//, /^element\//]

/**
 * What the size budgets rest on, checked on the built files: `dist/element.js` imports no other file
 * (a page with no bundler loads it alone) and loads the rest on demand, nothing it or its chunks
 * import is a bare package name, and no browser entry reaches a LAZY file through static imports.
 */
export function checkLazyChunks(dist) {
  const problems = []
  const read = (file) => readFileSync(join(dist, file), 'utf8')
  const element = importsOf(read('element.js'))
  if (!element.dynamics.length) problems.push('dist/element.js loads nothing on demand: everything is in its first load')
  if (element.statics.length) problems.push(`dist/element.js imports ${element.statics.join(', ')} statically`)
  const elementFiles = ['element.js', ...readdirSync(join(dist, 'element'), { recursive: true }).map((f) => `element/${f}`)]
  for (const file of elementFiles.filter((f) => f.endsWith('.js'))) {
    const { statics, dynamics } = importsOf(read(file))
    const bare = [...statics, ...dynamics].filter((spec) => !spec.startsWith('.'))
    if (bare.length) problems.push(`dist/${file} imports ${bare.join(', ')}: a page with no bundler cannot resolve it`)
  }
  const seen = new Set()
  const visit = (file) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const spec of importsOf(read(file)).statics) {
      if (!spec.startsWith('.')) continue
      const target = relative(dist, resolve(dist, dirname(file), spec))
      if (LAZY.some((re) => re.test(target))) problems.push(`dist/${file} imports ${target} statically`)
      else visit(target)
    }
  }
  for (const entry of ['index.js', 'dom.js', 'core.js', 'core-store.js', 'core-hub.js', 'locales.js']) visit(entry)
  return problems
}

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
    const lazy = checkLazyChunks(join(unpacked, 'package', 'dist'))
    rmSync(unpacked, { recursive: true, force: true })
    check('declarations import only the peers and node:', foreign.length === 0, foreign.join('\n'))
    check('element.js stands alone, and what loads on intent is only imported dynamically', lazy.length === 0, lazy.join('\n'))
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
