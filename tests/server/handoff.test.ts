import { afterEach, describe, expect, it, vi } from 'vitest'
import { eventually, type Stack, type StackOptions, startStack } from './harness'
import { type Instances, startInstances } from './instances'

let stack: Stack | undefined
let two: Instances | undefined
afterEach(async () => {
  vi.useRealTimers()
  await stack?.close()
  await two?.close()
  stack = undefined
  two = undefined
})

async function open(options: StackOptions['handler'] = {}) {
  stack = await startStack({ handler: { handoff: { pageUrl: 'https://shop.example/verify' }, ...options } })
  return stack
}

/** What a phone is: no account here, a cookie jar of its own. */
function phone(base: string) {
  let cookie = ''
  const call = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    const response = await fetch(`${base}/api/verify${path}`, { ...init, headers })
    const set = response.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]!
    return response
  }
  return {
    call,
    claim: (token: string, headers: Record<string, string> = {}) =>
      call('/handoffs/claim', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ token }),
      }),
    get cookie() {
      return cookie
    },
  }
}

const link = (s: Stack, user: string, body: unknown) =>
  s.api('/handoffs', { method: 'POST', user, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
const tokenOf = (url: string) => new URL(url).hash.replace(/^#handoff=/, '')
const providerCreates = (s: Stack) => s.sandbox.counts()['POST /facesign/v1/sessions'] ?? 0

describe('continue on your phone', () => {
  it('a desktop without a camera gets a link without a provider session; the phone opening it starts one, and the desktop hears of it', async () => {
    const s = await open()
    const answer = await link(s, 'desk', { provider: 'facesign' })
    expect(answer.status).toBe(201)
    const { session, handoff } = await answer.json()
    expect(session).toMatchObject({ provider: 'facesign', status: 'requires_input', handoff: 'waiting' })
    expect(handoff.url).toMatch(/^https:\/\/shop\.example\/verify#handoff=[A-Za-z0-9_-]{43}$/)
    // No secret and nothing about the user in the link; no provider call for a device that cannot finish the flow.
    expect(handoff.url).not.toContain('desk')
    expect(handoff.url).not.toContain('secret')
    expect(providerCreates(s)).toBe(0)

    const desktop = await s.api(`/sessions/${session.sessionId}/events`, { user: 'desk' })
    const seen = desktop.text()
    const p = phone(s.appUrl)
    const claimed = await p.claim(tokenOf(handoff.url))
    expect(claimed.status).toBe(200)
    const flow = await claimed.json()
    expect(flow).toMatchObject({ sessionId: session.sessionId, provider: 'facesign', status: 'requires_input' })
    expect(flow.url).toContain('/facesign/flow?client_secret=')
    expect(p.cookie).toMatch(/^vw_device=[A-Za-z0-9_-]{43}$/)
    expect(claimed.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/)
    expect(providerCreates(s)).toBe(1)

    // The phone follows its session, and passes: the desktop's stream shows "opened", then the result.
    expect((await (await p.call(`/sessions/${session.sessionId}`)).json()).handoff).toBe('opened')
    await s.sandbox.complete((await s.store.get(session.sessionId))!.providerSessionId, 'pass')
    const text = await seen
    const states = text
      .split('\n\n')
      .filter((b) => b.startsWith('event: status'))
      .map((b) => JSON.parse(b.slice(b.indexOf('data: ') + 6)) as { status: string; handoff?: string })
      .map((e) => `${e.status}/${e.handoff}`)
    expect(states).toEqual(['requires_input/waiting', 'requires_input/opened', 'verified/opened'])
    expect((await (await p.call(`/sessions/${session.sessionId}`)).json()).status).toBe('verified')
    expect(await s.handler.latestSession('desk')).toMatchObject({ status: 'verified' })
  })

  it('opens once: a second phone is told it was opened elsewhere; a guess, an old link and a finished session are refused', async () => {
    const s = await open({ handoff: { pageUrl: 'https://shop.example/verify', ttlMs: 60_000 } })
    const { session, handoff } = await (await link(s, 'once', { provider: 'facesign' })).json()
    const token = tokenOf(handoff.url)
    expect((await phone(s.appUrl).claim(token)).status).toBe(200)
    const second = await phone(s.appUrl).claim(token)
    expect(second.status).toBe(409)
    expect((await second.json()).error.code).toBe('handoff_taken')
    // Guesses: well-formed and not, and nothing learned from either.
    for (const guess of ['A'.repeat(43), 'short', '../../etc', 42]) {
      const r = await phone(s.appUrl).call('/handoffs/claim', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: guess }),
      })
      expect(r.status).toBe(404)
      expect((await r.json()).error.code).toBe('handoff_not_found')
    }
    // An expired link.
    const other = await (await link(s, 'late', { provider: 'facesign' })).json()
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 })
    const late = await phone(s.appUrl).claim(tokenOf(other.handoff.url))
    expect(late.status).toBe(410)
    expect((await late.json()).error.code).toBe('handoff_expired')
    vi.useRealTimers()
    // A session that ended before its link was opened.
    const third = await (await link(s, 'ended', { provider: 'facesign' })).json()
    await s.api(`/sessions/${third.session.sessionId}/cancel`, { method: 'POST', user: 'ended' })
    const afterEnd = await phone(s.appUrl).claim(tokenOf(third.handoff.url))
    expect(afterEnd.status).toBe(410)
    expect((await afterEnd.json()).error).toMatchObject({ code: 'session_finished', message: 'This verification is already canceled.' })
    // …and no link for it any more.
    const refused = await link(s, 'ended', { sessionId: third.session.sessionId })
    expect((await refused.json()).error.code).toBe('session_finished')
    expect(session.sessionId).toBeTruthy()
  })

  it('the phone gets that session and nothing else: not the user’s other sessions, not a create, not a new link', async () => {
    const s = await open()
    const mine = await (await s.create('owner')).json()
    const { session, handoff } = await (await link(s, 'owner', { provider: 'faceverify' })).json()
    const p = phone(s.appUrl)
    expect((await p.claim(tokenOf(handoff.url))).status).toBe(200)
    expect((await p.call(`/sessions/${session.sessionId}`)).status).toBe(200)
    expect((await p.call(`/sessions/${mine.sessionId}`)).status).toBe(401)
    expect((await p.call(`/sessions/${mine.sessionId}/events`)).status).toBe(401)
    const create = await p.call('/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"provider":"facesign"}',
    })
    expect(create.status).toBe(401)
    const again = await p.call('/handoffs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId: session.sessionId }),
    })
    expect(again.status).toBe(401)
    // Someone else signed in on that phone still gets only this session through the device.
    expect((await p.call(`/sessions/${mine.sessionId}`, { headers: { 'x-test-user': 'stranger' } })).status).toBe(404)
    // The phone may cancel its own session (a person who gave up on the phone).
    const canceled = await p.call(`/sessions/${session.sessionId}/cancel`, { method: 'POST' })
    expect((await canceled.json()).status).toBe('canceled')
  })

  it('a new link replaces the old one and shuts out the device that opened it; the desktop can also cancel', async () => {
    const s = await open()
    const first = await (await link(s, 'again', { provider: 'facesign' })).json()
    const p1 = phone(s.appUrl)
    await p1.claim(tokenOf(first.handoff.url))
    const second = await (await link(s, 'again', { sessionId: first.session.sessionId })).json()
    expect(second.session).toMatchObject({ sessionId: first.session.sessionId, handoff: 'waiting' })
    expect((await p1.call(`/sessions/${first.session.sessionId}`)).status).toBe(401)
    const p2 = phone(s.appUrl)
    expect((await p2.claim(tokenOf(second.handoff.url))).status).toBe(200)
    await s.api(`/sessions/${first.session.sessionId}/cancel`, { method: 'POST', user: 'again' })
    expect((await (await p2.call(`/sessions/${first.session.sessionId}`)).json()).status).toBe('canceled')
  })

  it('on the desktop, a session waiting for the phone starts here after all when the person verifies here', async () => {
    const s = await open()
    const { session } = await (await link(s, 'changed-mind', { provider: 'facesign' })).json()
    const created = await s.create('changed-mind')
    expect(created.status).toBe(200)
    const started = await created.json()
    expect(started).toMatchObject({ sessionId: session.sessionId, url: expect.stringContaining('client_secret=') })
    expect(providerCreates(s)).toBe(1)
  })

  it('limits: links per session and per user, attempts to open per address', async () => {
    const s = await open({
      limits: { handoffPerSession: 2, claimPerAddress: 3 },
      clientAddress: (r) => r.headers.get('x-test-addr') ?? undefined,
    })
    const { session } = await (await link(s, 'flood', { provider: 'facesign' })).json()
    const again = () => link(s, 'flood', { sessionId: session.sessionId })
    expect((await again()).status).toBe(201)
    const third = await again()
    expect(third.status).toBe(429)
    expect((await third.json()).error.code).toBe('too_many_handoffs')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await phone(s.appUrl).claim('B'.repeat(43), { 'X-Test-Addr': '198.51.100.9' })).status)
    expect(statuses).toEqual([404, 404, 404, 429, 429])
  })

  it('a claim from a foreign Origin is refused; the link needs the backend to have handoffs on', async () => {
    const s = await open()
    const { handoff } = await (await link(s, 'origin', { provider: 'facesign' })).json()
    const foreign = await phone(s.appUrl).claim(tokenOf(handoff.url), { Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    // The refused claim did not use the link up.
    expect((await phone(s.appUrl).claim(tokenOf(handoff.url))).status).toBe(200)
    await stack?.close()
    stack = await startStack({ handler: { handoff: false } })
    const off = await link(stack, 'off', { provider: 'facesign' })
    expect(off.status).toBe(404)
    expect((await off.json()).error.code).toBe('handoff_not_configured')
  })

  it('the phone on one instance, the desktop on another (PostgreSQL): the desktop’s stream hears "opened" and the result', async () => {
    two = await startInstances(2, { handoff: { pageUrl: 'https://shop.example/' } })
    const [a, b] = two.list
    const { session, handoff } = await (
      await a!.api('/handoffs', {
        method: 'POST',
        user: 'split',
        headers: { 'Content-Type': 'application/json' },
        body: '{"provider":"facesign"}',
      })
    ).json()
    const desktop = await a!.api(`/sessions/${session.sessionId}/events`, { user: 'split' })
    const text = desktop.text()
    const p = phone(b!.url)
    expect((await p.claim(tokenOf(handoff.url))).status).toBe(200)
    two.webhooksTo(1)
    const stored = await a!.store.get(session.sessionId)
    await two.sandbox.complete(stored!.providerSessionId, 'pass')
    expect(await text).toContain('"handoff":"opened"')
    await eventually(async () => expect((await (await p.call(`/sessions/${session.sessionId}`)).json()).status).toBe('verified'))
  })
})
