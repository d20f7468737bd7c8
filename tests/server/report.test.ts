import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryStore, createVerificationHandler, HttpError, maskSecrets, ProviderError, type SessionStore } from '../../src/server'
import { createConsoleReporter, describeFailure } from '../../src/server/report'
import { missingDriver } from '../../src/server/stores/lazy'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

const sessionRequest = () => new Request('http://app.test/api/verify/sessions/vws_1')

/** A store whose every call fails as an uninstalled driver makes it fail. */
function brokenStore(): SessionStore {
  const fail = async () => {
    throw missingDriver('better-sqlite3', 'createSqliteStore', new Error("Cannot find package 'better-sqlite3'"))
  }
  return new Proxy(createMemoryStore(), { get: (target, key) => (key === 'close' ? target.close : fail) })
}

describe('failures reach the developer without an onError', () => {
  it('a backend failure is one console line naming the fix, not repeated on every request', async () => {
    const lines: unknown[][] = []
    vi.spyOn(console, 'error').mockImplementation((...args) => {
      lines.push(args)
    })
    const handler = createVerificationHandler({ identify: () => ({ id: 'u1' }), store: brokenStore() })
    for (let i = 0; i < 5; i++) {
      const response = await handler(sessionRequest())
      expect(response.status).toBe(500)
      expect((await response.json()).error.code).toBe('internal_error')
    }
    expect(lines).toEqual([
      [
        '[verify-widget] Error: createSqliteStore needs the optional package "better-sqlite3": install it with `npm install better-sqlite3`. (cause: Cannot find package \'better-sqlite3\')',
      ],
    ])
    await handler.close()
  })

  it('the integrator’s onError replaces the console report', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const seen: unknown[] = []
    const handler = createVerificationHandler({ identify: () => ({ id: 'u1' }), store: brokenStore(), onError: (e) => seen.push(e) })
    await handler(sessionRequest())
    // The request's failure (and the outbox's, which uses the same store) go to the integrator alone.
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((e) => String(e).includes('npm install better-sqlite3'))).toBe(true)
    expect(spy).not.toHaveBeenCalled()
    await handler.close()
  })

  it('a webhook a body parser read first is reported at once, with where to mount the handler', async () => {
    const lines: string[] = []
    vi.spyOn(console, 'error').mockImplementation((line) => {
      lines.push(String(line))
    })
    const handler = createVerificationHandler({
      facesign: { apiKey: 'sk_test_parsed', webhookSecret: 'whsec_parsed', baseUrl: 'https://api.facesign.test/v1' },
      identify: () => null,
      store: createMemoryStore(),
    })
    const request = new Request('http://app.test/api/verify/webhooks/facesign', { method: 'POST', body: '{"id":"evt"}' })
    const response = await handler(request, { bodyParsedBefore: true })
    expect((await response.json()).error.code).toBe('body_already_parsed')
    expect(lines).toEqual([expect.stringContaining('mount the verify-widget handler before it')])
    await handler.close()
  })
})

describe('createConsoleReporter', () => {
  it('prints each failure once a minute at most, then says how many it held back', () => {
    vi.useFakeTimers({ now: 0 })
    const lines: string[] = []
    const report = createConsoleReporter((line) => lines.push(line))
    for (let i = 0; i < 4; i++) report(new Error('database is down'))
    report(new Error('something else'))
    vi.setSystemTime(61_000)
    report(new Error('database is down'))
    expect(lines).toEqual([
      '[verify-widget] Error: database is down',
      '[verify-widget] Error: something else',
      '[verify-widget] Error: database is down (3 more like it in the last minute)',
    ])
  })

  it('never prints a key, a client secret, a flow URL’s secret, a bearer token or a database password', () => {
    const lines: string[] = []
    const report = createConsoleReporter((line) => lines.push(line))
    report(new Error('refused sk_live_abc123DEF and sk_test_xyz_789 with whsec_Zm9vYmFy'))
    report(new ProviderError('api_error', 'flow at https://verify.facesign.ai/?client_secret=vs_1_secret_abc&x=1 was refused', 200))
    report(new HttpError(401, 'authentication_error', 'x', 'Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig failed'))
    report(new Error('connect to postgres://app:hunter2@db:5432/verify failed'))
    report(new Error('secret vs_abc123_secret_def456 leaked'))
    const text = lines.join('\n')
    for (const secret of ['abc123DEF', 'xyz_789', 'Zm9vYmFy', 'vs_1_secret_abc', 'eyJhbGciOi', 'hunter2', 'def456'])
      expect(text).not.toContain(secret)
    expect(text).toContain('client_secret=…')
    expect(text).toContain('postgres://app:…@db:5432')
  })

  it('describes each kind of failure in one line', () => {
    expect(describeFailure(new HttpError(404, 'not_found_error', 'resource_missing', 'No such session.'))).toBe(
      '404 resource_missing: No such session.',
    )
    expect(describeFailure(new ProviderError('rate_limit_error', 'Slow down.', 429))).toBe(
      'rate_limit_error (provider answered 429): Slow down.',
    )
    expect(describeFailure('plain text')).toBe('plain text')
    expect(maskSecrets('a\nb')).toBe('a\nb')
  })
})
