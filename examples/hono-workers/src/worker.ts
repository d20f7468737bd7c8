// The backend on Cloudflare Workers: the verification handler (the only place that holds keys), a
// members-only route the server unlocks itself, and the built page. `npm run build && npm start`.
import { Hono } from 'hono'
import {
  type CookieIdentity,
  createCookieIdentity,
  createMemoryStore,
  createVerificationHandler,
  type VerificationHandler,
} from 'verify-widget/server'

interface Bindings {
  ASSETS: Fetcher
  FACESIGN_API_KEY: string
  FACESIGN_WEBHOOK_SECRET: string
  /** 32+ bytes (`openssl rand -hex 32`): `wrangler secret put COOKIE_SECRET`. */
  COOKIE_SECRET: string
  /** Where your pages are served from, e.g. https://shop.example (the Origin check's own origin). */
  PUBLIC_ORIGIN?: string
  // Set by `npm start` when the sandbox stands in for FaceSign:
  FACESIGN_BASE_URL?: string
  FACESIGN_FLOW_URL?: string
  SANDBOX_ALLOWED_HOSTS?: string
}

interface Verification {
  handler: VerificationHandler
  identity: CookieIdentity
}

// Bindings arrive with a request: the handler is made on the first one and kept by the isolate.
// Its memory store lives as long as that isolate, which is enough for one isolate (wrangler dev, a
// demo); a deployed Worker runs many, so production wants a shared store (docs/runtimes.md).
let verification: Verification | undefined
function verify(env: Bindings): Verification {
  if (!verification) {
    // A demo sign-in: each browser is its own user. Your app's own auth goes here.
    const identity = createCookieIdentity({ secret: env.COOKIE_SECRET })
    const handler = createVerificationHandler({
      facesign: {
        apiKey: env.FACESIGN_API_KEY,
        webhookSecret: env.FACESIGN_WEBHOOK_SECRET,
        baseUrl: env.FACESIGN_BASE_URL,
        flowUrl: env.FACESIGN_FLOW_URL,
      },
      identify: (request) => identity.identify(request),
      ...(env.PUBLIC_ORIGIN ? { publicOrigin: env.PUBLIC_ORIGIN } : {}),
      store: createMemoryStore(),
    })
    verification = { handler, identity }
  }
  return verification
}

const app = new Hono<{ Bindings: Bindings }>()
app.use(async (c, next) => {
  const { setCookie } = await verify(c.env).identity.ensure(c.req.header('cookie'), new URL(c.req.url).protocol === 'https:')
  await next()
  if (setCookie) c.res.headers.append('Set-Cookie', setCookie)
})
// Cloudflare names the client's address in a header it sets itself; it feeds the per-address limits.
app.all('/api/verify/*', (c) => verify(c.env).handler(c.req.raw, { clientAddress: c.req.header('cf-connecting-ip') }))
app.get('/api/members', async (c) => {
  const { handler, identity } = verify(c.env)
  const user = await identity.identify(c.req.raw)
  const session = user ? await handler.latestSession(user.id) : undefined
  if (session?.status !== 'verified') {
    return c.json({ error: { type: 'authentication_error', code: 'not_verified', message: 'Verify first.' } }, 403)
  }
  return c.json({ message: 'Welcome, verified member.' })
})
// The built page; with the sandbox, it may open flows on the sandbox's host.
app.get('/', async (c) => {
  const page = await c.env.ASSETS.fetch(new URL('/', c.req.url))
  const hosts = c.env.SANDBOX_ALLOWED_HOSTS
  if (!hosts) return page
  return new HTMLRewriter()
    .on('head', {
      element(head) {
        head.append(`<meta name="verify-widget:allowed-hosts" content="${hosts}">`, { html: true })
      },
    })
    .transform(page)
})

export default app
