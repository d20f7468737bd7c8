#!/usr/bin/env node
// Emits the .d.ts files and gives every relative import a full file path (`./client.js`,
// `./locales/index.js`). tsc copies the sources' extensionless specifiers as they are, and under
// `node16`/`nodenext` resolution TypeScript cannot follow those: every type behind them becomes `any`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const outDir = resolve('dist/types')
rmSync(outDir, { recursive: true, force: true })
const tsc = spawnSync('npx', ['tsc', '-p', 'scripts/tsconfig.types.json'], { stdio: 'inherit' })
if (tsc.status !== 0) process.exit(tsc.status ?? 1)

// `from './x'`, `import('./x')` and `declare module './x'` in declaration output.
const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bmodule\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g

function withExtension(file, spec) {
  if (/\.(js|mjs|cjs|json|css)$/.test(spec)) return spec
  const target = resolve(dirname(file), spec)
  if (existsSync(`${target}.d.ts`)) return `${spec}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${spec.replace(/\/$/, '')}/index.js`
  throw new Error(`${file}: cannot resolve ${spec}`)
}

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* declarationFiles(path)
    else if (name.endsWith('.d.ts')) yield path
  }
}

let rewritten = 0
for (const file of declarationFiles(outDir)) {
  const text = readFileSync(file, 'utf8')
  // A side-effect stylesheet import means nothing to types (the styles ship as verify-widget/styles.css).
  const next = text
    .replace(/^import ['"][^'"]+\.css['"];?\n/gm, '')
    .replace(specifier, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec)}${quote}`)
  if (next !== text) {
    writeFileSync(file, next)
    rewritten++
  }
}
console.log(`types: ${rewritten} declaration files given full relative import paths`)
