import { join } from 'node:path'
import { bundle } from '../bundle'
import { runScript, startRuntime } from '../launch'
import type { RuntimeSpec } from '../runtimes'
import type { TestResult } from './vitest-shim'

const HERE = import.meta.dirname
const RESULTS_MARKER = 'VERIFY_CONTRACT_RESULTS '

/**
 * Workers only: a handler is kept per isolate, and its store with it. workerd ties a socket to the
 * request that opened it, so this asks whether the store's connections serve the requests after.
 */
export const KEPT_STORE_TEST = 'postgres store kept by the isolate serves one request after another'

/** The contract's test names, read from the contract itself (bundled and loaded here, nothing run). */
export async function contractTestNames(): Promise<string[]> {
  const { file } = await bundle(join(HERE, 'postgres.ts'), 'node', 'contract-list')
  const contract = (await import(file)) as typeof import('./postgres')
  return contract.listPostgresContract()
}

/**
 * Runs the PostgreSQL store contract inside the runtime against `databaseUrl`: a script on Node,
 * Bun and Deno (drivers from node_modules), a Worker on workerd (`pg` bundled in, over
 * `cloudflare:sockets`, as wrangler builds it).
 */
export async function runContractIn(spec: RuntimeSpec, databaseUrl: string): Promise<TestResult[]> {
  const env = { VERIFY_TEST_DATABASE_URL: databaseUrl }
  if (spec.flavour === 'worker') {
    const worker = await startRuntime(spec, join(HERE, 'worker.ts'), env, { drivers: true })
    try {
      const response = await fetch(`${worker.url}/run`, { method: 'POST' })
      if (!response.ok) throw new Error(`The contract Worker answered ${response.status}:\n${worker.output()}`)
      const results = (await response.json()) as TestResult[]
      const statuses: number[] = []
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${worker.url}/kept`)).status)
      const ok = statuses.every((s) => s === 200)
      const error = `GET /kept answered ${statuses.join(', ')}:\n${worker.output().trim()}`
      return [...results, ok ? { name: KEPT_STORE_TEST, ok } : { name: KEPT_STORE_TEST, ok, error }]
    } finally {
      await worker.stop()
    }
  }
  const output = await runScript(spec, join(HERE, 'script.ts'), env)
  const line = output.split('\n').find((l) => l.startsWith(RESULTS_MARKER))
  if (!line) throw new Error(`${spec.title} printed no contract results:\n${output}`)
  return JSON.parse(line.slice(RESULTS_MARKER.length)) as TestResult[]
}
