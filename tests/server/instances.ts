import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Sandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import type { SessionStore, VerificationHandler, VerificationHandlerOptions } from '../../src/server'
import { createPostgresStore, createVerificationHandler } from '../../src/server'
import { toNodeListener } from '../../src/server/node'
import { createConsoleReporter } from '../../src/server/report'
import { recordReported } from '../support/log-record'
import { freshSchema, testDatabaseUrl } from '../support/postgres'
import { FACESIGN_KEY, FACEVERIFY_KEY, FACEVERIFY_SECRET, WEBHOOK_SECRET } from './harness'

/** One backend instance: its own handler, store (pool) and HTTP server, on the shared database. */
export interface Instance {
  url: string
  handler: VerificationHandler
  store: SessionStore
  api(path: string, init?: RequestInit & { user?: string }): Promise<Response>
  create(user: string, body?: unknown): Promise<Response>
}

export interface Instances {
  sandbox: Sandbox
  schema: string
  list: Instance[]
  /** Points the sandbox's webhooks (both providers) at instance `index`. */
  webhooksTo(index: number): void
  close(): Promise<void>
}

const consoleReport = createConsoleReporter()

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** How the instances are set up beyond their handler options. */
export interface InstanceSetup {
  /** The stores' clock (leases, limits, budgets), shared by every instance; default Date.now. */
  now?: () => number
  /** Give the handlers the FaceSign webhook secret (webhooks are the status source); default true. */
  facesignWebhookSecret?: boolean
}

/**
 * `count` backend instances as separate processes would run them (separate handlers, pools and
 * servers; nothing shared but the PostgreSQL schema) behind one provider sandbox.
 */
export async function startInstances(
  count: number,
  handlerOptions: Partial<VerificationHandlerOptions> = {},
  setup: InstanceSetup = {},
): Promise<Instances> {
  const schema = freshSchema('instances')
  const servers = Array.from({ length: count }, () => createServer())
  const urls = await Promise.all(servers.map(listen))
  const sandbox = await startSandbox({
    webhookRetry: { initialMs: 20, maxMs: 200, maxAttempts: 8 },
    facesign: { apiKeys: [FACESIGN_KEY], webhookUrl: `${urls[0]}/api/verify/webhooks/facesign`, webhookSecret: WEBHOOK_SECRET },
    faceverify: {
      apiKey: FACEVERIFY_KEY,
      secretKey: FACEVERIFY_SECRET,
      webhookUrl: `${urls[0]}/api/verify/webhooks/faceverify`,
      returnUrl: `${urls[0]}/`,
    },
  })
  const list = servers.map((server, i): Instance => {
    const url = urls[i]!
    const store = createPostgresStore({ connectionString: testDatabaseUrl(), schema, ...(setup.now ? { now: setup.now } : {}) })
    const handler = createVerificationHandler({
      facesign: {
        apiKey: FACESIGN_KEY,
        baseUrl: sandbox.facesignApiUrl,
        flowUrl: sandbox.facesignFlowUrl,
        ...(setup.facesignWebhookSecret === false ? {} : { webhookSecret: WEBHOOK_SECRET }),
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
      ...handlerOptions,
      onError: (error) => {
        recordReported(error)
        ;(handlerOptions.onError ?? consoleReport)(error)
      },
    })
    server.on('request', toNodeListener(handler))
    const api: Instance['api'] = (path, init = {}) => {
      const { user = 'alice', ...rest } = init
      const headers = new Headers(rest.headers)
      headers.set('x-test-user', user)
      return fetch(`${url}/api/verify${path}`, { ...rest, headers })
    }
    return {
      url,
      handler,
      store,
      api,
      create: (user, body = { provider: 'facesign' }) =>
        api('/sessions', { method: 'POST', user, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    }
  })
  return {
    sandbox,
    schema,
    list,
    webhooksTo(index) {
      const base = `${urls[index]}/api/verify/webhooks`
      sandbox.setWebhookUrl('facesign', `${base}/facesign`)
      sandbox.setWebhookUrl('faceverify', `${base}/faceverify`)
    },
    async close() {
      await sandbox.close()
      for (const server of servers) server.closeAllConnections()
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
      await Promise.all(
        list.map(async (instance) => {
          await instance.handler.close()
          await instance.store.close()
        }),
      )
    },
  }
}
