import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { addressBucket } from '../service/limits'
import { isValidHost, pathProblem } from '../util/path'

export { isValidHost, pathProblem }

/**
 * The one guard every node:http listener we run goes through (the node adapter, the page server
 * of `npm start`, the sandbox): a request whose target, method or Host cannot be trusted is
 * answered 4xx JSON before any route sees it, and nothing a listener throws ends the process.
 */

/** A request target that passed the guard: origin-form, canonical, decodable. */
export interface RequestTarget {
  /** The path as sent (still percent-encoded): no `//`, no dot segments, no encoded `/` or `\`. */
  path: string
  /** `?…` or "". */
  search: string
  /** The Host header when it names a valid host, else undefined (HTTP/1.0 without one). */
  host: string | undefined
}

interface Refusal {
  status: number
  code: string
  message: string
  headers?: Record<string, string>
}

const STATUS_TEXT = { 400: 'Bad Request', 405: 'Method Not Allowed', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
function checkRequest(req: IncomingMessage, methods: readonly string[]): { target: RequestTarget } | { refusal: Refusal } {
  const method = req.method ?? ''
  if (!methods.includes(method)) {
    const allow = methods.join(', ')
    return { refusal: { status: 405, code: 'method_not_allowed', message: `Use one of ${allow}.`, headers: { Allow: allow } } }
  }
  // Express mounts (`app.use(prefix, …)`) strip their prefix from req.url; originalUrl is what was sent.
  const raw = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
  const queryAt = raw.indexOf('?')
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt)
  const search = queryAt === -1 ? '' : raw.slice(queryAt)
  const problem = pathProblem(path)
  if (problem) return { refusal: { status: 400, code: 'invalid_path', message: problem } }
  if (/[^\x21-\x7e]/.test(search)) {
    return { refusal: { status: 400, code: 'invalid_query', message: 'The query string contains characters that are not allowed.' } }
  }
  const host = req.headers.host
  if (host !== undefined && !isValidHost(host)) {
    return { refusal: { status: 400, code: 'invalid_host', message: 'The Host header does not name a valid host.' } }
  }
  return { target: { path, search, host } }
}

/** Writes `{"error":{type,code,message}}`, the shape of every error we send. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const type = status < 500 ? 'invalid_request_error' : 'api_error'
  const body = JSON.stringify({ error: { type, code, message } })
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(body)
}

function failed(res: ServerResponse, error: unknown, onError?: (error: unknown) => void): void {
  onError?.(error)
  if (!res.headersSent) sendJsonError(res, 500, 'internal_error', 'Something went wrong on our side.')
  else res.destroy()
}

export interface GuardOptions {
  /** Methods the listener serves at all; others answer 405. Default GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS. */
  methods?: readonly string[]
  /** Hears what a listener threw (the client got a JSON 500). */
  onError?: (error: unknown) => void
}

export type GuardedListener = (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => unknown

/**
 * Wraps a listener: the request reaches it only with a valid target, method and Host, and a throw
 * or rejection becomes a JSON 500 for that request instead of the end of the process.
 */
export function guardListener(listener: GuardedListener, options: GuardOptions = {}): RequestListener {
  const methods = options.methods ?? METHODS
  return (req, res) => {
    // A client that goes away mid-body makes the request stream emit 'error'; unheard, that ends the process.
    req.on('error', () => {})
    res.on('error', () => {})
    const checked = checkRequest(req, methods)
    if ('refusal' in checked) {
      const { status, code, message, headers } = checked.refusal
      req.resume()
      sendJsonError(res, status, code, message, headers)
      return
    }
    try {
      const result = listener(req, res, checked.target)
      if (result instanceof Promise) result.catch((error: unknown) => failed(res, error, options.onError))
    } catch (error) {
      failed(res, error, options.onError)
    }
  }
}

export interface ServerGuardOptions {
  /** Time for a whole request (headers and body) to arrive, default 30 s (node's is 300 s: a trickled body holds a socket that long). */
  requestTimeoutMs?: number
  /** Time for the headers to arrive, default 10 s. */
  headersTimeoutMs?: number
  /** Idle keep-alive connections close after this, default 5 s. */
  keepAliveTimeoutMs?: number
  /** Connections one client address (IPv6: one /64) may hold open at once, default 100; more are closed at once. */
  maxConnectionsPerAddress?: number
  /** Connections the server holds open at once, default 10000. */
  maxConnections?: number
}

/**
 * Hardens a node:http server: timeouts that free a socket a slow client holds (a body trickled a
 * byte at a time), caps on connections per address and in all, and a JSON answer for what node's
 * HTTP parser itself refuses (a broken request line, bad header bytes, headers too large), after
 * which the connection closes; the server keeps listening. Response time is not limited: status
 * streams stay open as long as they need.
 */
export function guardServer<T extends Server>(server: T, options: ServerGuardOptions = {}): T {
  server.requestTimeout = options.requestTimeoutMs ?? 30_000
  server.headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, server.requestTimeout)
  // Node enforces both timeouts on a check every 30 s by default (taken when the server starts
  // listening): often enough for them to mean what they say.
  ;(server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(5000, server.headersTimeout)
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5000
  server.maxConnections = options.maxConnections ?? 10_000
  const perAddress = options.maxConnectionsPerAddress ?? 100
  const open = new Map<string, number>()
  server.on('connection', (socket: Socket) => {
    const bucket = addressBucket(socket.remoteAddress) ?? 'unknown'
    const count = (open.get(bucket) ?? 0) + 1
    if (count > perAddress) {
      socket.destroy()
      return
    }
    open.set(bucket, count)
    socket.once('close', () => {
      const left = (open.get(bucket) ?? 1) - 1
      if (left > 0) open.set(bucket, left)
      else open.delete(bucket)
    })
  })
  const refuse = (socket: Duplex, status: 400 | 405 | 408 | 431, code: string, message: string) => {
    const body = JSON.stringify({ error: { type: 'invalid_request_error', code, message } })
    // A 405 names the methods that are served (RFC 9110 §15.5.6), also when the parser refused the method.
    const allow = status === 405 ? `Allow: ${METHODS.join(', ')}\r\n` : ''
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n${allow}` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy()
      return
    }
    if (error.code === 'HPE_INVALID_METHOD') refuse(socket, 405, 'method_not_allowed', `Use one of ${METHODS.join(', ')}.`)
    else if (error.code === 'HPE_HEADER_OVERFLOW') refuse(socket, 431, 'headers_too_large', 'The request headers are too large.')
    else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') refuse(socket, 408, 'request_timeout', 'The request took too long to arrive.')
    else refuse(socket, 400, 'malformed_request', 'The request could not be parsed.')
  })
  // Without a listener node drops a CONNECT without a word; we are no proxy.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => refuse(socket, 405, 'method_not_allowed', 'CONNECT is not served here.'))
  return server
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false }

/**
 * Reads at most `limit` bytes. Past that it stops keeping them and resolves `{ok: false}`; the rest
 * is read and dropped (up to 16 × limit) so the 413 reaches the client instead of a connection reset.
 */
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = declared > limit
    if (over) resolve({ ok: false })
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (over) {
        if (size > limit * 16) req.destroy()
        return
      }
      if (size > limit) {
        over = true
        chunks.length = 0
        resolve({ ok: false })
        return
      }
      chunks.push(chunk)
    })
    req.once('end', () => resolve(over ? { ok: false } : { ok: true, body: Buffer.concat(chunks) }))
    req.once('error', () => resolve({ ok: false }))
    req.once('close', () => resolve({ ok: false }))
  })
}

/** The 413 for a body past `limit`; the connection closes once it is sent. */
export function sendBodyTooLarge(res: ServerResponse, limit: number): void {
  sendJsonError(res, 413, 'body_too_large', `The request body is larger than ${limit} bytes.`, { Connection: 'close' })
}
