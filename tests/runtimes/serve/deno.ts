// Deno: its own server.
import { createTestHandler } from '../app'

declare const Deno: {
  env: { get(name: string): string | undefined }
  serve(
    options: { port: number; hostname: string; onListen: () => void },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
  ): unknown
}

const handler = createTestHandler(Deno.env.get('VERIFY_TEST_OPTIONS'))
Deno.serve({ port: Number(Deno.env.get('PORT')), hostname: '127.0.0.1', onListen: () => console.log('listening') }, (request, info) =>
  handler(request, { clientAddress: info.remoteAddr.hostname }),
)
