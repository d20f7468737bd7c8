import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A minimal load balancer on loopback: every request (streams included) goes to the current
 * target, like a balancer with sticky routing; `route(port)` moves new requests elsewhere, as a
 * health check would after an instance dies. A request whose instance is gone gets a 502.
 */
export interface Balancer {
  url: string
  port: number
  route(port: number): void
  close(): Promise<void>
}

export async function startBalancer(targetPort: number): Promise<Balancer> {
  let target = targetPort
  const server = createServer((req, res) => {
    const upstream = request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
      // An instance that dies mid-stream ends the stream: the browser reconnects through us.
      answer.once('error', () => res.destroy())
      answer.once('aborted', () => res.destroy())
    })
    upstream.once('error', () => {
      if (res.headersSent) res.destroy()
      else res.writeHead(502, { 'Content-Type': 'text/plain' }).end('Bad gateway')
    })
    req.pipe(upstream)
    res.once('close', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://localhost:${port}`,
    port,
    route(next) {
      target = next
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
