import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { NODE22_BIN, NODE22_DIR } from '../../scripts/lib/node22.mjs'
import type { BundleFlavour } from './bundle'
import { ROOT } from './bundle'

export type RuntimeName = 'node20' | 'node22' | 'bun' | 'deno' | 'workerd' | 'workerd-web' | 'edge-runtime'

export interface RuntimeSpec {
  name: RuntimeName
  /** What the docs and the gate call it. */
  title: string
  flavour: BundleFlavour
  /** The file in serve/ that mounts the handler on this runtime's own server. */
  serve: string
  /** Whether the PostgreSQL store contract runs here (`pg` needs TCP sockets). */
  postgres: boolean
  /** Workers only: compatibility flags of the generated config. */
  compatibilityFlags?: string[]
}

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name)

export const RUNTIMES: Record<RuntimeName, RuntimeSpec> = {
  node20: { name: 'node20', title: 'Node 20', flavour: 'node', serve: 'node.ts', postgres: true },
  node22: { name: 'node22', title: 'Node 22', flavour: 'node', serve: 'node.ts', postgres: true },
  bun: { name: 'bun', title: 'Bun', flavour: 'node', serve: 'bun.ts', postgres: true },
  deno: { name: 'deno', title: 'Deno', flavour: 'node', serve: 'deno.ts', postgres: true },
  // A Worker as `wrangler init` makes one today: Node.js compatibility is on by default from the
  // 2026-08-04 compatibility date, and `pg` runs on it over `cloudflare:sockets`.
  workerd: { name: 'workerd', title: 'Cloudflare Workers (workerd)', flavour: 'worker', serve: 'workerd.ts', postgres: true },
  // The same Worker with Node.js compatibility switched off: Web APIs only.
  'workerd-web': {
    name: 'workerd-web',
    title: 'Cloudflare Workers, Web APIs only (workerd, no_nodejs_compat)',
    flavour: 'worker',
    serve: 'workerd.ts',
    postgres: false,
    compatibilityFlags: ['no_nodejs_compat', 'no_nodejs_compat_v2'],
  },
  'edge-runtime': {
    name: 'edge-runtime',
    title: "Vercel's Edge runtime (edge-runtime)",
    flavour: 'edge',
    serve: 'edge.ts',
    postgres: false,
  },
}

/** The command that runs a bundle (with `config` for workerd, whose config names the bundle). */
export function runtimeCommand(spec: RuntimeSpec, file: string): { cmd: string; args: string[] } {
  switch (spec.name) {
    case 'node20':
      return { cmd: process.execPath, args: [file] }
    case 'node22':
      return { cmd: NODE22_BIN, args: [file] }
    case 'bun':
      return { cmd: bin('bun'), args: ['run', '--no-install', file] }
    case 'deno':
      // Only what the backend needs: the network, its environment, reading the repository (drivers).
      return { cmd: bin('deno'), args: ['run', '--allow-net', '--allow-env', `--allow-read=${ROOT}`, '--no-prompt', file] }
    case 'workerd':
    case 'workerd-web':
      return { cmd: bin('workerd'), args: ['serve', file] }
    case 'edge-runtime':
      return { cmd: process.execPath, args: [join(ROOT, 'tests/runtimes/serve/edge-server.mjs'), file] }
  }
}

/** What is missing to run this runtime here, or undefined. */
export function missingRuntime(spec: RuntimeSpec): string | undefined {
  if (spec.name === 'node20' && !process.versions.node.startsWith('20.')) {
    return `the Node 20 row runs the test process's own Node, which is ${process.version} here`
  }
  const { cmd } = runtimeCommand(spec, '')
  if (!existsSync(cmd))
    return `${cmd} is missing: run \`npm ci\`${spec.name === 'node22' ? ` (Node 22: \`npm ci --prefix ${NODE22_DIR}\`)` : ''}`
  return undefined
}
