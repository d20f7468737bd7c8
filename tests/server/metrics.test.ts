import { createHmac } from 'node:crypto'
import { metrics } from '@opentelemetry/api'
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics'
import { afterEach, describe, expect, it } from 'vitest'
import { eventually, type Stack, startStack, WEBHOOK_SECRET } from './harness'

let stack: Stack | undefined
let provider: MeterProvider | undefined
afterEach(async () => {
  await stack?.close()
  await provider?.shutdown()
  stack = undefined
  provider = undefined
})

interface Point {
  name: string
  value: number
  attributes: Record<string, unknown>
}

/** The OpenTelemetry SDK with its in-memory exporter, as an app would register one. */
function telemetry() {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  // Exported on demand (forceFlush), never on a timer: the test decides when.
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })
  provider = new MeterProvider({ readers: [reader] })
  return {
    meter: provider.getMeter('verify-widget'),
    async points(): Promise<Point[]> {
      exporter.reset()
      await reader.forceFlush()
      return exporter
        .getMetrics()
        .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
        .flatMap((m) =>
          m.dataPoints.map((p) => ({
            name: m.descriptor.name,
            value: typeof p.value === 'number' ? p.value : (p.value as { count: number }).count,
            attributes: p.attributes,
          })),
        )
    },
  }
}

const value = (points: Point[], name: string, attributes: Record<string, unknown> = {}) =>
  points
    .filter((p) => p.name === name && Object.entries(attributes).every(([k, v]) => p.attributes[k] === v))
    .reduce((n, p) => n + p.value, 0)

describe('operations: metrics and health', () => {
  it('records sessions, provider calls, webhooks, the outbox, streams and budgets on the app’s meter', async () => {
    const otel = telemetry()
    stack = await startStack({ handler: { meter: otel.meter, onStatusChange: () => {} } })
    const s = stack
    const { sessionId } = await (await s.create('metered')).json()
    const stream = await s.api(`/sessions/${sessionId}/events`, { user: 'metered' })
    await eventually(async () => expect(value(await otel.points(), 'verify_widget.streams.open')).toBe(1))
    const providerId = (await s.store.get(sessionId))!.providerSessionId
    await s.sandbox.complete(providerId, 'pass')
    expect(await stream.text()).toContain('"status":"verified"')
    const forged = JSON.stringify({ id: 'evt_forged', type: 'session.failed', data: { id: providerId } })
    await fetch(`${s.appUrl}/api/verify/webhooks/facesign`, {
      method: 'POST',
      headers: { 'FaceSign-Signature': 'f'.repeat(64) },
      body: forged,
    })
    const replay = JSON.stringify({ id: 'evt_replay', type: 'session.verified', data: { id: providerId } })
    const signed = { 'FaceSign-Signature': createHmac('sha256', WEBHOOK_SECRET).update(replay).digest('hex') }
    await fetch(`${s.appUrl}/api/verify/webhooks/facesign`, { method: 'POST', headers: signed, body: replay })
    await fetch(`${s.appUrl}/api/verify/webhooks/facesign`, { method: 'POST', headers: signed, body: replay })
    await s.handler.idle()

    const points = await otel.points()
    expect(value(points, 'verify_widget.sessions.created', { provider: 'facesign' })).toBe(1)
    expect(value(points, 'verify_widget.sessions.finished', { provider: 'facesign', status: 'verified' })).toBe(1)
    expect(value(points, 'verify_widget.provider.calls', { provider: 'facesign', tier: 'create', outcome: 'ok' })).toBe(1)
    expect(value(points, 'verify_widget.webhooks', { provider: 'facesign', result: 'invalid_signature' })).toBe(1)
    expect(value(points, 'verify_widget.webhooks', { provider: 'facesign', result: 'duplicate' })).toBe(1)
    expect(value(points, 'verify_widget.webhooks', { provider: 'facesign', result: 'applied' })).toBeGreaterThanOrEqual(1)
    expect(value(points, 'verify_widget.outbox.deliveries', { result: 'ok' })).toBeGreaterThanOrEqual(1)
    expect(value(points, 'verify_widget.outcome.latency')).toBeGreaterThanOrEqual(1)
    expect(value(points, 'verify_widget.outbox.pending')).toBe(0)
    expect(value(points, 'verify_widget.outbox.dead')).toBe(0)
    expect(value(points, 'verify_widget.streams.open')).toBe(0)
    // 80 calls a minute on a test key, one spent on the create.
    expect(value(points, 'verify_widget.provider.budget.remaining', { provider: 'facesign' })).toBe(79)
  })

  it('records nothing without a meter, and the global no-op meter costs nothing either', async () => {
    stack = await startStack({ handler: { meter: metrics.getMeter('no-sdk-registered') } })
    expect((await stack.create('quiet')).status).toBe(201)
  })

  it('health says whether the store answers, what waits in the outbox and what the budget has left', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    stack = await startStack({ handler: { onStatusChange: () => held, outbox: { timeoutMs: 60_000 } } })
    const s = stack
    const { sessionId } = await (await s.create('healthy')).json()
    await s.api(`/sessions/${sessionId}/cancel`, { method: 'POST', user: 'healthy' })
    const report = await s.handler.health()
    expect(report).toEqual({
      ok: true,
      store: { ok: true },
      outbox: { pending: 1, dead: 0 },
      budgets: [
        { provider: 'facesign', perMinute: 80, remaining: 79 },
        { provider: 'faceverify', perMinute: 80, remaining: 80 },
      ],
      streams: 0,
    })
    release()
    await s.handler.idle()
    expect((await s.handler.health()).outbox).toEqual({ pending: 0, dead: 0 })
    // The database goes away: health says so (masked), it does not throw.
    s.store.outboxStats = () => Promise.reject(new Error('connect ECONNREFUSED (postgres://app:hunter2@db:5432/verify)'))
    expect(await s.handler.health()).toEqual({
      ok: false,
      store: { ok: false, error: 'Error: connect ECONNREFUSED (postgres://app:…@db:5432/verify)' },
      streams: 0,
    })
  })
})
