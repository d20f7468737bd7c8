import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStatusCache } from '../../src/server/status-cache'
import { type Stack, startStack } from './harness'

describe('createStatusCache', () => {
  it('reads at most once per interval and shares the read in flight', async () => {
    let now = 0
    const cache = createStatusCache(5000, () => now)
    let reads = 0
    const read = async () => {
      reads++
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await Promise.all(Array.from({ length: 20 }, () => cache.refresh('s1', read)))
    expect(reads).toBe(1)
    now = 4999
    await cache.refresh('s1', read)
    expect(reads).toBe(1)
    now = 5000
    await cache.refresh('s1', read)
    expect(reads).toBe(2)
    await cache.refresh('s2', read)
    expect(reads).toBe(3)
    await cache.refresh('s2', read, { force: true })
    expect(reads).toBe(4)
  })
})

describe('browser polling against the backend', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack({ handler: { statusCacheMs: 60_000 } })
  })
  afterAll(() => stack.close())

  it('50 tabs polling one session cause one provider GET', async () => {
    const { sessionId } = await (await stack.create('poller')).json()
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => stack.api(`/sessions/${sessionId}`, { user: 'poller' })))
      expect(answers.every((r) => r.status === 200)).toBe(true)
    }
    expect(stack.sandbox.counts()['GET /facesign/v1/sessions/:id']).toBe(1)
  })

  it('a provider failure while polling leaves the stored status in place', async () => {
    const s = await startStack({ handler: { statusCacheMs: 0 } })
    try {
      const { sessionId } = await (await s.create('p2')).json()
      s.sandbox.failNext('facesign', 500, 3)
      const r = await s.api(`/sessions/${sessionId}`, { user: 'p2' })
      expect(r.status).toBe(200)
      expect((await r.json()).status).toBe('requires_input')
    } finally {
      await s.close()
    }
  })
})
