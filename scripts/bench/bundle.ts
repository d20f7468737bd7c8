import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { isRecord } from '../../src/core/guards'
import { HOSTED_PAGE_JS_LIMIT, limitBytes } from '../lib/size.mjs'
import { bin, HOSTED_DIST, LIB_DIST, ROOT, TMP } from './lib/paths'

/**
 * Every size in the bench is size-limit's figure (scripts/lib/size.mjs says why): the package's own
 * checks from package.json (the budgets `npm test` enforces), pointed at the bench's build, plus
 * checks of the same shape for what an app really adds, each locale chunk, the peers and the
 * hosted page, all in one size-limit run.
 */
export type SizeGroup = 'budget' | 'app' | 'locale' | 'peer' | 'hosted'

export interface SizeFigure {
  group: SizeGroup
  /** The check's name: the import an app writes, or the file. */
  name: string
  /** gzip bytes as size-limit reports them. */
  bytes: number
  /** The budget as written (package.json's size-limit checks; the hosted page's in scripts/lib/size.mjs). */
  limit?: string
  limitBytes?: number
}

export interface BundleFigures {
  checks: SizeFigure[]
  /** The hosted page's JS files (index.html's scripts, modulepreloads and their static imports). */
  hostedFiles: string[]
}

interface SizeCheck {
  name: string
  path?: string | string[]
  import?: string | Record<string, string>
  ignore?: string[]
  limit?: string
  gzip?: boolean
  disablePlugins?: string[]
}

const REACT = ['react', 'react-dom']
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  'size-limit': SizeCheck[]
  peerDependencies?: Record<string, string>
}
/** size-limit leaves the package's peer dependencies out of its own checks: so do we. */
const PEERS = Object.keys(PACKAGE.peerDependencies ?? {})

const lib = (file: string) => join(LIB_DIST, file)
const fromDist = (path: string) => (path.startsWith('dist/') ? lib(path.slice('dist/'.length)) : join(ROOT, path))

/** The package's checks, as `npm run size` runs them, on the bench's build. */
function budgetChecks(): { group: SizeGroup; check: SizeCheck }[] {
  return PACKAGE['size-limit'].map((check) => {
    if (check.limit !== undefined) limitBytes(check.limit)
    const paths = Array.isArray(check.path) ? check.path.map(fromDist) : check.path ? fromDist(check.path) : undefined
    return { group: 'budget', check: { ...check, path: paths, ignore: [...PEERS, ...(check.ignore ?? [])] } }
  })
}

/**
 * A page needs VerifyProvider as well as VerifyButton, and the provider a QueryClient: with the app's own, or ours.
 * The identity token's code and the stream reader it needs load only on a page that gives a token (`verify-widget
 * serve`): left out of the first two, and measured with them in the third.
 */
function appChecks(): { group: SizeGroup; check: SizeCheck }[] {
  const both = { path: lib('index.js'), import: '{ VerifyButton, VerifyProvider }', gzip: true }
  const tokenOnly = ['./token*', './event-stream*']
  // A locale's strings load only for that locale: the widget's and its device views' catalogs alike.
  const locales = ['./locales/*', '../react/locales/device/catalogs.js']
  return [
    {
      group: 'app',
      check: { ...both, name: 'with TanStack Query', ignore: [...REACT, '@tanstack/react-query', ...locales, ...tokenOnly] },
    },
    { group: 'app', check: { ...both, name: 'without TanStack Query', ignore: [...REACT, ...locales, ...tokenOnly] } },
    {
      group: 'app',
      check: { ...both, name: 'with TanStack Query and an identity token', ignore: [...REACT, '@tanstack/react-query', ...locales] },
    },
  ]
}

/** Each widget locale chunk, measured as the package's own locale check measures one. */
function localeChecks(): { group: SizeGroup; check: SizeCheck }[] {
  return readdirSync(lib('locales'))
    .filter((f) => f.endsWith('.js') && !['catalogs.js', 'pick.js', 'lazy.js'].includes(f))
    .map((f) => ({ group: 'locale', check: { name: f.replace(/\.js$/, ''), path: lib(`locales/${f}`), gzip: true } }))
}

/** size-limit reads an import's key as a path: a package's folder, which esbuild resolves through its package.json. */
function peerChecks(): { group: SizeGroup; check: SizeCheck }[] {
  const peer = (name: string, imports: Record<string, string>) => ({
    group: 'peer' as const,
    check: {
      name,
      import: Object.fromEntries(Object.entries(imports).map(([pkg, what]) => [join(ROOT, 'node_modules', pkg), what])),
      ignore: REACT,
      gzip: true,
    },
  })
  return [
    peer("import { usePlaidLink } from 'react-plaid-link'", { 'react-plaid-link': '{ usePlaidLink }' }),
    peer("import { Elements } from '@stripe/react-stripe-js'; import { loadStripe } from '@stripe/stripe-js'", {
      '@stripe/react-stripe-js': '{ Elements }',
      '@stripe/stripe-js': '{ loadStripe }',
    }),
    peer("import SumsubWebSdk from '@sumsub/websdk-react'", { '@sumsub/websdk-react': 'SumsubWebSdk' }),
    peer("import { createVeriffFrame } from '@veriff/incontext-sdk'", { '@veriff/incontext-sdk': '{ createVeriffFrame }' }),
    peer("import { Client } from 'persona'", { persona: '{ Client }' }),
    peer("import { Onfido } from 'onfido-sdk-ui'", { 'onfido-sdk-ui': '{ Onfido }' }),
  ]
}

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?from\s*)?["']([^"']+\.js)["']/g

/** The hosted page's JS as Vite built it: index.html's scripts and modulepreloads and everything they import statically. */
export function hostedJsFiles(): string[] {
  const html = readFileSync(join(HOSTED_DIST, 'index.html'), 'utf8')
  const roots = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) =>
    resolve(HOSTED_DIST, m[1]!),
  )
  const files = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) if (m[1]!.startsWith('.')) visit(resolve(dirname(file), m[1]!))
  }
  for (const file of roots) visit(file)
  return [...files]
}

export async function runBundleBench(): Promise<BundleFigures> {
  const hosted = hostedJsFiles()
  const hostedCheck: SizeCheck = {
    name: 'hosted page JS',
    path: hosted,
    limit: HOSTED_PAGE_JS_LIMIT,
    gzip: true,
    disablePlugins: ['@size-limit/esbuild'],
  }
  const all = [...budgetChecks(), ...appChecks(), ...localeChecks(), ...peerChecks(), { group: 'hosted' as const, check: hostedCheck }]
  // Its own folder and package.json, so that size-limit adds no peers of ours to the other checks.
  const dir = join(TMP, 'size')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n')
  const config = join(dir, '.size-limit.json')
  writeFileSync(
    config,
    `${JSON.stringify(
      all.map((a) => a.check),
      null,
      2,
    )}\n`,
  )
  const run = spawnSync(bin('size-limit'), ['--json', '--config', config], { cwd: dir, encoding: 'utf8' })
  let out: unknown
  try {
    out = JSON.parse(run.stdout)
  } catch {
    throw new Error(`size-limit failed (${run.status}): ${(run.stderr || run.stdout).trim().split('\n').slice(0, 5).join(' ')}`)
  }
  if (!Array.isArray(out) || out.length !== all.length) throw new Error('size-limit answered for a different set of checks')
  const checks = all.map(({ group, check }, i): SizeFigure => {
    const result = out[i] as unknown
    const bytes = isRecord(result) ? result.size : undefined
    if (typeof bytes !== 'number') throw new Error(`size-limit gave no size for ${check.name}`)
    return {
      group,
      name: check.name,
      bytes,
      ...(check.limit ? { limit: check.limit, limitBytes: limitBytes(check.limit) } : {}),
    }
  })
  return { checks, hostedFiles: hosted.map((f) => f.slice(HOSTED_DIST.length + 1)) }
}
