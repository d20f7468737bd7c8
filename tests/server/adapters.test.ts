import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import type { VerificationHandler, VerificationHandlerOptions } from '../../src/server'
import { createMemoryStore, createVerificationHandler } from '../../src/server'
import { toNodeListener } from '../../src/server/node'
import { eventually } from './harness'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A sandbox and a handler wired to it through `handlerOptions`, the user taken from a header. */
async function wire(appUrl: string, extra: Partial<VerificationHandlerOptions> = {}) {
  const sandbox = await startSandbox({ webhookRetry: { initialMs: 20, maxMs: 100, maxAttempts: 3 } })
  closers.push(() => sandbox.close())
  const errors: unknown[] = []
  const handler = createVerificationHandler({
    ...sandbox.handlerOptions({ appUrl }),
    identify: (request) => ({ id: request.headers.get('x-user') ?? 'ann' }),
    store: createMemoryStore(),
    onError: (error) => errors.push(error),
    ...extra,
  })
  closers.push(() => handler.close())
  return { sandbox, handler, errors }
}

/** An Express app on an ephemeral port whose handler is only known after the port is. */
async function expressApp(mount: (app: express.Express, handler: () => VerificationHandler) => void) {
  let handler: VerificationHandler | undefined
  const app = express()
  mount(app, () => handler as VerificationHandler)
  const url = await listen(createServer(app))
  const wired = await wire(url)
  handler = wired.handler
  return { url, ...wired }
}

const create = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/verify/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ provider: 'facesign' }),
  })

async function passFaceSign(sandbox: Sandbox, flowUrl: string) {
  const remote = sandbox.sessions().find((s) => s.url === flowUrl)
  if (!remote) throw new Error('the sandbox has no such session')
  await sandbox.start(remote.id)
  await sandbox.complete(remote.id, 'pass')
  await sandbox.webhooksSettled()
}

describe('Express', () => {
  it('mounted under a prefix (app.use("/api/verify", …)) serves every route and takes webhooks', async () => {
    const { url, sandbox } = await expressApp((app, handler) => {
      app.use('/api/verify', (req, res) => toNodeListener(handler())(req, res))
    })
    const created = await create(url)
    expect(created.status).toBe(201)
    const session = await created.json()
    await passFaceSign(sandbox, session.url)
    const status = await (await fetch(`${url}/api/verify/sessions/${session.sessionId}`)).json()
    expect(status.status).toBe('verified')
  })

  it('after express.json(): a JSON route works from the parsed body instead of hanging', async () => {
    const { url } = await expressApp((app, handler) => {
      app.use(express.json())
      app.use('/api/verify', (req, res) => toNodeListener(handler())(req, res))
    })
    const created = await create(url)
    expect(created.status).toBe(201)
    expect((await created.json()).provider).toBe('facesign')
  })

  it('after express.json(): a webhook gets a clear error naming the fix, and onError hears of it', async () => {
    const { url, errors, handler } = await expressApp((app, handler) => {
      app.use(express.json())
      app.use('/api/verify', (req, res) => toNodeListener(handler())(req, res))
    })
    expect(handler).toBeDefined()
    const body = JSON.stringify({ id: 'evt_1', type: 'session.verified', data: { id: 'vs_1', status: 'complete' } })
    const r = await fetch(`${url}/api/verify/webhooks/facesign`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'FaceSign-Signature': createHmac('sha256', 'x').update(body).digest('hex') },
      body,
    })
    const answer = await r.json()
    expect(answer.error.code).toBe('body_already_parsed')
    expect(answer.error.message).toMatch(/express\.json\(\)/)
    expect(errors).toHaveLength(1)
  })

  it('the SSE stream reaches the browser through Express', async () => {
    const { url } = await expressApp((app, handler) => {
      app.use('/api/verify', (req, res) => toNodeListener(handler())(req, res))
    })
    const session = await (await create(url)).json()
    const controller = new AbortController()
    const r = await fetch(`${url}/api/verify/sessions/${session.sessionId}/events`, { signal: controller.signal })
    expect(r.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = (r.body as ReadableStream<Uint8Array>).getReader()
    const { value } = await reader.read()
    controller.abort()
    expect(new TextDecoder().decode(value)).toMatch(/event: status|retry:/)
  })
})

describe('Hono', () => {
  it('app.all("/api/verify/*", (c) => handler(c.req.raw)) serves the routes and takes webhooks', async () => {
    const app = new Hono()
    let handler: VerificationHandler | undefined
    app.all('/api/verify/*', (c) => (handler as VerificationHandler)(c.req.raw))
    const url = await listen(createServer(toNodeListener((request) => Promise.resolve(app.fetch(request)))))
    const wired = await wire(url)
    handler = wired.handler
    const created = await create(url)
    expect(created.status).toBe(201)
    const session = await created.json()
    await passFaceSign(wired.sandbox, session.url)
    await eventually(async () => {
      const status = await (await app.request(`/api/verify/sessions/${session.sessionId}`)).json()
      expect(status.status).toBe('verified')
    })
  })
})

describe('Next.js route handlers', () => {
  it('`export { handler as GET, handler as POST }`: the handler is called as Next calls it, (request, context)', async () => {
    const { handler } = await wire('http://localhost:3000')
    const route = { GET: handler, POST: handler } as Record<
      string,
      (request: Request, context: { params: Promise<unknown> }) => Promise<Response>
    >
    const context = { params: Promise.resolve({ path: ['sessions'] }) }
    const r = await route.POST?.(
      new Request('http://localhost:3000/api/verify/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:3000' },
        body: '{"provider":"faceverify"}',
      }),
      context,
    )
    expect(r?.status).toBe(201)
  })
})

describe('a dev proxy in front of the backend (Vite server.proxy with changeOrigin)', () => {
  /** What Vite's proxy does with changeOrigin: true: Host becomes the backend's, Origin stays the page's. */
  async function throughProxy(extra: Partial<VerificationHandlerOptions>) {
    const backend = createServer()
    const backendUrl = await listen(backend)
    const { handler } = await wire(backendUrl, extra)
    backend.on('request', toNodeListener(handler))
    return create(backendUrl, { Origin: 'http://localhost:5173' })
  }

  it('a POST from the dev page is refused as origin_not_allowed (403) by default', async () => {
    const r = await throughProxy({})
    expect(r.status).toBe(403)
    expect((await r.json()).error.code).toBe('origin_not_allowed')
  })

  it('works once the dev origin is listed in allowedOrigins', async () => {
    const r = await throughProxy({ allowedOrigins: ['http://localhost:5173'] })
    expect(r.status).toBe(201)
  })
})
