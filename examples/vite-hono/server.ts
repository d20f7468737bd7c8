// The backend: the verification handler (the only place that holds keys), a members-only route
// the server unlocks itself, and the built page. `npm run build && npm start`. The element examples
// run this same server from their own folders: it serves the `dist/` of the folder it starts in.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { startSandbox } from 'verify-widget/sandbox'
import { createCookieIdentity, createMemoryStore, createVerificationHandler } from 'verify-widget/server'
import { guardServer } from 'verify-widget/server/node'

const port = Number(process.env.PORT ?? 3000)
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`
// A demo sign-in: each browser is its own user. Your app's own auth goes here. COOKIE_SECRET
// (32+ bytes, `openssl rand -hex 32`) in production; a local run makes one up.
if (!process.env.COOKIE_SECRET && process.env.NODE_ENV === 'production') throw new Error('Set COOKIE_SECRET (openssl rand -hex 32).')
const identity = createCookieIdentity({ secret: process.env.COOKIE_SECRET ?? randomBytes(32).toString('hex') })

// No keys in the environment: the local sandbox stands in for FaceSign and FaceVerify.
const sandbox = process.env.FACESIGN_API_KEY ? undefined : await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) })
const handler = createVerificationHandler({
  ...(sandbox
    ? sandbox.handlerOptions({ appUrl })
    : { facesign: { apiKey: process.env.FACESIGN_API_KEY ?? '', webhookSecret: process.env.FACESIGN_WEBHOOK_SECRET } }),
  identify: (request) => identity.identify(request),
  publicOrigin: appUrl,
  store: createMemoryStore(), // one process; several instances want createPostgresStore
})

const app = new Hono()
app.use(async (c, next) => {
  const { setCookie } = await identity.ensure(c.req.header('cookie'), new URL(c.req.url).protocol === 'https:')
  await next()
  if (setCookie) c.res.headers.append('Set-Cookie', setCookie)
})
// The client's address feeds the per-address limits.
app.all('/api/verify/*', (c) => handler(c.req.raw, { clientAddress: getConnInfo(c).remote.address }))
app.get('/api/members', async (c) => {
  const user = await identity.identify(c.req.raw)
  const session = user ? await handler.latestSession(user.id) : undefined
  if (session?.status !== 'verified') {
    return c.json({ error: { type: 'authentication_error', code: 'not_verified', message: 'Verify first.' } }, 403)
  }
  return c.json({ message: 'Welcome, verified member.' })
})

// The built page; with the sandbox, it may open flows on the sandbox's host.
const page = readFileSync('dist/index.html', 'utf8').replace(
  '</head>',
  `<meta name="verify-widget:allowed-hosts" content="${sandbox ? sandbox.allowedHosts.join(',') : ''}"></head>`,
)
app.get('/', (c) => c.html(page))
app.use('/*', serveStatic({ root: './dist' }))

// Timeouts and connection caps against slow or greedy clients.
guardServer(serve({ fetch: app.fetch, port }, () => console.log(`Example app on ${appUrl}`)) as Server)
