import { afterEach, describe, expect, it } from 'vitest'
import { type Stack, startStack } from './harness'
import { type Instances, startInstances } from './instances'

let stack: Stack | undefined
let two: Instances | undefined
afterEach(async () => {
  await stack?.close()
  await two?.close()
  stack = undefined
  two = undefined
})

const statusEvents = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.startsWith('event: status'))
    .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { status: string })

describe('status streams have bounds', () => {
  it('per-address and global caps are kept in the store, so they hold across instances', async () => {
    const fromTest = { clientAddress: (request: Request) => request.headers.get('x-test-addr') ?? undefined }
    two = await startInstances(2, { ...fromTest, limits: { streamsPerAddress: 3, streamsPerUser: 100, streamsGlobal: 5 } })
    const [a, b] = two.list
    const users = Array.from({ length: 8 }, (_, i) => `s${i}`)
    const ids = await Promise.all(users.map(async (u) => (await (await a!.create(u)).json()).sessionId as string))
    const stream = (i: number, address: string) =>
      (i % 2 ? a! : b!).api(`/sessions/${ids[i]}/events`, { user: users[i]!, headers: { 'X-Test-Addr': address } })
    // Three from one address, split over both instances; the fourth is refused wherever it lands.
    const mine = await Promise.all([0, 1, 2].map((i) => stream(i, '198.51.100.1')))
    expect(mine.map((r) => r.status)).toEqual([200, 200, 200])
    const fourth = await stream(3, '198.51.100.1')
    expect(fourth.status).toBe(429)
    expect((await fourth.json()).error.code).toBe('too_many_streams')
    // Two more from elsewhere fill the global cap of five; the sixth is refused.
    const others = await Promise.all([4, 5].map((i) => stream(i, `203.0.113.${i}`)))
    expect(others.map((r) => r.status)).toEqual([200, 200])
    expect((await stream(6, '203.0.113.6')).status).toBe(429)
    // A closed stream gives its place back.
    await mine[0]!.body?.cancel()
    await expect
      .poll(async () => {
        const again = await stream(7, '203.0.113.7')
        await again.body?.cancel()
        return again.status
      })
      .toBe(200)
    for (const r of [...mine.slice(1), ...others]) await r.body?.cancel()
  })

  it('a stream ends after its lifetime, and the browser’s EventSource is told to reconnect soon', async () => {
    stack = await startStack({ handler: { limits: { streamLifetimeMs: 300 } } })
    const { sessionId } = await (await stack.create('lifetime')).json()
    const text = await (await stack.api(`/sessions/${sessionId}/events`, { user: 'lifetime' })).text()
    // The body ended by itself (the session is still open) after one snapshot.
    expect(statusEvents(text).map((e) => e.status)).toEqual(['requires_input'])
    expect(text).toMatch(/^retry: \d+\n\n/)
    // Its slot went with it: the user can open as many as before.
    expect(stack.handler.openStreams).toBe(0)
  })

  it('a session open past retention.openSessionMs ends as expired, also one whose provider never expires it', async () => {
    stack = await startStack({ handler: { retention: { openSessionMs: 200 } } })
    const { sessionId } = await (await stack.create('slow', { provider: 'faceverify' })).json()
    const stream = await stack.api(`/sessions/${sessionId}/events`, { user: 'slow' })
    // The stream's own check (every second) finds it too old; no webhook, no provider call needed.
    const statuses = statusEvents(await stream.text()).map((e) => e.status)
    expect(statuses.at(-1)).toBe('expired')
    expect((await (await stack.api(`/sessions/${sessionId}`, { user: 'slow' })).json()).status).toBe('expired')
  })
})
