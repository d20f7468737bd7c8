// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { BackendFigures } from '../../../scripts/bench/backend'
import type { CryptoFigures } from '../../../scripts/bench/crypto'
import { overBudget, type Row } from '../../../scripts/bench/lib/report'
import type { Summary } from '../../../scripts/bench/lib/stats'
import type { MemoryFigures } from '../../../scripts/bench/memory'
import type { QuotaScenario } from '../../../scripts/bench/quota'
import { allowedReads, BUDGETS, sectionRows } from '../../../scripts/bench/rows'
import type { RuntimeColdStart } from '../../../scripts/bench/runtimes'

const memory = (growthBytes: number, nodes: [number, number] = [47, 47]): MemoryFigures => ({
  warmupCycles: 20,
  cycles: 100,
  heapBeforeBytes: 3_000_000,
  heapAfterBytes: 3_000_000 + growthBytes,
  growthBytes,
  growthPercent: (growthBytes / 3_000_000) * 100,
  nodes,
  listeners: [167, 167],
  documents: [1, 1],
})

const summary = (median: number, p95: number): Summary => ({ runs: 200, median, p95, min: median, max: p95 })

const backend = (withoutP95: number, withP95: number): BackendFigures => ({
  webhooks: 5000,
  reads: 10000,
  webhooksPerSecond: 476,
  webhooksInProcessPerSecond: 4664,
  statusReadsPerSecond: 1233,
  concurrency: 32,
  pollClients: 50,
  pollSeconds: 60,
  browserPolls: 2971,
  providerCalls: 7,
  statusCacheMs: 5000,
  outcomeHook: {
    latencyMs: summary(2, 20),
    throughput: { hooks: 2000, concurrency: 32, seconds: 10, perSecond: 200 },
    stuck: { hooks: 32, timeoutMs: 1000, everyMs: 20, withoutMs: summary(2, withoutP95), withMs: summary(2, withP95) },
  },
})

const crypto = (oneAtATime: number, concurrent: number): CryptoFigures => ({
  rounds: 15,
  verifications: 20000,
  concurrency: 32,
  bodies: 1000,
  bodyBytes: { min: 135, max: 165 },
  coreBackend: 'node:crypto',
  perSecond: {
    node: 300000,
    nodeAwaited: 290000,
    core: 300000 * oneAtATime,
    coreConcurrent: 300000 * concurrent,
    webCrypto: 45000,
    webCryptoConcurrent: 60000,
    digest: 50000,
  },
  ratio: { oneAtATime, concurrent },
  webCryptoRatio: { oneAtATime: 0.15, concurrent: 0.2 },
})

const attack = (change: Partial<QuotaScenario> = {}): QuotaScenario => ({
  name: 'two addresses flooding creates while 50 honest anonymous users create, live-key budget',
  limit: 1000,
  maxPerMinute: 110,
  totalCalls: 110,
  provider429: 0,
  browserRequests: 3000,
  answers: { 201: 60, 429: 2890 },
  honest: { users: 50, created: 50, answers: { 201: 50 } },
  seconds: 30,
  ...change,
})

const runtime = (change: Partial<RuntimeColdStart> = {}): RuntimeColdStart => ({
  runtime: 'edge-runtime',
  title: "Vercel's Edge runtime (edge-runtime)",
  method: 'in-runtime',
  coldStartMs: summary(32, 60),
  handlerMs: 32,
  ...change,
})

describe('bench budgets mean what they say', () => {
  it('the heap budget is per cycle, with no clause that lets a larger growth through', () => {
    const within = sectionRows('memory', memory(BUDGETS.heapGrowthPerCycleBytes * 100))
    const over = sectionRows('memory', memory(BUDGETS.heapGrowthPerCycleBytes * 100 + 100))
    expect(within[0]).toMatchObject({ kind: 'heap', ok: true })
    expect(over[0]).toMatchObject({ kind: 'heap', ok: false })
  })

  it('a DOM node, listener or document more after the cycles is over budget', () => {
    expect(sectionRows('memory', memory(0))[1]).toMatchObject({ kind: 'count', ok: true })
    expect(sectionRows('memory', memory(0, [47, 48]))[1]).toMatchObject({ kind: 'count', ok: false })
  })

  it('provider reads are allowed once at first, then once per interval', () => {
    expect(allowedReads(60, 5000)).toBe(13)
    expect(allowedReads(3, 5000)).toBe(1)
  })

  it('the smoke run holds sizes and counts to their budgets, not times or the heap', () => {
    const rows: Row[] = [
      { section: 'a', measure: 'size', value: '', kind: 'size', ok: false },
      { section: 'b', measure: 'count', value: '', kind: 'count', ok: false },
      { section: 'c', measure: 'time', value: '', kind: 'time', ok: false },
      { section: 'd', measure: 'heap', value: '', kind: 'heap', ok: false },
      { section: 'e', measure: 'did not finish', value: '', ok: false },
      { section: 'f', measure: 'fine', value: '', kind: 'size', ok: true },
    ]
    expect(overBudget(rows, true).map((r) => r.section)).toEqual(['a', 'b', 'e'])
    expect(overBudget(rows).map((r) => r.section)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('the core may be at most 20 % slower than node:crypto, one at a time and in flight alike', () => {
    const rows = (a: number, b: number) => sectionRows('crypto', crypto(a, b)).filter((r) => r.ok !== undefined)
    expect(rows(0.8, 0.8)).toMatchObject([
      { kind: 'time', ok: true },
      { kind: 'time', ok: true },
    ])
    expect(rows(0.79, 1.2).map((r) => r.ok)).toEqual([false, true])
    expect(rows(1.1, 0.5).map((r) => r.ok)).toEqual([true, false])
  })

  it('hooks that never settle may cost another session at most 50 ms of p95', () => {
    const stuckRow = (withoutP95: number, withP95: number) => sectionRows('backend', backend(withoutP95, withP95)).at(-1)
    expect(stuckRow(20, 70)).toMatchObject({ kind: 'time', ok: true })
    expect(stuckRow(20, 70.5)).toMatchObject({ kind: 'time', ok: false })
  })

  it('under attack, fewer than 99 % of honest creates or a single provider 429 is over budget, on the key the budget was sized for', () => {
    const row = (change: Partial<QuotaScenario>) => sectionRows('quota', { scenarios: [attack(change)] })[0]
    expect(row({})).toMatchObject({ kind: 'count', ok: true })
    expect(row({ honest: { users: 50, created: 49, answers: { 201: 49, 429: 1 } } })).toMatchObject({ ok: false })
    expect(row({ honest: { users: 200, created: 198, answers: { 201: 198, 429: 2 } } })).toMatchObject({ ok: true })
    expect(row({ provider429: 1 })).toMatchObject({ ok: false })
    // 110 calls a minute is within a live key's 1000 but not within a test key's 100.
    expect(row({ limit: 100 })).toMatchObject({ ok: false })
  })

  it('a handoff p95 over 250 ms is over budget (not in the smoke run); a desktop without a camera that created a provider session fails, smoke run included', () => {
    const rows = (p95: number, desktopProviderCreates = 0) =>
      sectionRows('handoff', { handoffs: 50, ms: summary(80, p95), desktopProviderCreates })
    expect(rows(250).map((r) => r.ok)).toEqual([true, true])
    expect(rows(250.5)[0]).toMatchObject({ kind: 'time', ok: false, value: '80 ms / 251 ms' })
    expect(overBudget(rows(400), true)).toEqual([])
    const created = rows(100, 1)
    expect(created[1]).toMatchObject({ kind: 'count', ok: false, value: '1' })
    expect(overBudget(created, true)).toEqual([created[1]])
  })

  it('a runtime that does not load the handler fails the runtimes section, smoke run included', () => {
    const rows = sectionRows('runtimes', {
      rounds: 1,
      runtimes: [runtime(), runtime({ error: 'Error: No such module "node:crypto"', coldStartMs: undefined, handlerMs: undefined })],
    })
    expect(rows.map((r) => r.ok)).toEqual([true, false])
    expect(rows[1]!.value).toContain('does not load')
    expect(overBudget(rows, true)).toEqual([rows[1]])
  })
})
