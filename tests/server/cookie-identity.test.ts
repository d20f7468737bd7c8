import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCookieIdentity } from '../../src/server'

const SECRET = 'made-up-cookie-secret-of-32-bytes-or-more'
const identity = createCookieIdentity({ secret: SECRET })
const request = (cookie?: string, url = 'http://localhost/') => new Request(url, { headers: cookie ? { cookie } : {} })
const pairOf = (setCookie: string | undefined) => setCookie!.split(';')[0]!

afterEach(() => {
  vi.useRealTimers()
})

describe('createCookieIdentity', () => {
  it('sets a signed, HttpOnly, SameSite=Lax cookie on first visit and recognises it after', async () => {
    const first = await identity.ensure(undefined, false)
    expect(first.setCookie).toMatch(/^vw_uid=[A-Za-z0-9_-]+\.[0-9a-z]+\.[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/)
    expect(first.identity.anonymous).toBe(true)
    const pair = pairOf(first.setCookie)
    expect(await identity.identify(request(`other=1; ${pair}`))).toEqual(first.identity)
    expect(await identity.ensure(pair, false)).toEqual({ identity: first.identity })
  })

  it('over HTTPS the cookie is __Host- prefixed and Secure, and a plain-named one is not read there', async () => {
    const secure = await identity.ensure(undefined, true)
    expect(secure.setCookie).toMatch(/^__Host-vw_uid=.*; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/)
    expect(secure.setCookie).not.toContain('Domain=')
    const pair = pairOf(secure.setCookie)
    expect(await identity.identify(request(pair, 'https://shop.example/'))).toEqual(secure.identity)
    // A sibling subdomain can set `vw_uid` for the parent domain, never `__Host-vw_uid`: over HTTPS only the latter counts.
    const planted = pairOf((await identity.ensure(undefined, false)).setCookie)
    expect(await identity.identify(request(planted, 'https://shop.example/'))).toBeNull()
  })

  it('refuses a cookie sent twice (one was planted), whichever comes first', async () => {
    const mine = pairOf((await identity.ensure(undefined, false)).setCookie)
    const theirs = pairOf((await identity.ensure(undefined, false)).setCookie)
    expect(await identity.identify(request(`${theirs}; ${mine}`))).toBeNull()
    expect(await identity.identify(request(`${mine}; ${theirs}`))).toBeNull()
    // ensure then hands out a new identity rather than either of them.
    const next = await identity.ensure(`${theirs}; ${mine}`, false)
    expect(next.setCookie).toBeDefined()
  })

  it('gives each browser its own id', async () => {
    expect((await identity.ensure(undefined, false)).identity.id).not.toBe((await identity.ensure(undefined, false)).identity.id)
  })

  it('refuses a forged or tampered cookie, and one signed with another secret', async () => {
    const pair = pairOf((await identity.ensure(undefined, false)).setCookie)
    const [name, value] = pair.split('=')
    const [id, issued, mac] = value!.split('.')
    expect(await identity.identify(request(`${name}=${id}x.${issued}.${mac}`))).toBeNull()
    expect(await identity.identify(request(`${name}=${id}.${issued}.${mac!.slice(1)}A`))).toBeNull()
    expect(await identity.identify(request(`${name}=${id}.${issued}`))).toBeNull()
    expect(await identity.identify(request(`${name}=${id}.zz.${mac}`))).toBeNull()
    expect(await identity.identify(request())).toBeNull()
    expect(await createCookieIdentity({ secret: `${SECRET}-other` }).identify(request(pair))).toBeNull()
  })

  it('a cookie older than maxAgeSeconds is refused, even with a valid signature', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-06-01T00:00:00Z') })
    const short = createCookieIdentity({ secret: SECRET, maxAgeSeconds: 60 })
    const pair = pairOf((await short.ensure(undefined, false)).setCookie)
    vi.setSystemTime(Date.parse('2026-06-01T00:00:59Z'))
    expect(await short.identify(request(pair))).not.toBeNull()
    vi.setSystemTime(Date.parse('2026-06-01T00:01:01Z'))
    expect(await short.identify(request(pair))).toBeNull()
  })

  it('rotates keys: the first secret signs, every listed one is still accepted', async () => {
    const old = pairOf((await identity.ensure(undefined, false)).setCookie)
    const rotated = createCookieIdentity({ secret: [`${SECRET}-new`, SECRET] })
    expect(await rotated.identify(request(old))).not.toBeNull()
    const fresh = pairOf((await rotated.ensure(undefined, false)).setCookie)
    expect(await createCookieIdentity({ secret: `${SECRET}-new` }).identify(request(fresh))).not.toBeNull()
    expect(await identity.identify(request(fresh))).toBeNull()
  })

  it('refuses a short or empty secret at creation, naming how to make one', () => {
    for (const secret of ['', 'short', 'x'.repeat(31), ['x'.repeat(40), 'short'], []]) {
      expect(() => createCookieIdentity({ secret })).toThrow(/32 bytes|needs a secret/)
    }
    expect(() => createCookieIdentity({ secret: 'short' })).toThrow('openssl rand -hex 32')
  })
})
