import { describe, expect, it } from 'vitest'
import { createVerifyClient } from '../../../src/core'
import { apiError, failure, fakeFetch, json, session, snapshot } from '../support/backend'

describe('createVerifyClient', () => {
  it('creates a session with a JSON POST and validates the answer', async () => {
    const created = session()
    const edge = fakeFetch({ 'POST /sessions': () => json(created, 201) })
    const client = createVerifyClient({ endpoint: '/api/verify/', fetch: edge.fetch })
    await expect(client.createSession({ provider: 'facesign', country: 'US' })).resolves.toEqual(created)
    expect(edge.calls).toEqual([{ method: 'POST', path: '/sessions', body: { provider: 'facesign', country: 'US' } }])
  })

  it('reads, refreshes and cancels a session on its own routes', async () => {
    const s = session()
    const edge = fakeFetch({
      'GET /sessions/:id': () => json(snapshot(s, 'in_progress')),
      'POST /sessions/:id/refresh': () => json({ sessionId: s.sessionId, clientSecret: 'new_secret', url: s.url }),
      'POST /sessions/:id/cancel': () => json(snapshot(s, 'canceled')),
    })
    const client = createVerifyClient({ fetch: edge.fetch })
    expect((await client.getSession(s.sessionId)).status).toBe('in_progress')
    expect((await client.refreshSecret(s.sessionId)).clientSecret).toBe('new_secret')
    expect((await client.cancelSession(s.sessionId)).status).toBe('canceled')
    expect(client.eventsUrl('a/b')).toBe('/api/verify/sessions/a%2Fb/events')
  })

  it('turns malformed JSON into invalid_response', async () => {
    const edge = fakeFetch({ 'POST /sessions': () => new Response('{"sessionId": ', { status: 201 }) })
    const error = await failure(createVerifyClient({ fetch: edge.fetch }).createSession({ provider: 'facesign' }))
    expect(error.code).toBe('invalid_response')
  })

  it('turns a well-formed but wrong body into invalid_response naming the field', async () => {
    const edge = fakeFetch({ 'POST /sessions': () => json({ ...session(), status: 'done-ish' }) })
    const error = await failure(createVerifyClient({ fetch: edge.fetch }).createSession({ provider: 'facesign' }))
    expect(error.code).toBe('invalid_response')
    expect(error.message).toContain('"status"')
  })

  it('maps a 500 (even an HTML one) to server_error', async () => {
    const edge = fakeFetch({ 'GET /sessions/:id': () => new Response('<h1>Bad gateway</h1>', { status: 502 }) })
    const error = await failure(createVerifyClient({ fetch: edge.fetch }).getSession('vs_1'))
    expect(error).toMatchObject({ code: 'server_error', status: 502, retryable: true })
  })

  it('maps a 429 to rate_limited and keeps Retry-After', async () => {
    const edge = fakeFetch({ 'POST /sessions': () => apiError(429, 'rate_limit_error', 'Too many requests.', { 'Retry-After': '7' }) })
    const error = await failure(createVerifyClient({ fetch: edge.fetch }).createSession({ provider: 'faceverify' }))
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 7000, message: 'Too many requests.' })
  })

  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [404, 'not_found'],
  ] as const)('maps %i to %s with the backend message', async (status, code) => {
    const edge = fakeFetch({ 'GET /sessions/:id': () => apiError(status, 'invalid_request_error', 'Nope.') })
    const error = await failure(createVerifyClient({ fetch: edge.fetch }).getSession('vs_1'))
    expect(error).toMatchObject({ code, status, message: 'Nope.' })
  })

  it.each([
    [400, 'invalid_request_error', 'provider_not_configured', false],
    [403, 'permission_error', 'origin_not_allowed', false],
    [429, 'rate_limit_error', 'too_many_sessions', true],
    [502, 'api_error', 'provider_unavailable', true],
  ] as const)("passes the backend's %i code and type on as sent (%s, %s)", async (status, type, code, retryable) => {
    const edge = fakeFetch({ 'POST /sessions': () => apiError(status, type, 'From the backend.', {}, code) })
    const error = await failure(createVerifyClient({ fetch: edge.fetch }).createSession({ provider: 'facesign' }))
    expect(error).toMatchObject({ code, type, status, retryable, message: 'From the backend.' })
  })

  it('maps a network failure to network_error', async () => {
    const fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch
    const error = await failure(createVerifyClient({ fetch }).getSession('vs_1'))
    expect(error.code).toBe('network_error')
  })
})
