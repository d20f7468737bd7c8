import { createHmac, randomBytes } from 'node:crypto'
import type { SandboxProvider, WebhookDelivery } from './types'

export interface WebhookSender {
  send(provider: SandboxProvider, url: string | undefined, secret: string | undefined, type: string, payload: Record<string, unknown>): void
  redeliver(eventId: string): Promise<void>
  deliveries(): WebhookDelivery[]
  settled(): Promise<void>
  close(): void
}

interface Pending extends WebhookDelivery {
  secret: string
}

/**
 * Signed webhook deliveries with retries: exponential backoff until the backend answers 2xx or the
 * attempts run out. Every delivery is kept in a log that tests and the bench read.
 */
export function createWebhookSender(retry: { initialMs?: number; maxMs?: number; maxAttempts?: number } = {}): WebhookSender {
  const initialMs = retry.initialMs ?? 500
  const maxMs = retry.maxMs ?? 30_000
  const maxAttempts = retry.maxAttempts ?? 12
  const log: Pending[] = []
  const timers = new Set<NodeJS.Timeout>()
  const inFlight = new Set<Promise<void>>()
  let closed = false

  function headers(d: Pending): Record<string, string> {
    const signature = createHmac('sha256', d.secret).update(d.body).digest('hex')
    const base = { 'Content-Type': 'application/json', 'User-Agent': 'verify-widget-sandbox' }
    return d.provider === 'facesign'
      ? { ...base, 'FaceSign-Signature': signature, 'FaceSign-Event-Id': d.eventId }
      : { ...base, 'x-hmac-signature': signature }
  }

  async function attempt(d: Pending): Promise<void> {
    d.attempts++
    try {
      const response = await fetch(d.url, { method: 'POST', headers: headers(d), body: d.body, signal: AbortSignal.timeout(10_000) })
      d.lastResult = response.status
      await response.body?.cancel()
      if (response.ok) d.delivered = true
    } catch (error) {
      d.lastResult = error instanceof Error ? error.message : String(error)
    }
    if (d.delivered || closed || d.attempts >= maxAttempts) return
    const delay = Math.min(maxMs, initialMs * 2 ** (d.attempts - 1))
    const timer = setTimeout(() => {
      timers.delete(timer)
      track(attempt(d))
    }, delay)
    timers.add(timer)
  }

  function track(promise: Promise<void>): Promise<void> {
    inFlight.add(promise)
    return promise.finally(() => inFlight.delete(promise))
  }

  return {
    send(provider, url, secret, type, payload) {
      if (!url || !secret || closed) return
      const eventId = `evt_${randomBytes(12).toString('hex')}`
      const body = JSON.stringify({ id: eventId, type, created: Math.floor(Date.now() / 1000), ...payload })
      const d: Pending = { eventId, provider, type, url, body, secret, attempts: 0, delivered: false, lastResult: undefined }
      log.push(d)
      track(attempt(d))
    },
    async redeliver(eventId) {
      const d = log.find((e) => e.eventId === eventId)
      if (!d) throw new Error(`No webhook ${eventId} was sent.`)
      const copy: Pending = { ...d, attempts: 0, delivered: false }
      log.push(copy)
      await track(attempt(copy))
    },
    deliveries() {
      return log.map(({ secret: _secret, ...d }) => ({ ...d }))
    },
    async settled() {
      while (inFlight.size > 0 || timers.size > 0) {
        await Promise.race([...inFlight, new Promise((resolve) => setTimeout(resolve, 20))])
      }
    },
    close() {
      closed = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
