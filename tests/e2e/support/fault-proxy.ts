import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** What the proxy answers instead of the provider: an HTTP error, or a request that never ends. */
export type ProviderFault = { status: number; headers?: Record<string, string>; body: unknown } | 'hang'

export interface FaultProxy {
  url: string
  /** The next `times` calls to exactly `METHOD /path` get this answer instead of the provider's. */
  failNext(call: string, fault: ProviderFault, times?: number): void
  /** Calls seen per `METHOD path` (ids kept), faults included. */
  calls(): string[]
  close(): Promise<void>
}

/**
 * Sits between the backend and the sandbox's provider APIs. The sandbox's own 429 asks for 60 s;
 * tests need the same answer with a short Retry-After, so the backend's wait-and-retry path is
 * exercised within a test's time.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const queue: { call: string; fault: ProviderFault }[] = []
  const seen: string[] = []
  const sockets = new Set<Socket>()
  const upstream = new URL(target)

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    out.once('error', () => res.destroy())
    req.pipe(out)
  }

  const server = createServer((req, res) => {
    const call = `${req.method} ${(req.url ?? '/').split('?')[0]}`
    seen.push(call)
    const index = queue.findIndex((q) => q.call === call)
    const fault = index === -1 ? undefined : queue.splice(index, 1)[0]?.fault
    if (fault === undefined) return forward(req, res)
    req.resume()
    if (fault === 'hang') return
    res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers })
    res.end(typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    failNext(call, fault, times = 1) {
      for (let i = 0; i < times; i++) queue.push({ call, fault })
    },
    calls: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        queue.length = 0
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}
