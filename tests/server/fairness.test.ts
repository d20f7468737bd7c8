import { afterEach, describe, expect, it } from 'vitest'
import { addressBucket } from '../../src/server/service/limits'
import { type Stack, type StackOptions, startStack } from './harness'

let stack: Stack | undefined
afterEach(async () => {
  await stack?.close()
  stack = undefined
})

/** The client address a test says it comes from (the socket is always 127.0.0.1 here). */
const addressFromTest = { clientAddress: (request: Request) => request.headers.get('x-test-addr') ?? undefined }
/** Each request's user from x-test-user; `anon_…` users are anonymous, as the demo cookie's are. */
const usersFromTest = {
  identify: (request: Request) => {
    const id = request.headers.get('x-test-user')
    return id ? { id, ...(id.startsWith('anon_') ? { anonymous: true } : {}) } : null
  },
}

async function open(options: StackOptions['handler'] = {}, sandbox: StackOptions['sandbox'] = undefined): Promise<Stack> {
  // The per-address defaults of the handler itself, not the harness's loopback-friendly ones.
  stack = await startStack({
    handler: {
      ...addressFromTest,
      ...usersFromTest,
      ...options,
      limits: { createPerAddress: undefined, refreshPerAddress: undefined, streamsPerAddress: undefined, ...options.limits },
    },
    ...(sandbox ? { sandbox } : {}),
  })
  return stack
}

const post = (s: Stack, path: string, user: string, address: string, body?: unknown) =>
  fetch(`${s.appUrl}/api/verify${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Test-User': user, 'X-Test-Addr': address },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
const create = (s: Stack, user: string, address: string) => post(s, '/sessions', user, address, { provider: 'facesign' })

describe('limits no user can turn against others', () => {
  it('a refresh flood from one session and user is stopped by its own limits; everyone else still creates', async () => {
    const s = await open()
    const { sessionId } = await (await create(s, 'mallory', '198.51.100.66')).json()
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await post(s, `/sessions/${sessionId}/refresh`, 'mallory', '198.51.100.66')).status)
    // refreshPerSession 3, and a quarter of the budget's refresh share (8 a minute on a test key) per address: 2.
    expect(statuses.filter((n) => n === 200)).toHaveLength(2)
    expect(statuses.slice(2).every((n) => n === 429)).toBe(true)
    const refused = await post(s, `/sessions/${sessionId}/refresh`, 'mallory', '198.51.100.66')
    expect((await refused.json()).error.code).toBe('too_many_refreshes')
    // Refreshes have their own share of the provider budget: creates of other people go on.
    for (let i = 0; i < 5; i++) expect((await create(s, `honest${i}`, `192.0.2.${i}`)).status).toBe(201)
    expect(s.sandbox.counts()['GET /facesign/v1/sessions/:id/refresh']).toBe(2)
  })

  it('two addresses flooding anonymous creates take at most a quarter each; a new address and a signed-in user still get in', async () => {
    const s = await open()
    let n = 0
    const flood = (address: string) => Promise.all(Array.from({ length: 30 }, () => create(s, `anon_${++n}`, address)))
    const [v4, v6] = await Promise.all([flood('127.0.0.1'), flood('::1')])
    // The create share of an 80/min budget is 36: a quarter per address, anonymous users half in all.
    expect(v4.filter((r) => r.status === 201)).toHaveLength(9)
    expect(v6.filter((r) => r.status === 201)).toHaveLength(9)
    // Anonymous users together have had their half: another anonymous visitor waits…
    const anonymous = await create(s, 'anon_late', '203.0.113.9')
    expect(anonymous.status).toBe(429)
    expect((await anonymous.json()).error.code).toBe('too_many_sessions')
    // …but a signed-in user is never locked out by anonymous traffic.
    expect((await create(s, 'signed-in', '203.0.113.9')).status).toBe(201)
  })

  it('IPv6 addresses count per /64: a second address of the same prefix buys nothing', async () => {
    const s = await open({ limits: { createPerAddress: 2 } })
    const statuses = [
      (await create(s, 'a1', '2001:db8:1:2::1')).status,
      (await create(s, 'a2', '2001:db8:1:2:ffff::9')).status,
      (await create(s, 'a3', '[2001:db8:1:2::abcd]')).status,
      (await create(s, 'b1', '2001:db8:1:3::1')).status,
    ]
    expect(statuses).toEqual([201, 201, 429, 201])
  })

  it('refused and failed attempts count for nothing', async () => {
    const s = await open({ limits: { createPerUser: 2 } })
    // Three creates the provider fails (500 three times each: the retries).
    s.sandbox.failNext('facesign', 500, 9)
    for (let i = 0; i < 3; i++) expect((await create(s, 'unlucky', '192.0.2.50')).status).toBe(502)
    // The user's two creates a minute are all still there.
    const first = await create(s, 'unlucky', '192.0.2.50')
    expect(first.status).toBe(201)
    await post(s, `/sessions/${(await first.json()).sessionId}/cancel`, 'unlucky', '192.0.2.50')
    expect((await create(s, 'unlucky', '192.0.2.50')).status).toBe(201)
  })
})

describe('addressBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::1]', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket)
  })

  it.each([[undefined], [''], ['not an address'], ['1:2:3']])('%s → no bucket', (address) => {
    expect(addressBucket(address)).toBeUndefined()
  })
})
