/**
 * Metrics through the OpenTelemetry API: the integrator passes `metrics.getMeter('verify-widget')`
 * (from `@opentelemetry/api`, an optional peer) and whatever SDK their app registered exports them;
 * without a meter nothing is recorded. The shapes below are the slice of the API's `Meter` used
 * here, so no OpenTelemetry package is needed to build or run without it.
 */
type Attributes = Record<string, string | number | boolean>

interface Instrument {
  add(value: number, attributes?: Attributes): void
}
interface HistogramLike {
  record(value: number, attributes?: Attributes): void
}
interface ObservableLike {
  addCallback(callback: (result: { observe(value: number, attributes?: Attributes): void }) => void | Promise<void>): void
}
interface MetricOptions {
  description?: string
  unit?: string
}

/** What `createVerificationHandler({ meter })` takes: an OpenTelemetry `Meter`. */
export interface MeterLike {
  createCounter(name: string, options?: MetricOptions): Instrument
  createUpDownCounter(name: string, options?: MetricOptions): Instrument
  createHistogram(name: string, options?: MetricOptions): HistogramLike
  createObservableGauge(name: string, options?: MetricOptions): ObservableLike
}

/** Observed when an exporter asks: read from the store then. */
export interface MetricsSources {
  outbox(): Promise<{ pending: number; dead: number }>
  budgets(): Promise<{ provider: string; remaining: number; perMinute: number }[]>
  streams(): number
}

export interface Metrics {
  sessionCreated(provider: string): void
  sessionFinished(provider: string, status: string): void
  providerCall(provider: string, tier: string, outcome: 'ok' | 'error' | 'budget_refused'): void
  webhook(provider: string, result: 'applied' | 'duplicate' | 'unmatched' | 'invalid_signature' | 'invalid'): void
  delivery(result: 'ok' | 'error' | 'timeout' | 'dead', latencyMs?: number): void
}

const NONE: Metrics = {
  sessionCreated() {},
  sessionFinished() {},
  providerCall() {},
  webhook() {},
  delivery() {},
}

export function createMetrics(meter: MeterLike | undefined, sources: MetricsSources, report: (error: unknown) => void): Metrics {
  if (!meter) return NONE
  const created = meter.createCounter('verify_widget.sessions.created', { description: 'Verification sessions created at a provider.' })
  const finished = meter.createCounter('verify_widget.sessions.finished', {
    description: 'Sessions that reached a final status, by status.',
  })
  const calls = meter.createCounter('verify_widget.provider.calls', {
    description: 'Provider API calls by tier and outcome (budget_refused: not sent).',
  })
  const webhooks = meter.createCounter('verify_widget.webhooks', { description: 'Provider webhooks received, by result.' })
  const deliveries = meter.createCounter('verify_widget.outbox.deliveries', { description: 'onStatusChange deliveries by result.' })
  const latency = meter.createHistogram('verify_widget.outcome.latency', {
    description: 'From a status change being written to onStatusChange having taken it.',
    unit: 'ms',
  })
  const streams = meter.createObservableGauge('verify_widget.streams.open', { description: 'Status streams open on this instance.' })
  streams.addCallback((result) => result.observe(sources.streams()))
  const backlog = meter.createObservableGauge('verify_widget.outbox.pending', {
    description: 'Outcomes waiting to be delivered (all instances).',
  })
  const dead = meter.createObservableGauge('verify_widget.outbox.dead', { description: 'Outcomes given up on and kept for an operator.' })
  const outbox = async () =>
    sources.outbox().catch((error: unknown) => {
      report(error)
      return undefined
    })
  backlog.addCallback(async (result) => {
    const stats = await outbox()
    if (stats) result.observe(stats.pending)
  })
  dead.addCallback(async (result) => {
    const stats = await outbox()
    if (stats) result.observe(stats.dead)
  })
  const budget = meter.createObservableGauge('verify_widget.provider.budget.remaining', {
    description: 'Provider calls left in the current minute of the key’s budget (all instances).',
  })
  budget.addCallback(async (result) => {
    const budgets = await sources.budgets().catch((error: unknown) => {
      report(error)
      return []
    })
    for (const b of budgets) result.observe(b.remaining, { provider: b.provider })
  })
  return {
    sessionCreated: (provider) => created.add(1, { provider }),
    sessionFinished: (provider, status) => finished.add(1, { provider, status }),
    providerCall: (provider, tier, outcome) => calls.add(1, { provider, tier, outcome }),
    webhook: (provider, result) => webhooks.add(1, { provider, result }),
    delivery(result, latencyMs) {
      deliveries.add(1, { result })
      if (latencyMs !== undefined) latency.record(latencyMs)
    },
  }
}
