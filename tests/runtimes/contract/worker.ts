// The store contract as a Worker: POST /run runs it and answers the results. GET /per-request opens
// a PostgreSQL store for that request only and closes it before answering, as a Worker must (workerd
// ties a socket to the request that opened it; docs/runtimes.md).
import { createPostgresStore } from 'verify-widget/server'
import { runPostgresContract } from './postgres'

interface Env {
  VERIFY_TEST_DATABASE_URL?: string
}

// Made on the first request: a Worker's global scope may not generate random values.
let schema: string | undefined

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const connectionString = env.VERIFY_TEST_DATABASE_URL ?? ''
    switch (new URL(request.url).pathname) {
      case '/run':
        return Response.json(await runPostgresContract(connectionString))
      case '/per-request': {
        schema ??= `per_request_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
        const store = createPostgresStore({ connectionString, schema })
        try {
          const id = `s_${crypto.randomUUID()}`
          await store.insertOpen({
            id,
            userId: id,
            provider: 'facesign',
            providerSessionId: '',
            status: 'requires_input',
            url: '',
            livemode: false,
            createdAt: new Date().toISOString(),
            updatedAt: new Date().toISOString(),
          })
          return Response.json({ stored: (await store.get(id))?.id === id })
        } finally {
          await store.close()
        }
      }
      default:
        return new Response('POST /run runs the store contract; GET /per-request uses a store opened for that request.')
    }
  },
}
