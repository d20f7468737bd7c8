import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StatusChange } from '../../src/server'
import { createVerificationHandler } from '../../src/server/node-index'
import { eventually, type Stack, startStack } from './harness'

const dirs: string[] = []
let stack: Stack | undefined
afterEach(async () => {
  vi.useRealTimers()
  await stack?.close()
  stack = undefined
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vw-retention-'))
  dirs.push(dir)
  return dir
}
const DAY = 24 * 60 * 60_000

describe('data has a lifetime', () => {
  it('a pass ends sessions left open too long (with their outcome) and deletes what is past its lifetime', async () => {
    const changes: StatusChange[] = []
    stack = await startStack({ handler: { onStatusChange: (c) => void changes.push(c), outbox: { retryDelayMs: 5 } } })
    const s = stack
    const finished = await (await s.create('finished')).json()
    await s.api(`/sessions/${finished.sessionId}/cancel`, { method: 'POST', user: 'finished' })
    const verified = await (await s.create('verified')).json()
    await s.sandbox.complete((await s.store.get(verified.sessionId))!.providerSessionId, 'pass')
    await eventually(async () => expect((await s.store.get(verified.sessionId))?.status).toBe('verified'))
    const left = await (await s.create('left')).json()
    await eventually(() => expect(changes.map((c) => c.eventId)).toContain(`${verified.sessionId}.verified`))
    await s.handler.idle()

    // Nothing is old yet.
    expect(await s.handler.prune()).toEqual({ expired: 0, sessions: 0, events: 0, delivered: 0, dead: 0 })
    // Two days on: the open session is past its 24 h; a year and a day on, the rest is past theirs.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * DAY })
    expect((await s.handler.prune()).expired).toBe(1)
    expect(await s.store.get(left.sessionId)).toMatchObject({ status: 'expired', url: '' })
    await eventually(() => expect(changes.map((c) => c.eventId)).toContain(`${left.sessionId}.expired`))
    await s.handler.idle()
    vi.setSystemTime(Date.now() + 366 * DAY)
    const pruned = await s.handler.prune()
    expect(pruned).toMatchObject({ expired: 0, sessions: 3, delivered: changes.length, dead: 0 })
    expect(pruned.events).toBeGreaterThan(0)
    for (const id of [finished.sessionId, verified.sessionId, left.sessionId]) expect(await s.store.get(id)).toBeUndefined()
    expect(await s.handler.latestSession('verified')).toBeUndefined()
  })

  it('the SQLite file and its folder are private to the backend’s user, also a file an older version made readable', async () => {
    const dataDir = join(tempDir(), 'data')
    const handler = createVerificationHandler({ identify: () => ({ id: 'u' }), dataDir })
    await handler(new Request('http://app.test/api/verify/sessions/vws_x'))
    await handler.close()
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    expect(statSync(join(dataDir, 'verify.sqlite')).mode & 0o777).toBe(0o600)

    const older = join(tempDir(), 'older')
    mkdirSync(older)
    writeFileSync(join(older, 'verify.sqlite'), '')
    chmodSync(join(older, 'verify.sqlite'), 0o644)
    const again = createVerificationHandler({ identify: () => ({ id: 'u' }), dataDir: older })
    await again(new Request('http://app.test/api/verify/sessions/vws_x'))
    await again.close()
    expect(statSync(join(older, 'verify.sqlite')).mode & 0o777).toBe(0o600)
  })
})
