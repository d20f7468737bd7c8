// Bun: its own server. idleTimeout 0: Bun closes a connection after 10 s without bytes by default,
// which would cut a status stream between two heartbeats.
import { createTestHandler } from '../app'

interface BunServer {
  requestIP(request: Request): { address: string } | null
}
declare const Bun: {
  serve(options: {
    port: number
    hostname: string
    idleTimeout: number
    fetch: (request: Request, server: BunServer) => Promise<Response>
  }): unknown
}

const handler = createTestHandler(process.env.VERIFY_TEST_OPTIONS)
Bun.serve({
  port: Number(process.env.PORT),
  hostname: '127.0.0.1',
  idleTimeout: 0,
  fetch: (request, server) => handler(request, { clientAddress: server.requestIP(request)?.address }),
})
console.log('listening')
