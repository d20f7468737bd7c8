import { join } from 'node:path'
import { bundle } from '../bundle'
import { runScript, startRuntime } from '../launch'
import type { RuntimeSpec } from '../runtimes'
import type { TestResult } from './vitest-shim'

const HERE = import.meta.dirname
const RESULTS_MARKER = 'VERIFY_CONTRACT_RESULTS '

/**
 * Workers only: workerd ties a socket to the request that opened it, so a PostgreSQL store is opened
 * per request and closed in it (docs/runtimes.md). Several requests in a row must each work.
 */
export const KEPT_STORE_TEST = 'postgres store opened per request serves one request after another'

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
      const stored: unknown[] = []
      for (let i = 0; i < 3; i++) {
        const answer = await fetch(`${worker.url}/per-request`)
        statuses.push(answer.status)
        stored.push(answer.ok ? ((await answer.json()) as { stored: boolean }).stored : false)
      }
      const ok = statuses.every((s) => s === 200) && stored.every((s) => s === true)
      const error = `GET /per-request answered ${statuses.join(', ')} (stored ${stored.join(', ')}):\n${worker.output().trim()}`
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
