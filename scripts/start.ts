/**
 * `npm start`: the provider sandbox (127.0.0.1:SANDBOX_PORT) and the app (localhost:PORT) serving
 * the backend at /api/verify, the hosted page at / and the demo at /demo/. Offline with made-up
 * sk_test_ keys kept in the data dir; with provider keys in the environment, the real APIs and no sandbox.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import type { Sandbox } from '../src/sandbox'
import { startSandbox } from '../src/sandbox'
import type { CookieIdentity, Identity, VerificationHandlerOptions } from '../src/server'
import { createCookieIdentity, createPostgresStore } from '../src/server'
import { guardListener, guardServer, toNodeListener } from '../src/server/node'
import { createVerificationHandler } from '../src/server/node-index'
import { createDemoOutcomes } from './lib/demo-outcomes'

const PORT = Number(process.env.PORT ?? 4000)
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010)
const DATA_DIR = resolve(process.env.VERIFY_DATA_DIR ?? '.data')
const DIST = resolve(process.env.VERIFY_DIST_DIR ?? 'dist-hosted')
const BASE = '/api/verify'
const APP_ORIGINS = [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`]

interface LocalKeys {
  facesignApiKey: string
  faceverifyApiKey: string
  faceverifySecretKey: string
  facesignWebhookSecret: string
  cookieSecret: string
}

/** Made-up test keys, generated once and kept so that webhooks and cookies keep verifying across restarts. */
function localKeys(): LocalKeys {
  const file = join(DATA_DIR, 'local-keys.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeys
  const make = (label: string) => `sk_test_${label}_${randomBytes(18).toString('hex')}`
  const keys: LocalKeys = {
    facesignApiKey: make('facesign'),
    faceverifyApiKey: make('faceverify'),
    faceverifySecretKey: make('faceverify_secret'),
    facesignWebhookSecret: make('webhook'),
    cookieSecret: randomBytes(32).toString('hex'),
  }
  mkdirSync(DATA_DIR, { recursive: true })
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 })
  return keys
}

const env = process.env
// VERIFY_SANDBOX=1 keeps the embedded sandbox even with keys in the environment (the sandbox then
// accepts exactly those keys); VERIFY_SANDBOX_URL uses a sandbox another process runs (e2e tests
// drive it, and it keeps retrying webhooks while this process restarts).
const sandboxForced = env.VERIFY_SANDBOX === '1' || Boolean(env.VERIFY_SANDBOX_URL)
const realMode = !sandboxForced && Boolean(env.FACESIGN_API_KEY || env.FACEVERIFY_API_KEY)
const keys = sandboxForced ? { ...localKeys(), ...keysFromEnv() } : localKeys()

function keysFromEnv(): Partial<LocalKeys> {
  const given = {
    facesignApiKey: env.FACESIGN_API_KEY,
    faceverifyApiKey: env.FACEVERIFY_API_KEY,
    faceverifySecretKey: env.FACEVERIFY_SECRET_KEY,
    facesignWebhookSecret: env.FACESIGN_WEBHOOK_SECRET,
  }
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value)) as Partial<LocalKeys>
}

type SandboxLinks = Pick<Sandbox, 'url' | 'port' | 'facesignApiUrl' | 'facesignFlowUrl' | 'faceverifyApiUrl' | 'close'>

function externalSandbox(base: string): SandboxLinks {
  const { origin, port } = new URL(base)
  const links = {
    facesignApiUrl: `${origin}/facesign/v1`,
    facesignFlowUrl: `${origin}/facesign/flow`,
    faceverifyApiUrl: `${origin}/faceverify`,
  }
  return { url: origin, port: Number(port), ...links, close: async () => {} }
}

async function providers(): Promise<{ sandbox?: SandboxLinks; options: Pick<VerificationHandlerOptions, 'facesign' | 'faceverify'> }> {
  if (realMode) {
    const facesign = env.FACESIGN_API_KEY
      ? {
          apiKey: env.FACESIGN_API_KEY,
          webhookSecret: env.FACESIGN_WEBHOOK_SECRET,
          baseUrl: env.FACESIGN_BASE_URL,
          flowUrl: env.FACESIGN_FLOW_URL,
        }
      : undefined
    const faceverify =
      env.FACEVERIFY_API_KEY && env.FACEVERIFY_SECRET_KEY
        ? { apiKey: env.FACEVERIFY_API_KEY, secretKey: env.FACEVERIFY_SECRET_KEY, baseUrl: env.FACEVERIFY_BASE_URL }
        : undefined
    return { options: { facesign, faceverify } }
  }
  const webhookBase = `http://127.0.0.1:${PORT}${BASE}/webhooks`
  const sandbox: SandboxLinks = env.VERIFY_SANDBOX_URL
    ? externalSandbox(env.VERIFY_SANDBOX_URL)
    : await startSandbox({
        port: SANDBOX_PORT,
        facesign: { apiKeys: [keys.facesignApiKey], webhookUrl: `${webhookBase}/facesign`, webhookSecret: keys.facesignWebhookSecret },
        faceverify: {
          apiKey: keys.faceverifyApiKey,
          secretKey: keys.faceverifySecretKey,
          webhookUrl: `${webhookBase}/faceverify`,
          returnUrl: `http://localhost:${PORT}/`,
        },
        frameAncestors: APP_ORIGINS,
        // Its sessions outlive a restart of `npm start`, as a real provider's do.
        stateFile: join(DATA_DIR, 'sandbox-sessions.json'),
      })
  return {
    sandbox,
    options: {
      facesign: {
        apiKey: keys.facesignApiKey,
        baseUrl: env.FACESIGN_BASE_URL ?? sandbox.facesignApiUrl,
        flowUrl: sandbox.facesignFlowUrl,
        webhookSecret: keys.facesignWebhookSecret,
      },
      faceverify: {
        apiKey: keys.faceverifyApiKey,
        secretKey: keys.faceverifySecretKey,
        baseUrl: env.FACEVERIFY_BASE_URL ?? sandbox.faceverifyApiUrl,
        allowedHosts: [`127.0.0.1:${sandbox.port}`],
      },
    },
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

function securityHeaders(frameOrigin: string, pageNeedsCamera: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${frameOrigin} https://*.facesign.ai`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ')
  // Only the pages that frame the flow delegate the camera, and only to the flow's origin. `self` must
  // be listed too: a frame can only be granted a feature its embedding document has itself.
  const camera = pageNeedsCamera ? `(self "${frameOrigin}" "https://verify.facesign.ai")` : '()'
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': `camera=${camera}, microphone=${camera}, geolocation=(), payment=()`,
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  }
}

function injectMeta(html: string, allowedHosts: string | undefined): string {
  const metas = [`<meta name="verify-widget:endpoint" content="${BASE}">`]
  if (allowedHosts) metas.push(`<meta name="verify-widget:allowed-hosts" content="${allowedHosts}">`)
  return html.replace(/<\/head>/i, `  ${metas.join('\n    ')}\n  </head>`)
}

function appListener(
  api: RequestListener,
  demoApi: RequestListener,
  identity: CookieIdentity,
  frameOrigin: string,
  allowedHosts: string | undefined,
): RequestListener {
  const page = (file: string) => {
    const path = join(DIST, file)
    return existsSync(path) ? injectMeta(readFileSync(path, 'utf8'), allowedHosts) : undefined
  }
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string>) => {
    res.writeHead(status, { 'Content-Type': type, ...securityHeaders(frameOrigin, false), ...headers })
    res.end(body)
  }
  /**
   * Every browser becomes its own user on first contact. The cookie goes only on answers no cache
   * keeps (the API's are all no-store, and so are the pages that carry it): a shared cache must
   * never hand one identity to many people. Webhooks carry no cookie and need none.
   */
  const issueIdentity = async (req: IncomingMessage, res: ServerResponse) => {
    const { setCookie } = await identity.ensure(req.headers.cookie, false)
    if (!setCookie) return
    res.setHeader('Set-Cookie', setCookie)
    req.headers.cookie = [req.headers.cookie, setCookie.split(';')[0]].filter(Boolean).join('; ')
  }
  // The shared guard has checked the target (decodable, no `//`, no dot segments), method and Host.
  return guardListener(
    async (req, res, { path }) => {
      const isApi = path.startsWith(`${BASE}/`)
      if (isApi || path.startsWith('/demo-api/')) {
        if (!path.startsWith(`${BASE}/webhooks/`)) await issueIdentity(req, res)
        for (const [key, value] of Object.entries(securityHeaders(frameOrigin, false))) res.setHeader(key, value)
        ;(isApi ? api : demoApi)(req, res)
        return
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed', { Allow: 'GET, HEAD' })
      if (path === '/demo') return send(res, 308, 'text/plain', '', { Location: '/demo/' })
      if (path === '/' || path === '/index.html' || path === '/demo/') {
        const html = page(path.startsWith('/demo') ? 'src/demo/index.html' : 'index.html')
        if (!html) return send(res, 503, 'text/plain', 'Build the pages first: npm run build:hosted', {})
        await issueIdentity(req, res)
        res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store', ...securityHeaders(frameOrigin, true) })
        res.end(html)
        return
      }
      // No icon in the build: answer without an error so that consoles stay clean.
      if (path === '/favicon.ico' && !existsSync(join(DIST, 'favicon.ico'))) return send(res, 204, 'image/x-icon', '', {})
      const file = normalize(join(DIST, decodeURIComponent(path)))
      if (!file.startsWith(`${DIST}/`) || !existsSync(file) || !extname(file) || file.endsWith('.html')) {
        return send(res, 404, 'text/plain', 'Not found', {})
      }
      // Hashed build assets never change under the same name.
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), { 'Cache-Control': cache })
    },
    { onError: (error) => console.error('[verify-widget]', error) },
  )
}

/**
 * VERIFY_CREATE_LIMIT_PER_ADDRESS / VERIFY_CREATE_LIMIT_GLOBAL (creates, refreshes, streams and link claims per minute): a test rig
 * whose many users all come from loopback raises them. VERIFY_PROVIDER_LIMIT_PER_MINUTE: the
 * provider's limit per key, for a rig whose sandbox was started with its own limit lifted (the
 * bench opens a session a second); the budget stays a share of it.
 */
function limitsFromEnv(): Pick<VerificationHandlerOptions, 'limits' | 'providerBudget' | 'handoff'> {
  const perAddress = Number(env.VERIFY_CREATE_LIMIT_PER_ADDRESS)
  // VERIFY_HANDOFF_TTL_MS: how long a link to a phone opens (a test of an expired link shortens it).
  const handoffTtl = Number(env.VERIFY_HANDOFF_TTL_MS)
  const global = Number(env.VERIFY_CREATE_LIMIT_GLOBAL)
  const provider = Number(env.VERIFY_PROVIDER_LIMIT_PER_MINUTE)
  return {
    limits: {
      ...(perAddress > 0
        ? { createPerAddress: perAddress, refreshPerAddress: perAddress, streamsPerAddress: perAddress, claimPerAddress: perAddress }
        : {}),
      ...(global > 0 ? { createGlobal: global } : {}),
    },
    ...(provider > 0 ? { providerBudget: { limitPerMinute: provider } } : {}),
    ...(handoffTtl > 0 ? { handoff: { ttlMs: handoffTtl } } : {}),
  }
}

function listen(server: Server, port: number, host: string): Promise<boolean> {
  return new Promise((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      // No IPv6 loopback on this machine is fine: 127.0.0.1 still serves localhost.
      if (host === '::1' && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) resolveListen(false)
      else reject(error)
    })
    server.listen(port, host, () => resolveListen(true))
  })
}

async function main(): Promise<void> {
  const { sandbox, options } = await providers()
  const cookieIdentity = createCookieIdentity({ secret: keys.cookieSecret })
  // SQLite in the data dir by default; DATABASE_URL=postgres://… for several instances on one database.
  const databaseUrl = env.DATABASE_URL
  const store = databaseUrl ? createPostgresStore({ connectionString: databaseUrl, schema: env.DATABASE_SCHEMA }) : undefined
  const identify = (request: Request): Promise<Identity | null> => cookieIdentity.identify(request)
  // VERIFY_DEMO_HOOK_HOLD=1: the hook never finishes (the e2e suite kills the process mid-delivery).
  const outcomes = createDemoOutcomes({ identify, holdHook: env.VERIFY_DEMO_HOOK_HOLD === '1' })
  const handler = createVerificationHandler({
    ...options,
    basePath: BASE,
    dataDir: DATA_DIR,
    store,
    identify,
    ...limitsFromEnv(),
    onStatusChange: (change) => outcomes.onStatusChange(change),
    // A crashed delivery comes back once its claim lapses (twice the timeout and a second): short in
    // the demo, so a restart shows it soon.
    outbox: { timeoutMs: Number(env.VERIFY_OUTBOX_TIMEOUT_MS ?? 2000), pollMs: 1000 },
  })
  const demoApi = toNodeListener(
    async (request) =>
      (await outcomes.route(request, handler)) ??
      Response.json(
        { error: { type: 'not_found_error', code: 'route_not_found', message: 'No such route.' } },
        { status: 404, headers: { 'Cache-Control': 'no-store' } },
      ),
  )
  const frameOrigin = sandbox?.url ?? 'https://verify.facesign.ai'
  const allowedHosts = sandbox ? `127.0.0.1:${sandbox.port}` : undefined
  const listener = appListener(toNodeListener(handler), demoApi, cookieIdentity, frameOrigin, allowedHosts)
  // localhost may resolve to either loopback address: serve both, never a public interface.
  // VERIFY_MAX_CONNECTIONS_PER_ADDRESS: test rigs whose many users are all loopback raise it.
  const guard = { maxConnectionsPerAddress: Number(env.VERIFY_MAX_CONNECTIONS_PER_ADDRESS) || undefined }
  const servers = [guardServer(createServer(listener), guard), guardServer(createServer(listener), guard)]
  await listen(servers[0]!, PORT, '127.0.0.1')
  const v6 = await listen(servers[1]!, PORT, '::1')
  if (!v6) servers.pop()

  console.log(`verify-widget is running${realMode ? ' against the real provider APIs' : ' offline with the provider sandbox'}`)
  console.log(`  hosted page  http://localhost:${PORT}/`)
  console.log(`  demo         http://localhost:${PORT}/demo/`)
  console.log(`  backend      http://localhost:${PORT}${BASE}`)
  if (sandbox) console.log(`  sandbox      ${sandbox.url}`)
  console.log(`  store        ${databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host})` : `SQLite in ${DATA_DIR}`}`)
  console.log('Press Ctrl-C to stop.')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping…`)
    for (const server of servers) server.closeAllConnections()
    await Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done()))))
    await sandbox?.close()
    await handler.close()
    await store?.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
