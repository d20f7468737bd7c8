// verify-widget/server as Node resolves it: the same API as the Web-standard entry, with SQLite in
// `dataDir` as the default store. (Other runtimes resolve ./index.ts, which has no default store.)
import { join } from 'node:path'
import { createHandler, type VerificationHandler } from './handler'
import { createSqliteStore } from './node/sqlite'
import type { VerificationHandlerOptions } from './options'

export * from './index'

/**
 * The integrator backend as a Web-standard handler: `handler(request, { clientAddress })` answers
 * every route under `basePath`. Mount it in Next.js route handlers, Hono, a Worker's `fetch`,
 * `Deno.serve`, `Bun.serve`, or node:http and Express through `toNodeListener`
 * (verify-widget/server/node). On Node the store defaults to SQLite in `dataDir`; elsewhere pass one.
 */
export function createVerificationHandler(options: VerificationHandlerOptions): VerificationHandler {
  return createHandler(options, { defaultStore: (dataDir) => createSqliteStore({ path: join(dataDir, 'verify.sqlite') }) })
}
