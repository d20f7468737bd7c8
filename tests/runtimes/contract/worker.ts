// The store contract as a Worker: POST /run runs it and answers the results. GET /kept uses one
// store for the isolate's life, made on its first request, as a handler kept per isolate holds it.
import { createPostgresStore, type SessionStore } from 'verify-widget/server'
import { runPostgresContract } from './postgres'

interface Env {
  VERIFY_TEST_DATABASE_URL?: string
}

let kept: SessionStore | undefined

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const connectionString = env.VERIFY_TEST_DATABASE_URL ?? ''
    switch (new URL(request.url).pathname) {
      case '/run':
        return Response.json(await runPostgresContract(connectionString))
      case '/kept':
        kept ??= createPostgresStore({ connectionString, schema: `kept_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}` })
        return Response.json({ latest: (await kept.latest('nobody')) ?? null })
      default:
        return new Response('POST /run runs the store contract; GET /kept reads through a store kept by the isolate.')
    }
  },
}
