import { describe, expect, it } from 'vitest'
import { createCookieIdentity } from '../../src/server'

const identity = createCookieIdentity({ secret: 'sk_test_cookie_secret' })
const request = (cookie?: string) => new Request('http://localhost/', { headers: cookie ? { cookie } : {} })

describe('createCookieIdentity', () => {
  it('sets a signed, HttpOnly, SameSite=Lax cookie on first visit and recognises it after', () => {
    const first = identity.ensure(undefined, false)
    expect(first.setCookie).toMatch(/^vw_uid=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/)
    const pair = first.setCookie!.split(';')[0]!
    expect(identity.identify(request(`other=1; ${pair}`))).toEqual(first.identity)
    expect(identity.ensure(pair, false)).toEqual({ identity: first.identity })
    expect(identity.ensure(undefined, true).setCookie).toContain('; Secure')
  })

  it('gives each browser its own id', () => {
    expect(identity.ensure(undefined, false).identity.id).not.toBe(identity.ensure(undefined, false).identity.id)
  })

  it('refuses a forged or tampered cookie, and one signed with another secret', () => {
    const pair = identity.ensure(undefined, false).setCookie!.split(';')[0]!
    const [name, value] = pair.split('=')
    const [id, mac] = value!.split('.')
    expect(identity.identify(request(`${name}=${id}x.${mac}`))).toBeNull()
    expect(identity.identify(request(`${name}=${id}.${mac!.slice(1)}A`))).toBeNull()
    expect(identity.identify(request(`${name}=${id}`))).toBeNull()
    expect(identity.identify(request())).toBeNull()
    expect(createCookieIdentity({ secret: 'sk_test_other' }).identify(request(pair))).toBeNull()
  })
})
