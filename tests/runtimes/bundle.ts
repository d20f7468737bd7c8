import { mkdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'

export const ROOT = resolve(import.meta.dirname, '../..')
/** Bundles live in the repository (gitignored), so a bare `pg` left external resolves from its node_modules. */
export const BUILD_DIR = join(ROOT, '.runtimes')

/**
 * How each runtime takes code: `node` an ES module for Node, Bun and Deno (built-ins and drivers
 * external, as an app's own install provides them); `worker` one self-contained ES module as
 * wrangler builds it for workerd; `edge` one classic script as Vercel's Edge runtime evaluates it.
 */
export type BundleFlavour = 'node' | 'worker' | 'edge'

/**
 * The package's public entries, taken from source: the matrix tests what `src/server` is today,
 * with no build step before it. The packed tarball's exports are the examples gate's to prove.
 */
/**
 * The package's entries as each runtime resolves them (package.json `exports`): Node gets the build
 * with SQLite as the default store and the Node-only entry; the others the Web-standard core.
 */
const PUBLIC_ENTRIES = {
  node: { 'verify-widget/server': join(ROOT, 'src/server/node-index.ts'), 'verify-widget/server/node': join(ROOT, 'src/server/node.ts') },
  web: { 'verify-widget/server': join(ROOT, 'src/server/index.ts') },
}
/** The store contract is written for vitest; inside other runtimes it runs on this slice of it. */
const TEST_API = { vitest: join(ROOT, 'tests/runtimes/contract/vitest-shim.ts') }

/**
 * CommonJS `require('events')` in an ES module Worker: wrangler turns each into an import of
 * `node:events` (its Node.js compatibility plugin) so that the runtime's module answers it. Same here.
 */
const requiredBuiltinsAsImports: Plugin = {
  name: 'required-builtins-as-imports',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, ({ path, kind }) => {
      const name = path.replace(/^node:/, '')
      return kind === 'require-call' && builtinModules.includes(name) ? { path: name, namespace: 'required-builtin' } : undefined
    })
    build.onLoad({ filter: /.*/, namespace: 'required-builtin' }, ({ path }) => ({
      contents: `import builtin from 'node:${path}'; module.exports = builtin`,
      loader: 'js',
    }))
  },
}

export interface Bundle {
  file: string
  /** `node:` modules the bundle still imports, each with the source files that import it. */
  nodeImports: Map<string, string[]>
}

export interface BundleOptions {
  /**
   * Bundle the database drivers in (`pg` over `cloudflare:sockets` on Workers) instead of leaving
   * them to the runtime. Node, Bun and Deno always load them from node_modules.
   */
  drivers?: boolean
  /** `baseline`: serve/*.ts get baseline-app.ts in place of app.ts (the cold-start bench). */
  app?: 'handler' | 'baseline'
}

const baselineApp: Plugin = {
  name: 'baseline-app',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/app$/ }, () => ({ path: join(ROOT, 'tests/runtimes/baseline-app.ts') }))
  },
}

export async function bundle(entry: string, flavour: BundleFlavour, name: string, options: BundleOptions = {}): Promise<Bundle> {
  const outdir = join(BUILD_DIR, flavour)
  mkdirSync(outdir, { recursive: true })
  const file = join(outdir, `${name}.${flavour === 'edge' ? 'js' : 'mjs'}`)
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    write: true,
    metafile: true,
    logLevel: 'error',
    alias: { ...PUBLIC_ENTRIES[flavour === 'node' ? 'node' : 'web'], ...TEST_API },
    format: flavour === 'edge' ? 'iife' : 'esm',
    platform: flavour === 'node' ? 'node' : 'neutral',
    target: 'es2022',
    ...(flavour === 'node'
      ? { external: ['pg', 'better-sqlite3'] }
      : {
          // What wrangler and Next.js resolve for these runtimes; Node built-ins stay imports, so a
          // runtime without them says which one it lacks. The core loads `pg` with a dynamic
          // import, only when a PostgreSQL store opens.
          conditions: flavour === 'worker' ? ['workerd', 'worker', 'browser'] : ['edge-light', 'worker', 'browser'],
          mainFields: ['browser', 'module', 'main'],
          external: ['node:*', 'cloudflare:*', ...builtinModules, ...(options.drivers ? [] : ['pg', 'better-sqlite3'])],
        }),
    plugins: [...(options.app === 'baseline' ? [baselineApp] : []), ...(flavour === 'worker' ? [requiredBuiltinsAsImports] : [])],
  })
  const nodeImports = new Map<string, string[]>()
  for (const [input, { imports }] of Object.entries(result.metafile.inputs)) {
    for (const { path, external } of imports) {
      if (!external || !(path.startsWith('node:') || builtinModules.includes(path))) continue
      nodeImports.set(path, [...(nodeImports.get(path) ?? []), relative(ROOT, resolve(ROOT, input))])
    }
  }
  return { file, nodeImports }
}

/** "node:crypto (src/server/webhooks.ts, …), node:path (…)": what a runtime without Node built-ins lacks. */
export function describeNodeImports(imports: Map<string, string[]>): string {
  return [...imports].map(([module, files]) => `${module} (${[...new Set(files)].join(', ')})`).join('; ')
}
