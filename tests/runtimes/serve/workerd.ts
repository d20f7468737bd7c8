// Cloudflare Workers (workerd): a module worker. Bindings arrive with the first request, so the
// handler is made then, once per isolate.
import { createTestHandler } from '../app'

let handler: ReturnType<typeof createTestHandler> | undefined

export default {
  async fetch(
    request: Request,
    env: { VERIFY_TEST_OPTIONS?: string },
    ctx: { waitUntil(work: Promise<unknown>): void },
  ): Promise<Response> {
    handler ??= createTestHandler(env.VERIFY_TEST_OPTIONS)
    // Cloudflare names the client's address in a header it sets itself.
    const response = await handler(request, { clientAddress: request.headers.get('cf-connecting-ip') ?? undefined })
    // Work a request started (the outcome webhook a status change sends) runs on after the answer
    // only inside waitUntil: a Worker's isolate does nothing between requests.
    ctx.waitUntil(handler.idle())
    return response
  },
}
