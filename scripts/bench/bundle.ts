import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'
import { HOSTED_DIST, LIB_DIST, ROOT, TMP } from './lib/paths'

/** One browser entry, measured as an app would ship it: bundled, minified, its framework left out. */
export interface BundleEntry {
  name: string
  /** The import an app writes (what the table shows). */
  statement: string
  /** What the bundler bundles: the statement plus a use of the import, so nothing is shaken off. */
  source: string
  external: string[]
  ours: boolean
  /** KB min+gzip. */
  budgetKb?: number
}

export interface BundleFigure {
  name: string
  statement: string
  ours: boolean
  /** min+gzip of the entry and the chunks it imports statically: what loads before first use. */
  gzipBytes: number
  minBytes: number
  /** Chunks only a dynamic import() loads (our locales); not in gzipBytes. */
  lazyGzipBytes: number
  budgetKb?: number
}

const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*']
const gzip = (data: Uint8Array) => gzipSync(data, { level: 9 }).length

export function bundleEntries(): BundleEntry[] {
  const lib = (file: string) => JSON.stringify(join(LIB_DIST, file))
  const peer = (name: string, statement: string, use: string): BundleEntry => ({
    name,
    statement,
    source: `${statement}\nconsole.log(${use})`,
    external: REACT,
    ours: false,
  })
  return [
    {
      name: 'verify-widget (VerifyButton)',
      statement: "import { VerifyButton } from 'verify-widget'",
      source: `import { VerifyButton } from ${lib('index.js')}\nconsole.log(VerifyButton)`,
      external: [...REACT, '@tanstack/react-query'],
      ours: true,
      budgetKb: 4,
    },
    // Any page, no framework: the element registers itself; createVerification is the API behind it.
    {
      name: 'verify-widget/element',
      statement: "import 'verify-widget/element' (<verify-button>)",
      source: `import ${lib('element.js')}`,
      external: [],
      ours: true,
      budgetKb: 4,
    },
    {
      name: 'verify-widget/dom',
      statement: "import { createVerification } from 'verify-widget/dom'",
      source: `import { createVerification } from ${lib('dom.js')}\nconsole.log(createVerification)`,
      external: [],
      ours: true,
      budgetKb: 3,
    },
    // What an app really adds: a button needs its provider, and the provider a QueryClient. An app that
    // already has TanStack Query shares it; one without it ships it too.
    {
      name: 'verify-widget in an app with TanStack Query',
      statement: "import { VerifyButton, VerifyProvider } from 'verify-widget' (app already has TanStack Query)",
      source: `import { VerifyButton, VerifyProvider } from ${lib('index.js')}\nconsole.log(VerifyButton, VerifyProvider)`,
      external: [...REACT, '@tanstack/react-query'],
      ours: true,
      budgetKb: 5,
    },
    {
      name: 'verify-widget in an app without TanStack Query',
      statement: "import { VerifyButton, VerifyProvider } from 'verify-widget' (TanStack Query included)",
      source: `import { VerifyButton, VerifyProvider } from ${lib('index.js')}\nconsole.log(VerifyButton, VerifyProvider)`,
      external: REACT,
      ours: true,
    },
    {
      name: 'verify-widget/core',
      statement: "import * as core from 'verify-widget/core'",
      source: `import * as core from ${lib('core.js')}\nconsole.log(core)`,
      external: REACT,
      ours: true,
      budgetKb: 3,
    },
    {
      name: 'verify-widget/core/store',
      statement: "import { createVerificationStore } from 'verify-widget/core/store'",
      source: `import { createVerificationStore } from ${lib('core-store.js')}\nconsole.log(createVerificationStore)`,
      external: REACT,
      ours: true,
      budgetKb: 3.5,
    },
    peer('react-plaid-link', "import { usePlaidLink } from 'react-plaid-link'", 'usePlaidLink'),
    peer(
      '@stripe/react-stripe-js + @stripe/stripe-js',
      "import { Elements } from '@stripe/react-stripe-js'; import { loadStripe } from '@stripe/stripe-js'",
      'Elements, loadStripe',
    ),
    peer('@sumsub/websdk-react', "import SumsubWebSdk from '@sumsub/websdk-react'", 'SumsubWebSdk'),
    peer('@veriff/incontext-sdk', "import { createVeriffFrame } from '@veriff/incontext-sdk'", 'createVeriffFrame'),
    peer('persona', "import { Client } from 'persona'", 'Client'),
    peer('onfido-sdk-ui', "import { Onfido } from 'onfido-sdk-ui'", 'Onfido'),
  ]
}

/**
 * One entry, bundled as a Vite app bundles it (rolldown, Vite's bundler; tree-shaken, minified):
 * the chunks reachable from the entry through static imports are what loads before first use, the
 * chunks only a dynamic import reaches load on demand. (esbuild's code splitting keeps every module
 * an entry re-exports in the first load, even one only the lazy code uses, so it would not show what
 * a split library saves; rolldown, like Rollup, does.)
 */
export async function measureEntry(entry: BundleEntry, index: number): Promise<BundleFigure> {
  const dir = join(TMP, 'bundle', String(index))
  mkdirSync(dir, { recursive: true })
  const input = join(dir, 'entry.js')
  writeFileSync(input, `${entry.source}\n`)
  const external = entry.external.map((pattern) => new RegExp(`^${pattern.replace('/*', '(/.*)?')}$`))
  const bundle = await rolldown({
    input,
    cwd: ROOT,
    platform: 'browser',
    external,
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    logLevel: 'silent',
  })
  const { output } = await bundle.generate({ format: 'es', minify: true })
  await bundle.close()
  const chunks = new Map(output.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])))
  const initial = new Set<string>()
  const visit = (name: string) => {
    if (initial.has(name) || !chunks.has(name)) return
    initial.add(name)
    for (const imported of chunks.get(name)!.imports) visit(imported)
  }
  const entryChunk = [...chunks.values()].find((chunk) => chunk.isEntry)
  if (!entryChunk) throw new Error(`no entry output for ${entry.name}`)
  visit(entryChunk.fileName)
  let gzipBytes = 0
  let minBytes = 0
  let lazyGzipBytes = 0
  for (const [name, chunk] of chunks) {
    const bytes = Buffer.from(chunk.code)
    if (initial.has(name)) {
      gzipBytes += gzip(bytes)
      minBytes += bytes.length
    } else lazyGzipBytes += gzip(bytes)
  }
  return { name: entry.name, statement: entry.statement, ours: entry.ours, gzipBytes, minBytes, lazyGzipBytes, budgetKb: entry.budgetKb }
}

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?from\s*)?["']([^"']+\.js)["']/g

/**
 * The hosted page's JS as Vite built it (React included): the scripts and modulepreloads of
 * index.html and everything they import statically, gzip -9 each, summed.
 */
export function measureHostedJs(): { files: string[]; gzipBytes: number; minBytes: number } {
  const html = readFileSync(join(HOSTED_DIST, 'index.html'), 'utf8')
  const roots = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) =>
    resolve(HOSTED_DIST, m[1]!),
  )
  const files = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const code = readFileSync(file, 'utf8')
    for (const m of code.matchAll(STATIC_IMPORT)) if (m[1]!.startsWith('.')) visit(resolve(dirname(file), m[1]!))
  }
  for (const file of roots) visit(file)
  let gzipBytes = 0
  let minBytes = 0
  for (const file of files) {
    const data = readFileSync(file)
    gzipBytes += gzip(data)
    minBytes += data.length
  }
  return { files: [...files].map((f) => f.slice(HOSTED_DIST.length + 1)), gzipBytes, minBytes }
}

export async function runBundleBench() {
  const entries = bundleEntries()
  const figures: BundleFigure[] = []
  // One at a time: the bundler already uses every core.
  for (const [i, entry] of entries.entries()) figures.push(await measureEntry(entry, i))
  return { entries: figures, hosted: { ...measureHostedJs(), budgetKb: 80 } }
}
