import type { BackendFigures } from './backend'
import type { BundleFigure } from './bundle'
import type { ClickFigures } from './click'
import { HOVER_MS, PRESS_MS } from './click'
import type { HostedFigures } from './hosted'
import { type InstancesFigures, instancesRows } from './instances'
import type { Row } from './lib/report'
import { kb } from './lib/stats'
import type { MemoryFigures } from './memory'
import type { QuotaFigures } from './quota'
import type { WebhookFigures } from './webhook'

export interface BenchResults {
  date: string
  quick: boolean
  environment: {
    node: string
    cpus: number
    commit: string | undefined
    chromium?: string
    loadAverageAtStart: number[]
    loadAverageAtEnd?: number[]
    seconds?: number
  }
  bundle?: { entries: BundleFigure[]; hosted: { files: string[]; gzipBytes: number; minBytes: number; budgetKb: number } }
  hosted?: HostedFigures
  click?: ClickFigures[]
  webhook?: WebhookFigures[]
  backend?: BackendFigures
  quota?: QuotaFigures
  instances?: InstancesFigures
  memory?: MemoryFigures
  table?: Row[]
  errors?: { section: string; message: string }[]
}

/** Budgets of the issue; a figure over one makes `npm run bench` exit 1. */
export const BUDGETS = {
  sseP95Ms: 250,
  roundTrips: 1,
  providerCallEveryMs: 5000,
  heapGrowthBytes: 1024 * 1024,
  heapGrowthPercent: 10,
}

const KB = (bytes: number) => `${kb(bytes).toFixed(2)} KB`
const ms = (n: number) => `${Math.round(n)} ms`

function bundleRows(bundle: NonNullable<BenchResults['bundle']>): Row[] {
  const rows: Row[] = bundle.entries.map((e) => {
    const lazy = e.lazyGzipBytes ? ` (+${KB(e.lazyGzipBytes)} loaded on intent or for another language)` : ''
    const row: Row = { section: e.ours ? 'bundle' : 'bundle, peer', measure: e.statement, value: `${KB(e.gzipBytes)}${lazy}` }
    if (e.budgetKb !== undefined) {
      row.budget = `${e.budgetKb} KB`
      row.ok = e.gzipBytes <= e.budgetKb * 1024
    }
    return row
  })
  const h = bundle.hosted
  rows.splice(2, 0, {
    section: 'bundle',
    measure: `hosted page, all JS of index.html (React included, ${h.files.length} files)`,
    value: KB(h.gzipBytes),
    budget: `${h.budgetKb} KB`,
    ok: h.gzipBytes <= h.budgetKb * 1024,
  })
  return rows
}

function hostedRows(h: HostedFigures): Row[] {
  const section = 'hosted page'
  return [
    {
      section,
      measure: 'JS bytes (as sent, uncompressed / gzip -9)',
      value: `${KB(h.jsBytes)} / ${KB(h.jsGzipBytes)} in ${h.jsFiles} files`,
    },
    {
      section,
      measure: 'requests until interactive (+1 s), flow iframe included',
      value: `${h.requests} (${h.requestsSameOrigin} to the app)`,
    },
    { section, measure: `first contentful paint, median of ${h.runs}`, value: `${ms(h.fcpMs.median)} (p95 ${ms(h.fcpMs.p95)})` },
    { section, measure: `time to interactive, median of ${h.runs}`, value: `${ms(h.ttiMs.median)} (p95 ${ms(h.ttiMs.p95)})` },
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
      row.ok = w.ms.p95 <= BUDGETS.sseP95Ms
    }
    return row
  })
}

function backendRows(b: BackendFigures): Row[] {
  const section = 'backend'
  const allowed = Math.ceil((b.pollSeconds * 1000) / BUDGETS.providerCallEveryMs)
  return [
    {
      section,
      measure: `webhook verify + record, per second (HTTP, ${b.concurrency} concurrent / in process)`,
      value: `${b.webhooksPerSecond} / ${b.webhooksInProcessPerSecond}`,
    },
    { section, measure: `status reads per second (HTTP, ${b.concurrency} concurrent)`, value: String(b.statusReadsPerSecond) },
    {
      section,
      measure: `provider calls for one session while ${b.pollClients} clients poll it for ${b.pollSeconds} s (${b.browserPolls} polls)`,
      value: String(b.providerCalls),
      budget: `≤ ${allowed} (one per ${BUDGETS.providerCallEveryMs / 1000} s)`,
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
  ]
}

/** Provider calls in any 60 s window must stay under the documented key limit, with no 429 from it. */
function quotaRows(q: QuotaFigures): Row[] {
  return q.scenarios.map((s) => ({
    section: 'quota',
    measure: `provider calls per minute (max over any 60 s): ${s.name}, ${s.seconds} s; browsers got ${Object.entries(s.answers)
      .map(([status, n]) => `${n}×${status}`)
      .join(' ')}`,
    value: `${s.maxPerMinute}/min (${s.provider429} provider 429)`,
    budget: `< ${q.limit}/min, no provider 429`,
    ok: s.maxPerMinute < q.limit && s.provider429 === 0,
  }))
}

function memoryRows(m: MemoryFigures): Row[] {
  const growth = `${m.growthBytes >= 0 ? '+' : ''}${KB(m.growthBytes)} (${m.growthPercent >= 0 ? '+' : ''}${m.growthPercent} %)`
  return [
    {
      section: 'memory',
      measure: `JS heap after ${m.cycles} dialog open/close cycles, after GC (${KB(m.heapBeforeBytes)} before)`,
      value: `${growth}; DOM nodes ${m.nodes[0]} → ${m.nodes[1]}, listeners ${m.listeners[0]} → ${m.listeners[1]}`,
      budget: `< 1 MB or < ${BUDGETS.heapGrowthPercent} %`,
      ok: m.growthBytes < BUDGETS.heapGrowthBytes || m.growthPercent < BUDGETS.heapGrowthPercent,
    },
  ]
}

export function rowsFor(r: BenchResults): Row[] {
  return [
    ...(r.bundle ? bundleRows(r.bundle) : []),
    ...(r.hosted ? hostedRows(r.hosted) : []),
    ...(r.click ? clickRows(r.click) : []),
    ...(r.webhook ? webhookRows(r.webhook) : []),
    ...(r.backend ? backendRows(r.backend) : []),
    ...(r.quota ? quotaRows(r.quota) : []),
    ...(r.instances ? instancesRows(r.instances) : []),
    ...(r.memory ? memoryRows(r.memory) : []),
    ...(r.errors ?? []).map((e) => ({
      section: e.section,
      measure: 'did not finish',
      value: e.message.slice(0, 100),
      budget: 'finishes',
      ok: false,
    })),
  ]
}
