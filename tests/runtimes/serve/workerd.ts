// Cloudflare Workers (workerd): a module worker. Bindings arrive with the first request, so the
// handler is made then, once per isolate.
import { createTestHandler } from '../app'

let handler: ReturnType<typeof createTestHandler> | undefined

export default {
  fetch(request: Request, env: { VERIFY_TEST_OPTIONS?: string }): Promise<Response> {
    handler ??= createTestHandler(env.VERIFY_TEST_OPTIONS)
    // Cloudflare names the client's address in a header it sets itself.
    return handler(request, { clientAddress: request.headers.get('cf-connecting-ip') ?? undefined })
  },
}
