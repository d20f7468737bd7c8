import { formatSize } from '../lib/size.mjs'
import type { BackendFigures } from './backend'
import type { BundleFigures, SizeFigure } from './bundle'
import type { ClickFigures } from './click'
import { HOVER_MS, PRESS_MS } from './click'
import { type CryptoFigures, cryptoRows } from './crypto'
import type { HandoffFigures } from './handoff'
import type { HostedFigures } from './hosted'
import { type InstancesFigures, instancesRows } from './instances'
import type { Row } from './lib/report'
import { median } from './lib/stats'
import type { MemoryFigures } from './memory'
import { STUCK_P95_ALLOWANCE_MS } from './outcome'
import { type QuotaFigures, quotaRows } from './quota'
import { type RuntimesFigures, runtimesRows } from './runtimes'
import type { WebhookFigures } from './webhook'

export const SECTIONS = [
  'bundle',
  'hosted',
  'click',
  'webhook',
  'handoff',
  'backend',
  'crypto',
  'quota',
  'memory',
  'instances',
  'runtimes',
] as const
export type SectionName = (typeof SECTIONS)[number]
export type BenchMode = 'full' | 'quick' | 'smoke'

export interface SectionFigures {
  bundle: BundleFigures
  hosted: HostedFigures
  click: ClickFigures[]
  webhook: WebhookFigures[]
  handoff: HandoffFigures
  backend: BackendFigures
  crypto: CryptoFigures
  quota: QuotaFigures
  memory: MemoryFigures
  instances: InstancesFigures
  runtimes: RuntimesFigures
}

/** Where and when a section's figures were taken: sections of one results file may come from different runs. */
export interface SectionRun {
  date: string
  commit: string | undefined
  mode: BenchMode
  seconds: number
  node: string
  chromium?: string
  cpus: number
  /** One-minute load average when the section started and when it ended. */
  loadAverage: [number, number]
}

export type SectionResults = { [K in SectionName]?: { run: SectionRun; figures: SectionFigures[K] } }

export interface BenchResults {
  /** The last run of every section at once (`npm run bench` with no --only). */
  lastFullRun?: { date: string; commit: string | undefined; seconds: number }
  sections: SectionResults
}

/** Budgets a figure must meet; any over one makes `npm run bench` exit 1. Sizes: package.json's size-limit checks. */
export const BUDGETS = {
  sseP95Ms: 250,
  /** The phone's Pass → the desktop shows verified. */
  handoffP95Ms: 250,
  roundTrips: 1,
  /** Heap left behind per dialog open/close cycle, after GC. */
  heapGrowthPerCycleBytes: 10_000,
}

const ms = (n: number) => `${Math.round(n)} ms`

function sizeRow(section: string, f: SizeFigure, measure = f.name): Row {
  const row: Row = { section, measure, value: formatSize(f.bytes) }
  if (f.limitBytes !== undefined) {
    row.budget = `≤ ${formatSize(f.limitBytes)}`
    row.kind = 'size'
    row.ok = f.bytes <= f.limitBytes
  }
  return row
}

function bundleRows(b: BundleFigures): Row[] {
  const of = (group: SizeFigure['group']) => b.checks.filter((c) => c.group === group)
  const locales = [...of('locale')].sort((x, y) => x.bytes - y.bytes)
  const hosted = of('hosted')[0]
  return [
    ...of('budget').map((f) => sizeRow('bundle', f)),
    ...of('app').map((f) => sizeRow('bundle', f, `import { VerifyButton, VerifyProvider } from 'verify-widget', app ${f.name}`)),
    ...(locales.length
      ? [
          {
            section: 'bundle',
            measure: `a widget locale chunk, loaded only for its language (${locales.length} locales): smallest / median / largest`,
            value: `${formatSize(locales[0]!.bytes)} (${locales[0]!.name}) / ${formatSize(median(locales.map((l) => l.bytes)))} / ${formatSize(locales.at(-1)!.bytes)} (${locales.at(-1)!.name})`,
          },
        ]
      : []),
    ...(hosted ? [sizeRow('bundle', hosted, `hosted page, all JS of index.html (no framework, ${b.hostedFiles.length} files)`)] : []),
    ...of('peer').map((f) => sizeRow('bundle, peer', f)),
  ]
}

function hostedRows(h: HostedFigures): Row[] {
  const section = 'hosted page'
  return [
    {
      section,
      measure: 'JS the page loads (as sent, uncompressed / gzip)',
      value: `${formatSize(h.jsBytes)} / ${formatSize(h.jsGzipBytes)} in ${h.jsFiles} files`,
    },
    {
      section,
      measure: 'JS the page loads in Arabic, `?lang=ar` (as sent / gzip)',
      value: `${formatSize(h.arabic.jsBytes)} / ${formatSize(h.arabic.jsGzipBytes)} in ${h.arabic.jsFiles} files`,
    },
    {
      section,
      measure: 'requests until the flow has loaded (+1 s), flow iframe included',
      value: `${h.requests} (${h.requestsSameOrigin} to the app)`,
    },
    { section, measure: `first contentful paint, median of ${h.runs}`, value: `${ms(h.fcpMs.median)} (p95 ${ms(h.fcpMs.p95)})` },
    {
      section,
      measure: `navigation → flow loaded (session created, flow iframe's load event), median of ${h.runs}`,
      value: `${ms(h.flowLoadedMs.median)} (p95 ${ms(h.flowLoadedMs.p95)})`,
    },
  ]
}

function clickRows(figures: ClickFigures[]): Row[] {
  return figures.flatMap((c) => {
    const label = c.prefetch ? 'prefetch on' : 'prefetch off'
    const section = 'click → flow'
    return [
      {
        section,
        measure: `${label}: pointerdown → flow iframe requested (${PRESS_MS} ms press after ${HOVER_MS} ms hover), median of ${c.ms.runs}`,
        value: `${ms(c.ms.median)} (p95 ${ms(c.ms.p95)})`,
      },
      {
        section,
        measure: `${label}: backend round trips before the flow (worst of ${c.roundTrips.length})`,
        value: String(Math.max(...c.roundTrips)),
        budget: `≤ ${BUDGETS.roundTrips}`,
        kind: 'count' as const,
        ok: Math.max(...c.roundTrips) <= BUDGETS.roundTrips,
      },
    ]
  })
}

function webhookRows(figures: WebhookFigures[]): Row[] {
  return figures.map((w) => {
    const row: Row = {
      section: 'webhook → shown',
      measure: `${w.transport === 'sse' ? 'SSE' : 'polling only'}: median / p95 over ${w.sessions} sessions`,
      value: `${ms(w.ms.median)} / ${ms(w.ms.p95)}`,
    }
    if (w.transport === 'sse') {
      row.budget = `p95 ≤ ${BUDGETS.sseP95Ms} ms`
      row.kind = 'time'
      row.ok = w.ms.p95 <= BUDGETS.sseP95Ms
    }
    return row
  })
}

function handoffRows(h: HandoffFigures): Row[] {
  const section = 'handoff'
  return [
    {
      section,
      measure: `phone's Pass → the desktop's button says verified (status stream), median / p95 over ${h.handoffs} handoffs`,
      value: `${ms(h.ms.median)} / ${ms(h.ms.p95)}`,
      budget: `p95 ≤ ${BUDGETS.handoffP95Ms} ms`,
      kind: 'time',
      ok: h.ms.p95 <= BUDGETS.handoffP95Ms,
    },
    {
      section,
      measure: `provider sessions created by the ${h.handoffs} desktops without a camera before their phone opened the link`,
      value: String(h.desktopProviderCreates),
      budget: '0',
      kind: 'count',
      ok: h.desktopProviderCreates === 0,
    },
  ]
}

/** At most one provider read per session per status-cache interval: the first at once, then one per interval. */
export const allowedReads = (seconds: number, intervalMs: number) => Math.floor((seconds * 1000) / intervalMs) + 1

function backendRows(b: BackendFigures): Row[] {
  const section = 'backend'
  const allowed = allowedReads(b.pollSeconds, b.statusCacheMs)
  const stuck = b.outcomeHook.stuck
  const stuckBudgetMs = stuck.withoutMs.p95 + STUCK_P95_ALLOWANCE_MS
  return [
    {
      section,
      measure: `webhook verify + record, per second (${b.webhooks} events; HTTP, ${b.concurrency} concurrent / in process)`,
      value: `${b.webhooksPerSecond} / ${b.webhooksInProcessPerSecond}`,
    },
    {
      section,
      measure: `status reads per second (${b.reads} reads; HTTP, ${b.concurrency} concurrent)`,
      value: String(b.statusReadsPerSecond),
    },
    {
      section,
      measure: `provider reads for one session while ${b.pollClients} clients poll it for ${b.pollSeconds} s (${b.browserPolls} polls; reads due, status cache ${b.statusCacheMs} ms)`,
      value: String(b.providerCalls),
      budget: `≤ ${allowed}`,
      kind: 'count',
      ok: b.providerCalls <= allowed,
    },
    {
      section,
      measure: `outcome hook: webhook sent → onStatusChange called, median / p95 of ${b.outcomeHook.latencyMs.runs} (SQLite outbox)`,
      value: `${b.outcomeHook.latencyMs.median} ms / ${b.outcomeHook.latencyMs.p95} ms`,
    },
    {
      section,
      measure: `outcome hook: transitions delivered per second (${b.outcomeHook.throughput.hooks} webhooks, ${b.outcomeHook.throughput.concurrency} concurrent)`,
      value: String(b.outcomeHook.throughput.perSecond),
    },
    {
      section,
      measure: `outcome hook: another session's webhook → onStatusChange, without / with ${stuck.hooks} hooks that never settle (timeout ${stuck.timeoutMs} ms, retried), median / p95 of ${stuck.withMs.runs}`,
      value: `${stuck.withoutMs.median} / ${stuck.withoutMs.p95} ms → ${stuck.withMs.median} / ${stuck.withMs.p95} ms`,
      budget: `p95 ≤ p95 without + ${STUCK_P95_ALLOWANCE_MS} ms`,
      kind: 'time',
      ok: stuck.withMs.p95 <= stuckBudgetMs,
    },
  ]
}

function memoryRows(m: MemoryFigures): Row[] {
  const perCycle = Math.round(m.growthBytes / m.cycles)
  const sign = (n: number) => (n >= 0 ? '+' : '-')
  return [
    {
      section: 'memory',
      measure: `JS heap left per dialog open/close cycle, after GC (${m.cycles} cycles after ${m.warmupCycles} to warm up)`,
      value: `${sign(perCycle)}${formatSize(Math.abs(perCycle))} a cycle (${sign(m.growthBytes)}${formatSize(Math.abs(m.growthBytes))}, ${sign(m.growthPercent)}${Math.abs(m.growthPercent)} % of ${formatSize(m.heapBeforeBytes)})`,
      budget: `≤ ${formatSize(BUDGETS.heapGrowthPerCycleBytes)} a cycle`,
      kind: 'heap',
      ok: perCycle <= BUDGETS.heapGrowthPerCycleBytes,
    },
    {
      section: 'memory',
      measure: `DOM nodes, event listeners and documents after the ${m.cycles} cycles (before → after)`,
      value: `${m.nodes[0]} → ${m.nodes[1]}, ${m.listeners[0]} → ${m.listeners[1]}, ${m.documents[0]} → ${m.documents[1]}`,
      budget: 'no growth',
      kind: 'count',
      ok: m.nodes[1] <= m.nodes[0] && m.listeners[1] <= m.listeners[0] && m.documents[1] <= m.documents[0],
    },
  ]
}

const ROWS: { [K in SectionName]: (figures: SectionFigures[K]) => Row[] } = {
  bundle: bundleRows,
  hosted: hostedRows,
  click: clickRows,
  webhook: webhookRows,
  handoff: handoffRows,
  backend: backendRows,
  crypto: cryptoRows,
  quota: quotaRows,
  memory: memoryRows,
  instances: instancesRows,
  runtimes: runtimesRows,
}

/** The table of one section's figures. */
export function sectionRows<K extends SectionName>(name: K, figures: SectionFigures[K]): Row[] {
  return ROWS[name](figures)
}

/** Every section's rows, in the order of SECTIONS. */
export function rowsFor(sections: SectionResults): Row[] {
  return SECTIONS.flatMap((name) => {
    const section = sections[name]
    return section ? sectionRows(name, section.figures as never) : []
  })
}
