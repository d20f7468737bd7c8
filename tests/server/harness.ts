import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Sandbox, SandboxOptions } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import type { SessionStore, VerificationHandler, VerificationHandlerOptions } from '../../src/server'
import { createMemoryStore, createVerificationHandler } from '../../src/server'
import { guardServer, toNodeListener } from '../../src/server/node'
import { createConsoleReporter } from '../../src/server/report'
import { recordReported } from '../support/log-record'

export const FACESIGN_KEY = 'sk_test_harness_facesign_key'
export const FACEVERIFY_KEY = 'sk_test_harness_faceverify_client'
export const FACEVERIFY_SECRET = 'sk_test_harness_faceverify_secret'
export const WEBHOOK_SECRET = 'sk_test_harness_webhook_secret'

export interface Stack {
  appUrl: string
  sandbox: Sandbox
  handler: VerificationHandler
  store: SessionStore
  api(path: string, init?: RequestInit & { user?: string | null }): Promise<Response>
  create(user: string, body?: unknown): Promise<Response>
  close(): Promise<void>
}

export interface StackOptions {
  handler?: Partial<VerificationHandlerOptions>
  sandbox?: SandboxOptions
  store?: SessionStore
}

/** Without a test's own onError, failures go to the console as they would in an app. */
const consoleReport = createConsoleReporter()

/** Backend (node:http on an ephemeral port) wired to a fresh sandbox, both on loopback. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // Every test client is 127.0.0.1: the per-address connection cap is for the tests of it.
  const server = guardServer(createServer(), { maxConnectionsPerAddress: 10_000 })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const sandbox = await startSandbox({
    webhookRetry: { initialMs: 20, maxMs: 200, maxAttempts: 8 },
    ...options.sandbox,
    facesign: {
      apiKeys: [FACESIGN_KEY],
      webhookUrl: `${appUrl}/api/verify/webhooks/facesign`,
      webhookSecret: WEBHOOK_SECRET,
      ...options.sandbox?.facesign,
    },
    faceverify: {
      apiKey: FACEVERIFY_KEY,
      secretKey: FACEVERIFY_SECRET,
      webhookUrl: `${appUrl}/api/verify/webhooks/faceverify`,
      returnUrl: `${appUrl}/`,
      ...options.sandbox?.faceverify,
    },
  })
  const store = options.store ?? createMemoryStore()
  const handler = createVerificationHandler({
    facesign: {
      apiKey: FACESIGN_KEY,
      baseUrl: sandbox.facesignApiUrl,
      flowUrl: sandbox.facesignFlowUrl,
      webhookSecret: WEBHOOK_SECRET,
      timeoutMs: 1000,
      maxRetries: 2,
    },
    faceverify: {
      apiKey: FACEVERIFY_KEY,
      secretKey: FACEVERIFY_SECRET,
      baseUrl: sandbox.faceverifyApiUrl,
      allowedHosts: [`127.0.0.1:${sandbox.port}`],
    },
    identify: (request) => {
      const id = request.headers.get('x-test-user')
      return id ? { id } : null
    },
    store,
    ...options.handler,
    onError: (error) => {
      recordReported(error)
      ;(options.handler?.onError ?? consoleReport)(error)
    },
    // Every test user comes from 127.0.0.1: the per-address limits are for the tests that set an address.
    limits: { createPerAddress: 1000, refreshPerAddress: 1000, streamsPerAddress: 1000, ...options.handler?.limits },
  })
  server.on('request', toNodeListener(handler))

  const api: Stack['api'] = (path, init = {}) => {
    const { user = 'alice', ...rest } = init
    const headers = new Headers(rest.headers)
    if (user) headers.set('x-test-user', user)
    return fetch(`${appUrl}/api/verify${path}`, { ...rest, headers })
  }
  return {
    appUrl,
    sandbox,
    handler,
    store,
    api,
    create: (user, body = { provider: 'facesign' }) =>
      api('/sessions', { method: 'POST', user, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    async close() {
      await sandbox.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await handler.close()
      await store.close()
    },
  }
}

/** Polls until `check` passes (webhooks arrive asynchronously); fails with the last error. */
export async function eventually<T>(check: () => Promise<T> | T, tries = 500): Promise<T> {
  let last: unknown
  for (let i = 0; i < tries; i++) {
    try {
      return await check()
    } catch (error) {
      last = error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  throw last
}

/**
 * A backend whose FaceSign API is a stub: every call answers `answer()` with a 201, for the
 * answers the real sandbox never sends. `errors` collects what the handler reports to `onError`.
 */
export function stubbedFaceSignBackend(answer: () => unknown, handler: Partial<VerificationHandlerOptions> = {}) {
  const errors: unknown[] = []
  const backend = createVerificationHandler({
    facesign: {
      apiKey: 'sk_test_stub',
      baseUrl: 'https://api.facesign.test/v1',
      fetch: async () => Response.json(answer(), { status: 201 }),
    },
    identify: () => ({ id: 'u1' }),
    store: createMemoryStore(),
    onError: (error) => errors.push(error),
    ...handler,
  })
  const create = () =>
    backend(
      new Request('http://app.test/api/verify/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"provider":"facesign"}',
      }),
    )
  return { backend, errors, create }
}
