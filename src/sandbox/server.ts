import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { guardListener, guardServer } from '../server/node/guard'
import { createFaceSignApi } from './facesign-api'
import { createFaceVerifyApi } from './faceverify-api'
import { Faults } from './faults'
import { createFlowRoutes } from './flow-routes'
import { sendError } from './http'
import { SandboxState, token } from './state'
import type { Sandbox, SandboxOptions } from './types'
import { createWebhookSender } from './webhook-sender'

const madeUpKey = (label: string) => `sk_test_sandbox_${label}_${token(12)}`

/**
 * The keys handlerOptions() hands out: the ones given, else made-up `sk_test_` keys. A copy, so
 * that wiring an app (return URL, framing origins) never writes into the caller's object.
 */
function withCredentials(options: SandboxOptions): SandboxOptions {
  return {
    ...options,
    facesign: { ...options.facesign, webhookSecret: options.facesign?.webhookSecret ?? madeUpKey('webhook') },
    faceverify: {
      ...options.faceverify,
      apiKey: options.faceverify?.apiKey ?? madeUpKey('faceverify'),
      secretKey: options.faceverify?.secretKey ?? madeUpKey('faceverify_secret'),
    },
    frameAncestors: options.frameAncestors ? [...options.frameAncestors] : undefined,
  }
}

/** Normalises a path to a counter key: ids become `:id`. */
const countKey = (method: string, path: string) => `${method} ${path.replace(/\/sessions\/[^/]+/, '/sessions/:id')}`

/**
 * Starts a local emulator of FaceSign and FaceVerify on loopback: their APIs, hosted flow pages and
 * signed webhooks with retries, plus controls for tests (faults, outcomes without a browser, logs).
 */
export async function startSandbox(given: SandboxOptions = {}): Promise<Sandbox> {
  const options = withCredentials(given)
  const webhooks = createWebhookSender(options.webhookRetry)
  const state = new SandboxState(options, webhooks, { facesign: options.facesign?.webhookUrl, faceverify: options.faceverify?.webhookUrl })
  const faults = new Faults()
  const facesign = createFaceSignApi(state, faults)
  const faceverify = createFaceVerifyApi(state, faults)
  const flows = createFlowRoutes(state)
  const counts = new Map<string, number>()
  const sockets = new Set<Socket>()

  // The shared guard answers a malformed target, method or Host (400/405 JSON) and turns a throw into a 500.
  const server = guardServer(
    createServer(
      guardListener((req, res, target) => {
        const url = new URL(`http://sandbox.local${target.path}${target.search}`)
        if (url.pathname.startsWith('/facesign/v1/') || url.pathname.startsWith('/faceverify/api/')) {
          const key = countKey(req.method ?? 'GET', url.pathname)
          counts.set(key, (counts.get(key) ?? 0) + 1)
        }
        if (facesign.handle(req, res, url.pathname) || faceverify.handle(req, res, url) || flows.handle(req, res, url)) return
        req.resume()
        // Browsers ask every origin for an icon; an empty answer keeps their consoles free of 404s.
        if (url.pathname === '/favicon.ico') res.writeHead(204, { 'Cache-Control': 'max-age=86400' }).end()
        else sendError(res, 404, 'invalid_request_error', 'Not found.')
      }),
    ),
  )
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  state.baseUrl = url

  const findOrThrow = (id: string) => {
    const session = state.find(id)
    if (!session) throw new Error(`The sandbox has no session ${id}.`)
    return session
  }

  const links = { facesignApiUrl: `${url}/facesign/v1`, facesignFlowUrl: `${url}/facesign/flow`, faceverifyApiUrl: `${url}/faceverify` }
  const allowedHosts = [`${options.host ?? '127.0.0.1'}:${port}`]
  // Any `sk_test_` key is accepted unless keys were listed; the first listed one is the one to use.
  const facesignKey = options.facesign?.apiKeys?.[0] ?? madeUpKey('facesign')

  return {
    url,
    port,
    ...links,
    allowedHosts,
    handlerOptions({ appUrl, basePath = '/api/verify', returnUrl }) {
      const app = new URL(appUrl)
      const webhookBase = `${app.origin}${basePath.replace(/\/+$/, '')}/webhooks`
      state.webhookUrls.facesign = `${webhookBase}/facesign`
      state.webhookUrls.faceverify = `${webhookBase}/faceverify`
      if (options.faceverify) options.faceverify.returnUrl = returnUrl ?? `${app.origin}/`
      // The default already lets any http loopback origin frame the flow; a listed set gets the app added.
      if (options.frameAncestors && !options.frameAncestors.includes(app.origin)) {
        options.frameAncestors = [...options.frameAncestors, app.origin]
      }
      return {
        facesign: {
          apiKey: facesignKey,
          webhookSecret: options.facesign?.webhookSecret ?? '',
          baseUrl: links.facesignApiUrl,
          flowUrl: links.facesignFlowUrl,
        },
        faceverify: {
          apiKey: options.faceverify?.apiKey ?? '',
          secretKey: options.faceverify?.secretKey ?? '',
          baseUrl: links.faceverifyApiUrl,
          allowedHosts,
        },
      }
    },
    failNext: (provider, fault, times = 1) => faults.add(provider, fault, times),
    async complete(id, outcome) {
      state.complete(findOrThrow(id), outcome)
    },
    async start(id) {
      state.start(findOrThrow(id))
    },
    async expire(id) {
      state.expire(findOrThrow(id))
    },
    expireClientSecret(id) {
      findOrThrow(id).secretExpiresAt = 0
    },
    sessions: () => [...state.sessions.values()].map((s) => state.view(s)),
    deliveries: () => webhooks.deliveries(),
    redeliver: (eventId) => webhooks.redeliver(eventId),
    webhooksSettled: () => webhooks.settled(),
    setWebhookUrl(provider, webhookUrl) {
      state.webhookUrls[provider] = webhookUrl
    },
    counts: () => Object.fromEntries(counts),
    async close() {
      webhooks.close()
      faults.releaseAll()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
    },
  }
}
