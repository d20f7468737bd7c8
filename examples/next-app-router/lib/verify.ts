// The verification backend, once per server process. Started on first use, not at import, so that
// `next build` (which imports route modules to collect page data) starts nothing.
import type { VerificationHandler } from 'verify-widget/server'

interface Verify {
  handler: VerificationHandler
  allowedHosts: string[] | undefined
  identify(request: Request | { headers: Headers }): Promise<{ id: string } | null>
  ensureCookie(cookie: string | undefined): Promise<string | undefined>
}

const globalForVerify = globalThis as typeof globalThis & { verify?: Promise<Verify> }

async function start(): Promise<Verify> {
  const { createCookieIdentity, createVerificationHandler } = await import('verify-widget/server')
  const { startSandbox } = await import('verify-widget/sandbox')
  // A demo sign-in: each browser is its own user. Your app's own auth goes here. COOKIE_SECRET
  // (32+ bytes, `openssl rand -hex 32`) in production; a local run makes one up.
  if (!process.env.COOKIE_SECRET && process.env.NODE_ENV === 'production') throw new Error('Set COOKIE_SECRET (openssl rand -hex 32).')
  const secret =
    process.env.COOKIE_SECRET ?? Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('')
  const identity = createCookieIdentity({ secret })
  // No keys in the environment: the local sandbox stands in for FaceSign and FaceVerify.
  const sandbox = process.env.FACESIGN_API_KEY ? undefined : await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) })
  const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`
  const handler = createVerificationHandler({
    ...(sandbox
      ? sandbox.handlerOptions({ appUrl })
      : { facesign: { apiKey: process.env.FACESIGN_API_KEY ?? '', webhookSecret: process.env.FACESIGN_WEBHOOK_SECRET } }),
    identify: (request) => identity.identify(request),
    publicOrigin: appUrl,
    // No store given: the default, SQLite in .data/ (npm install better-sqlite3). Several instances want createPostgresStore.
  })
  return {
    handler,
    allowedHosts: sandbox?.allowedHosts,
    identify: (request) => identity.identify(request),
    ensureCookie: async (cookie) => (await identity.ensure(cookie, appUrl.startsWith('https:'))).setCookie,
  }
}

/** Next.js may load this module in more than one bundle; the backend lives on globalThis once. */
export function verify(): Promise<Verify> {
  globalForVerify.verify ??= start()
  return globalForVerify.verify
}

/** The Web-standard handler for the route file: `export { handler as GET, handler as POST }`. */
export const handler = async (request: Request): Promise<Response> => (await verify()).handler(request)
