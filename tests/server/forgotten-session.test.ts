import { describe, expect, it } from 'vitest'
import { createMemoryStore, createVerificationHandler } from '../../src/server'

/**
 * A FaceSign API that creates sessions and then forgets them, as after a sandbox restart or once
 * a session expired at the provider: every read and refresh answers 404.
 */
function forgetfulBackend() {
  let created = 0
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input)
    if (init?.method === 'POST') {
      created++
      const id = `vs_${created}`
      return Response.json({ id, clientSecret: `${id}_secret_x`, status: 'requiresInput', livemode: false }, { status: 201 })
    }
    return Response.json({ error: { type: 'not_found_error', message: `No such session: ${url}` } }, { status: 404 })
  }
  const handler = createVerificationHandler({
    facesign: { apiKey: 'sk_test_forgetful', baseUrl: 'https://api.facesign.test/v1', fetch },
    identify: () => ({ id: 'u1' }),
    store: createMemoryStore(),
  })
  const call = (path: string, method = 'GET', body?: string) =>
    handler(
      new Request(`http://app.test/api/verify${path}`, {
        method,
        ...(body ? { body, headers: { 'Content-Type': 'application/json' } } : {}),
      }),
    )
  const create = () => call('/sessions', 'POST', '{"provider":"facesign"}')
  return { handler, call, create, created: () => created }
}

describe('a session the provider no longer knows', () => {
  it('becomes expired on a 404 read, and the next create makes a new one (no retry loop)', async () => {
    const { handler, call, create, created } = forgetfulBackend()
    const first = await create()
    expect(first.status).toBe(201)
    const { sessionId } = await first.json()
    const second = await create()
    expect(second.status).toBe(201)
    expect((await second.json()).sessionId).not.toBe(sessionId)
    expect(created()).toBe(2)
    expect((await (await call(`/sessions/${sessionId}`)).json()).status).toBe('expired')
    await handler.close()
  })

  it('becomes expired on a 404 refresh, answered as a finished session to start again', async () => {
    const { handler, call, create } = forgetfulBackend()
    const { sessionId } = await (await create()).json()
    const refreshed = await call(`/sessions/${sessionId}/refresh`, 'POST')
    expect(refreshed.status).toBe(400)
    expect((await refreshed.json()).error.code).toBe('session_finished')
    expect((await (await call(`/sessions/${sessionId}`)).json()).status).toBe('expired')
    expect((await create()).status).toBe(201)
    await handler.close()
  })
})
