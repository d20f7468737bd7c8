// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createVerifyClient, type VerifyClient } from '../../../src/core'
import { createVerificationStore } from '../../../src/core/store'
import { type Stack, startStack } from '../../server/harness'

// The real backend handler and the real sandbox; the widget's fetch calls the handler in-process.
let stack: Stack

beforeAll(async () => {
  stack = await startStack({ handler: { statusCacheMs: 0 } })
})
afterAll(async () => {
  await stack?.close()
})

function clientFor(user: string): VerifyClient {
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('x-test-user', user)
    // The handler runs in this process: no socket, and no browser AbortSignal to hand over.
    return stack.handler(new Request(new URL(String(input), stack.appUrl), { ...init, headers, signal: null }))
  }
  return createVerifyClient({ fetch: fetch as typeof globalThis.fetch })
}

describe('widget core against the real backend and sandbox', () => {
  // The outcome arrives with the poll after the webhook (1 s, then backing off): the wait is for that
  // event, and the test's own timeout is only a ceiling for a machine that runs slowly.
  it('creates a FaceSign session, follows it by polling, and settles once on verified', { timeout: 60_000 }, async () => {
    const terminal = vi.fn()
    const store = createVerificationStore({ client: clientFor('int-alice'), provider: 'facesign', EventSource: null })
    const settled = new Promise<void>((resolve) =>
      store.on((e) => {
        if (e.type !== 'terminal') return
        terminal(e.result.status)
        resolve()
      }),
    )
    const deactivate = store.activate()
    await store.start()
    const { session } = store.getSnapshot()
    expect(store.getSnapshot().phase).toBe('active')
    expect(session).toMatchObject({ provider: 'facesign', livemode: false })
    expect(session?.clientSecret).toBeTruthy()
    expect(JSON.stringify(session)).not.toContain('sk_test_')

    // The flow URL carries the provider's client secret, which starts with the provider session id.
    const providerId = stack.sandbox.sessions().find((s) => session?.url.includes(s.id))?.id
    expect(providerId).toBeTruthy()
    await stack.sandbox.complete(providerId!, 'pass')
    await settled
    expect(store.getSnapshot().status).toBe('verified')
    expect(terminal.mock.calls).toEqual([['verified']])
    deactivate()
  })

  it('cancels through the backend', async () => {
    const store = createVerificationStore({ client: clientFor('int-bob'), provider: 'facesign', EventSource: null })
    const deactivate = store.activate()
    await store.start()
    await store.cancel()
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', status: 'canceled' })
    deactivate()
  })

  it("refuses another user's session with the backend's own not-found code and type", async () => {
    const mine = await clientFor('int-carol').createSession({ provider: 'facesign' })
    await expect(clientFor('int-mallory').getSession(mine.sessionId)).rejects.toMatchObject({
      code: 'resource_missing',
      type: 'not_found_error',
      status: 404,
      retryable: false,
    })
  })

  it("passes a bad request's code, type and message on as the backend sent them", async () => {
    await expect(clientFor('int-dave').createSession({ provider: 'facesign', country: 'nope' })).rejects.toMatchObject({
      code: 'invalid_country',
      type: 'invalid_request_error',
      message: expect.stringContaining('ISO 3166-1'),
      status: 400,
    })
  })

  it('refuses a FaceVerify link outside the allowed hosts before anything navigates', async () => {
    const store = createVerificationStore({ client: clientFor('int-erin'), provider: 'faceverify', mode: 'redirect', EventSource: null })
    await store.start()
    expect(store.getSnapshot()).toMatchObject({ phase: 'error', error: expect.objectContaining({ code: 'untrusted_url' }) })
  })
})
