import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryStore, type DeliveryContext, OutboxDeliveryError, type SessionStore, type StatusChange } from '../../src/server'
import { createOutboxDispatcher, type OutboxDispatcher } from '../../src/server/service/outbox'
import { storedSession, transition } from './store-contract'

const dispatchers: OutboxDispatcher[] = []
afterEach(() => {
  for (const d of dispatchers.splice(0)) d.close()
})

/** A verified session with its outbox entry waiting, in `store`. */
async function outcome(store: SessionStore, id: string): Promise<void> {
  await store.insertOpen(storedSession(id, { userId: id }))
  expect(await store.transition(transition(storedSession(id, { userId: id }), 'requires_input', 'verified'))).toBe('applied')
}

function dispatch(
  store: SessionStore,
  onStatusChange: (change: StatusChange, context: DeliveryContext) => void | Promise<void>,
  options: Partial<{ timeoutMs: number; maxAttempts: number; report: (error: unknown) => void }> = {},
) {
  const timeoutMs = options.timeoutMs ?? 60_000
  const d = createOutboxDispatcher({
    store,
    onStatusChange,
    report: options.report ?? (() => {}),
    maxAttempts: options.maxAttempts ?? 8,
    retryDelayMs: 5,
    timeoutMs,
    leaseMs: timeoutMs * 2 + 1000,
    pollMs: 60_000,
  })
  dispatchers.push(d)
  return d
}

describe('the outbox cannot be stalled', () => {
  it('32 hooks that never settle do not hold back another session’s delivery', async () => {
    const store = createMemoryStore()
    for (let i = 0; i < 32; i++) await outcome(store, `stuck${i}`)
    const started: string[] = []
    let delivered: (change: StatusChange) => void = () => {}
    const other = new Promise<StatusChange>((resolve) => (delivered = resolve))
    const d = dispatch(store, (change) => {
      if (change.session.sessionId.startsWith('stuck')) {
        started.push(change.session.sessionId)
        return new Promise<never>(() => {})
      }
      delivered(change)
    })
    await expect.poll(() => started.length).toBe(32)
    // The stuck ones hold 32 places; the next session's outcome still goes out, long before any timeout.
    await outcome(store, 'fresh')
    d.wake()
    expect((await other).session.sessionId).toBe('fresh')
    await expect.poll(() => d.inFlight).toBe(32)
  })

  it('a hook past outbox.timeoutMs sees its signal abort, and each attempt counts once', async () => {
    const store = createMemoryStore()
    await outcome(store, 'slow')
    const calls: { attempt: number; signal: AbortSignal }[] = []
    const reported: unknown[] = []
    let gaveUp: () => void = () => {}
    const done = new Promise<void>((resolve) => (gaveUp = resolve))
    dispatch(
      store,
      (_change, context) => {
        calls.push(context)
        return new Promise<never>(() => {})
      },
      {
        timeoutMs: 50,
        maxAttempts: 3,
        report: (error) => {
          reported.push(error)
          if (error instanceof OutboxDeliveryError) gaveUp()
        },
      },
    )
    await done
    // Three attempts, numbered 1, 2, 3; never a second claim of an entry still in flight.
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3])
    expect(calls.every((c) => c.signal.aborted)).toBe(true)
    expect(String(calls[0]!.signal.reason)).toContain('did not finish within 50 ms')
    expect(reported).toHaveLength(1)
    expect(reported[0]).toMatchObject({ attempts: 3, change: { eventId: 'slow.verified' } })
    expect(await store.outboxStats()).toEqual({ pending: 0, dead: 1 })
  })

  it('an entry whose delivery is still running is not claimed again by the same dispatcher, however often it looks', async () => {
    const store = createMemoryStore()
    await outcome(store, 'held')
    let calls = 0
    let release: () => void = () => {}
    const d = dispatch(store, () => {
      calls++
      return new Promise<void>((resolve) => (release = resolve))
    })
    await expect.poll(() => calls).toBe(1)
    for (let i = 0; i < 20; i++) d.wake()
    release()
    await d.idle()
    expect(calls).toBe(1)
    expect(await store.outboxStats()).toEqual({ pending: 0, dead: 0 })
  })
})

describe('closing with a delivery in flight', () => {
  it('a process whose last work is a stuck delivery lives until close() has waited out its timeout', async () => {
    const { spawn } = await import('node:child_process')
    const { resolve } = await import('node:path')
    const child = spawn(resolve('node_modules/.bin/tsx'), [resolve(import.meta.dirname, 'fixtures/close-stuck-hook.ts'), '300'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)))
    // Without the delivery's timer holding the process open, Node ends it mid-close (exit code 13:
    // a top-level await that never settled) and "closed" is never printed.
    expect({ code, output }).toEqual({ code: 0, output: 'closed\n' })
  })
})
