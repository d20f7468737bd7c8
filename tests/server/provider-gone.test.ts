import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { StatusChange } from '../../src/server'
import { createMemoryStore, createVerificationHandler } from '../../src/server'

const SECRET = 'sk_test_forgetful_webhook'

/** A FaceSign that creates sessions and then forgets them (as after a sandbox restart): every read is a 404. */
function forgetfulFaceSign() {
  let n = 0
  const changes: StatusChange[] = []
  const errors: unknown[] = []
  const notFound = () => Response.json({ error: { type: 'not_found_error', message: 'No such session.' } }, { status: 404 })
  const backend = createVerificationHandler({
    facesign: {
      apiKey: 'sk_test_forgetful',
      baseUrl: 'https://api.facesign.test/v1',
      flowUrl: 'https://verify.facesign.ai/',
      webhookSecret: SECRET,
      fetch: async (_url, init) => {
        if (init?.method !== 'POST') return notFound()
        n++
        return Response.json({ id: `vs_gone_${n}`, clientSecret: `vs_gone_${n}_secret_x`, status: 'requiresInput' }, { status: 201 })
      },
    },
    identify: () => ({ id: 'u1' }),
    store: createMemoryStore(),
    // Webhooks are configured, so reads are only a fallback: make it due at once for this test.
    statusFallbackAfterMs: 0,
    onStatusChange: (change) => void changes.push(change),
    onError: (error) => errors.push(error),
  })
  const call = async (method: string, path: string, body?: string) => {
    const r = await backend(
      new Request(`http://app.test/api/verify${path}`, {
        method,
        ...(body ? { body, headers: { 'Content-Type': 'application/json' } } : {}),
      }),
    )
    return { status: r.status, body: await r.json() }
  }
  const webhook = async (body: string) => {
    const signature = createHmac('sha256', SECRET).update(body).digest('hex')
    const r = await backend(
      new Request('http://app.test/api/verify/webhooks/facesign', { method: 'POST', body, headers: { 'FaceSign-Signature': signature } }),
    )
    return { status: r.status, body: await r.json() }
  }
  return { backend, changes, errors, call, webhook, create: () => call('POST', '/sessions', '{"provider":"facesign"}') }
}

describe('a session the provider no longer knows (issue 11)', () => {
  it('becomes expired on a status read, and the next start creates a new one', async () => {
    const f = forgetfulFaceSign()
    const first = await f.create()
    expect(first.status).toBe(201)
    const read = await f.call('GET', `/sessions/${first.body.sessionId}`)
    expect(read).toMatchObject({ status: 200, body: { status: 'expired' } })
    const second = await f.create()
    expect(second.status).toBe(201)
    expect(second.body.sessionId).not.toBe(first.body.sessionId)
    await expect
      .poll(() => f.changes.map((c) => `${c.session.sessionId}:${c.previousStatus}>${c.status}`))
      .toEqual([`${first.body.sessionId}:requires_input>expired`])
    // A 404 for our own session is an answer, not an operator's problem.
    expect(f.errors).toEqual([])
    await f.backend.close()
  })

  it('becomes expired when its secret cannot be refreshed, with an answer the page can start again from', async () => {
    const f = forgetfulFaceSign()
    const first = await f.create()
    const refreshed = await f.call('POST', `/sessions/${first.body.sessionId}/refresh`)
    expect(refreshed).toMatchObject({ status: 400, body: { error: { code: 'session_finished' } } })
    expect((await f.backend.latestSession('u1'))?.status).toBe('expired')
    const second = await f.create()
    expect(second.status).toBe(201)
    expect(second.body.sessionId).not.toBe(first.body.sessionId)
    await f.backend.close()
  })

  it('becomes expired when a session.status webhook makes us read it', async () => {
    const f = forgetfulFaceSign()
    const first = await f.create()
    const answer = await f.webhook(JSON.stringify({ id: 'evt_gone', type: 'session.status', sessionId: 'vs_gone_1' }))
    expect(answer).toEqual({ status: 200, body: { received: true } })
    expect((await f.backend.latestSession('u1'))?.status).toBe('expired')
    expect(first.body.sessionId).toBe((await f.backend.latestSession('u1'))?.sessionId)
    await f.backend.close()
  })
})
