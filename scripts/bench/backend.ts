import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { isRecord } from '../../src/core/guards'
import { bin, ROOT, TMP } from './lib/paths'
import type { Summary } from './lib/stats'
import type { OutcomeHookFigures } from './outcome'

export interface BackendSize {
  pollSeconds: number
  webhooks: number
  reads: number
  outcomeRounds: number
  outcomeHooks: number
}

export interface BackendFigures {
  webhooks: number
  reads: number
  webhooksPerSecond: number
  webhooksInProcessPerSecond: number
  statusReadsPerSecond: number
  concurrency: number
  pollClients: number
  pollSeconds: number
  browserPolls: number
  providerCalls: number
  statusCacheMs: number
  outcomeHook: OutcomeHookFigures
}

function num(record: unknown, key: string): number {
  const value = isRecord(record) ? record[key] : undefined
  if (typeof value !== 'number') throw new Error(`bench:server results lack ${key}`)
  return value
}

function summary(raw: unknown): Summary {
  return { runs: num(raw, 'runs'), median: num(raw, 'median'), p95: num(raw, 'p95'), min: num(raw, 'min'), max: num(raw, 'max') }
}

function outcomeFigures(raw: unknown): OutcomeHookFigures {
  const part = (key: string) => (isRecord(raw) ? raw[key] : undefined)
  const throughput = part('throughput')
  const stuck = part('stuck')
  const of = (key: string) => (isRecord(stuck) ? stuck[key] : undefined)
  return {
    latencyMs: summary(part('latencyMs')),
    stuck: {
      hooks: num(stuck, 'hooks'),
      timeoutMs: num(stuck, 'timeoutMs'),
      everyMs: num(stuck, 'everyMs'),
      withoutMs: summary(of('withoutMs')),
      withMs: summary(of('withMs')),
    },
    throughput: {
      hooks: num(throughput, 'hooks'),
      concurrency: num(throughput, 'concurrency'),
      seconds: num(throughput, 'seconds'),
      perSecond: num(throughput, 'perSecond'),
    },
  }
}

/**
 * Runs the backend's own loopback benchmark (scripts/bench/server.ts) in a child process and reads
 * what it wrote into the bench's scratch folder.
 */
export async function runBackendBench(size: BackendSize): Promise<BackendFigures> {
  const cwd = join(TMP, 'server')
  mkdirSync(cwd, { recursive: true })
  const out = join(cwd, 'results-server.json')
  rmSync(out, { force: true })
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(bin('tsx'), [join(ROOT, 'scripts/bench/server.ts')], {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        BENCH_OUT: out,
        BENCH_POLL_SECONDS: String(size.pollSeconds),
        BENCH_WEBHOOKS: String(size.webhooks),
        BENCH_READS: String(size.reads),
        BENCH_OUTCOME_ROUNDS: String(size.outcomeRounds),
        BENCH_OUTCOME_HOOKS: String(size.outcomeHooks),
      },
    })
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`scripts/bench/server.ts exited with ${code}`)
  const raw: unknown = JSON.parse(readFileSync(out, 'utf8'))
  const part = (key: string) => (isRecord(raw) ? raw[key] : undefined)
  return {
    webhooks: num(part('webhooks'), 'events'),
    reads: num(part('statusReads'), 'reads'),
    webhooksPerSecond: num(part('webhooks'), 'perSecond'),
    webhooksInProcessPerSecond: num(part('webhooksInProcess'), 'perSecond'),
    statusReadsPerSecond: num(part('statusReads'), 'perSecond'),
    concurrency: num(part('statusReads'), 'concurrency'),
    pollClients: num(part('polling'), 'clients'),
    pollSeconds: num(part('polling'), 'seconds'),
    browserPolls: num(part('polling'), 'browserPolls'),
    providerCalls: num(part('polling'), 'providerCalls'),
    statusCacheMs: num(part('polling'), 'statusCacheMs'),
    outcomeHook: outcomeFigures(part('outcomeHook')),
  }
}
