// The store contract as a Worker: each request runs it and answers the results.
import { runPostgresContract } from './postgres'

export default {
  async fetch(request: Request, env: { VERIFY_TEST_DATABASE_URL?: string }): Promise<Response> {
    if (new URL(request.url).pathname !== '/run') return new Response('POST /run runs the store contract.')
    return Response.json(await runPostgresContract(env.VERIFY_TEST_DATABASE_URL ?? ''))
  },
}
