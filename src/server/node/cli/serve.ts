import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createHandler, type VerificationHandler } from '../../handler'
import type { ProviderOptions } from '../../providers/registry'
import { describeFailure } from '../../report'
import { createStandardWebhookSender } from '../../standard-webhooks'
import { createPostgresStore } from '../../stores/postgres'
import { createTokenIdentity } from '../../token-identity'
import type { SessionStore } from '../../types'
import { guardServer } from '../guard'
import { toNodeListener } from '../listener'
import { createSqliteStore } from '../sqlite'
import type { ServeConfig, StoreConfig } from './config'

export interface RunningService {
  url: string
  close(): Promise<void>
}

interface Sandboxed {
  options: ProviderOptions
  url: string
  allowedHost: string
  close(): Promise<void>
}

/** The store a configuration names (shared by serve and dead-letters). */
export function openStore(config: StoreConfig): SessionStore {
  return config.kind === 'postgres'
    ? createPostgresStore({ connectionString: config.url, ...(config.schema ? { schema: config.schema } : {}) })
    : createSqliteStore({ path: config.path })
}

export function describeStore(config: StoreConfig): string {
  if (config.kind === 'sqlite') return `SQLite in ${config.path}`
  const url = new URL(config.url)
  return `PostgreSQL ${url.host}${url.pathname}, schema ${config.schema ?? 'verify_widget'}`
}

/** Made-up sandbox keys, kept in the data dir so a restart still verifies the sandbox's webhooks. */
function sandboxKeys(dataDir: string): { facesign: string; webhook: string; faceverify: string; faceverifySecret: string } {
  const file = join(dataDir, 'sandbox-keys.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  const make = (label: string) => `sk_test_${label}_${randomBytes(18).toString('hex')}`
  const keys = {
    facesign: make('facesign'),
    webhook: make('webhook'),
    faceverify: make('faceverify'),
    faceverifySecret: make('faceverify_secret'),
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 })
  return keys
}

async function startSandboxFor(config: ServeConfig, serviceUrl: string): Promise<Sandboxed> {
  // Loaded only here: a production service never loads the sandbox's code.
  const { startSandbox } = await import('../../../sandbox')
  const keys = sandboxKeys(config.dataDir)
  const webhooks = `${serviceUrl}${config.basePath}/webhooks`
  const pages = [...(config.publicOrigins ?? []), ...config.corsOrigins]
  const sandbox = await startSandbox({
    port: config.sandbox!.port,
    facesign: { apiKeys: [keys.facesign], webhookUrl: `${webhooks}/facesign`, webhookSecret: keys.webhook },
    faceverify: { apiKey: keys.faceverify, secretKey: keys.faceverifySecret, webhookUrl: `${webhooks}/faceverify` },
    // The pages that frame the flow: the configured ones, else any loopback page (the sandbox's default).
    ...(pages.length ? { frameAncestors: pages } : {}),
    stateFile: join(config.dataDir, 'sandbox-sessions.json'),
  })
  const allowedHost = `127.0.0.1:${sandbox.port}`
  return {
    url: sandbox.url,
    allowedHost,
    close: () => sandbox.close(),
    options: {
      facesign: { apiKey: keys.facesign, baseUrl: sandbox.facesignApiUrl, flowUrl: sandbox.facesignFlowUrl, webhookSecret: keys.webhook },
      faceverify: {
        apiKey: keys.faceverify,
        secretKey: keys.faceverifySecret,
        baseUrl: sandbox.faceverifyApiUrl,
        allowedHosts: [allowedHost],
      },
    },
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

/** How a listening address reads in a URL (IPv6 in brackets; "any address" as the loopback one). */
function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0') return '127.0.0.1'
  if (address.address === '::') return '[::1]'
  return address.family === 'IPv6' ? `[${address.address}]` : address.address
}

/**
 * Starts the service: the store, the sandbox when asked, the handler with token identity and
 * Standard Webhooks outcomes, and a guarded node:http server. The store is checked before the
 * first request, so a wrong DATABASE_URL stops the start with its reason. `log` prints each line.
 */
export async function startService(config: ServeConfig, log: (line: string) => void = console.log): Promise<RunningService> {
  const store = openStore(config.store)
  // A store that cannot be reached stops the start, with its reason (passwords masked).
  try {
    await store.outboxStats()
  } catch (error) {
    await store.close().catch(() => {})
    const setting = config.store.kind === 'postgres' ? 'DATABASE_URL' : 'VERIFY_SQLITE_FILE'
    throw new Error(`The store (${setting}: ${describeStore(config.store)}) cannot be opened: ${describeFailure(error)}`)
  }
  const server = guardServer(createServer(), {
    // Behind the app's proxy every connection comes from the proxy's address.
    ...(config.trustProxy ? { maxConnectionsPerAddress: 100_000 } : {}),
  })
  let address: AddressInfo
  try {
    address = await listen(server, config.port, config.host)
  } catch (error) {
    await store.close()
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'EADDRINUSE' ? 'is in use' : code === 'EACCES' ? 'needs privileges' : `failed (${code ?? describeFailure(error)})`
    throw new Error(`Listening on ${config.host}:${config.port} ${why}: set PORT (--port) or HOST (--host).`)
  }
  const url = `http://${urlHost(address)}:${address.port}`
  let sandbox: Sandboxed | undefined
  let handler: VerificationHandler
  try {
    sandbox = config.sandbox ? await startSandboxFor(config, url) : undefined
    const identity = createTokenIdentity({
      secrets: config.token.secrets,
      audience: config.token.audience,
      ...(config.token.issuer ? { issuer: config.token.issuer } : {}),
      maxAgeSeconds: config.token.maxAgeSeconds,
    })
    const { webhook } = config
    handler = createHandler({
      ...(sandbox ? sandbox.options : { facesign: config.facesign, faceverify: config.faceverify }),
      identify: identity.identify,
      store,
      basePath: config.basePath,
      ...(config.publicOrigins ? { publicOrigin: config.publicOrigins } : {}),
      ...(config.corsOrigins.length ? { cors: { origins: config.corsOrigins } } : {}),
      trustProxy: config.trustProxy,
      ...(webhook
        ? {
            onStatusChange: createStandardWebhookSender({ url: webhook.url, secrets: webhook.secrets, timeoutMs: webhook.timeoutMs }),
            // The outbox's own bound sits above the sender's, which answers first with its reason.
            outbox: { maxAttempts: webhook.attempts, timeoutMs: webhook.timeoutMs + 1000 },
          }
        : {}),
      handoff: false,
    })
  } catch (error) {
    server.close()
    await sandbox?.close()
    await store.close()
    throw error
  }

  const api = toNodeListener(handler, { trustProxy: config.trustProxy })
  server.on('request', (req, res) => {
    if (req.url === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      void handler.health().then((health) => {
        res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        res.end(JSON.stringify({ ok: health.ok }))
      })
      return
    }
    api(req, res)
  })
  // Deliveries left by a previous run (a crash mid-delivery) start now, not at the first request:
  // any call of the handler starts its outbox.
  void handler.latestSession('').catch(() => {})

  const providers = sandbox
    ? `sandbox at ${sandbox.url} (made-up sk_test_ keys; pages need allowed-hosts="${sandbox.allowedHost}")`
    : [config.facesign && 'facesign', config.faceverify && 'faceverify'].filter(Boolean).join(', ')
  log(`verify-widget serve: listening on ${url}${config.basePath}`)
  log(`  store       ${describeStore(config.store)}`)
  log(`  providers   ${providers}`)
  if (!sandbox) log(`  webhooks in ${url}${config.basePath}/webhooks/<provider>: register its public URL with each provider`)
  log(
    `  identity    Authorization: Bearer <HS256 JWT>, aud "${config.token.audience}"${config.token.issuer ? `, iss "${config.token.issuer}"` : ''}, at most ${config.token.maxAgeSeconds} s`,
  )
  log(
    `  outcomes    ${config.webhook ? `Standard Webhooks to ${new URL(config.webhook.url).origin}${new URL(config.webhook.url).pathname}, ${config.webhook.secrets.length} secret(s), ${config.webhook.attempts} attempts` : 'not sent anywhere (no VERIFY_WEBHOOK_URL)'}`,
  )
  log(
    `  browsers    ${config.corsOrigins.length ? `CORS for ${config.corsOrigins.join(', ')}` : 'same origin only (your reverse proxy), no CORS'}`,
  )
  if (config.facesign && !config.facesign.webhookSecret)
    log('  warning     FACESIGN_WEBHOOK_SECRET is not set: FaceSign webhooks are refused and statuses come from slower provider reads.')
  log(`  health      ${url}/health`)

  let closing: Promise<void> | undefined
  return {
    url,
    close() {
      closing ??= (async () => {
        // Open status streams end; browsers reconnect (to another instance, or to this one restarted).
        server.close()
        server.closeAllConnections()
        // Deliveries in flight finish (each within its timeout); what is left waits in the store.
        await handler.close()
        await sandbox?.close()
        await store.close()
      })()
      return closing
    },
  }
}
