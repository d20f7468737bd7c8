// The backend: the verification handler (the only place that holds keys), a members-only route
// the server unlocks itself, and the built page. `npm run build && npm start`. The element examples
// run this same server from their own folders: it serves the `dist/` of the folder it starts in.
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { startSandbox } from 'verify-widget/sandbox'
import { createCookieIdentity, createMemoryStore, createVerificationHandler } from 'verify-widget/server'

const port = Number(process.env.PORT ?? 3000)
const appUrl = `http://localhost:${port}`
// A demo sign-in: each browser is its own user. Your app's own auth goes here.
const identity = createCookieIdentity({ secret: process.env.COOKIE_SECRET ?? 'change-me-in-production' })

// No keys in the environment: the local sandbox stands in for FaceSign and FaceVerify.
const sandbox = process.env.FACESIGN_API_KEY ? undefined : await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) })
const handler = createVerificationHandler({
  ...(sandbox
    ? sandbox.handlerOptions({ appUrl })
    : { facesign: { apiKey: process.env.FACESIGN_API_KEY ?? '', webhookSecret: process.env.FACESIGN_WEBHOOK_SECRET } }),
  identify: (request) => identity.identify(request),
  store: createMemoryStore(), // one process; several instances want createPostgresStore
})

const app = new Hono()
app.use(async (c, next) => {
  const { setCookie } = identity.ensure(c.req.header('cookie'), false)
  await next()
  if (setCookie) c.res.headers.append('Set-Cookie', setCookie)
})
app.all('/api/verify/*', (c) => handler(c.req.raw))
app.get('/api/members', async (c) => {
  const user = identity.identify(c.req.raw)
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

serve({ fetch: app.fetch, port }, () => console.log(`Example app on ${appUrl}`))
