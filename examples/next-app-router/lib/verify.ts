// The verification backend, once per server process. Started on first use, not at import, so that
// `next build` (which imports route modules to collect page data) starts nothing.
import type { VerificationHandler } from 'verify-widget/server'

interface Verify {
  handler: VerificationHandler
  allowedHosts: string[] | undefined
  identify(request: Request | { headers: Headers }): { id: string } | null
  ensureCookie(cookie: string | undefined): string | undefined
}

const globalForVerify = globalThis as typeof globalThis & { verify?: Promise<Verify> }

async function start(): Promise<Verify> {
  const { createCookieIdentity, createMemoryStore, createVerificationHandler } = await import('verify-widget/server')
  const { startSandbox } = await import('verify-widget/sandbox')
  // A demo sign-in: each browser is its own user. Your app's own auth goes here.
  const identity = createCookieIdentity({ secret: process.env.COOKIE_SECRET ?? 'change-me-in-production' })
  // No keys in the environment: the local sandbox stands in for FaceSign and FaceVerify.
  const sandbox = process.env.FACESIGN_API_KEY ? undefined : await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) })
  const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`
  const handler = createVerificationHandler({
    ...(sandbox
      ? sandbox.handlerOptions({ appUrl })
      : { facesign: { apiKey: process.env.FACESIGN_API_KEY ?? '', webhookSecret: process.env.FACESIGN_WEBHOOK_SECRET } }),
    identify: (request) => identity.identify(request),
    store: createMemoryStore(), // one process; several instances want createPostgresStore
  })
  return {
    handler,
    allowedHosts: sandbox?.allowedHosts,
    identify: (request) => identity.identify(request),
    ensureCookie: (cookie) => identity.ensure(cookie, false).setCookie,
  }
}

/** Next.js may load this module in more than one bundle; the backend lives on globalThis once. */
export function verify(): Promise<Verify> {
  globalForVerify.verify ??= start()
  return globalForVerify.verify
}

/** The Web-standard handler for the route file: `export { handler as GET, handler as POST }`. */
export const handler = async (request: Request): Promise<Response> => (await verify()).handler(request)
