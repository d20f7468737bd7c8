import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { RequestFacts } from '../options'
import { isValidHost } from '../util/path'
import { guardListener, type RequestTarget, readLimitedBody, sendBodyTooLarge } from './guard'

export interface NodeListenerOptions {
  /** Request body limit in bytes (413 above it), default 64 KiB. */
  maxBodyBytes?: number
  /** Trust X-Forwarded-Proto/Host from a proxy in front, default false. */
  trustProxy?: boolean
}

/** Express adds these: the path before `app.use(prefix, …)` stripped it, and a body parser's result. */
interface FrameworkRequest extends IncomingMessage {
  originalUrl?: string
  body?: unknown
}

type BodyResult = { ok: true; body: Buffer | undefined; rebuilt?: boolean } | { ok: false }

/**
 * The body another middleware already consumed (the stream has ended, so waiting on it would hang):
 * raw bytes and text as they are (express.raw(), express.text()); a parsed object as JSON again.
 */
function consumedBody(req: FrameworkRequest): BodyResult {
  const { body } = req
  if (Buffer.isBuffer(body)) return { ok: true, body }
  if (typeof body === 'string') return { ok: true, body: Buffer.from(body) }
  if (body === undefined || body === null) return { ok: true, body: undefined }
  return { ok: true, body: Buffer.from(JSON.stringify(body)), rebuilt: true }
}

function readBody(req: FrameworkRequest, limit: number): Promise<BodyResult> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve({ ok: true, body: undefined })
  if (req.readableEnded) return Promise.resolve(consumedBody(req))
  return readLimitedBody(req, limit)
}

function toRequest(
  req: IncomingMessage,
  target: RequestTarget,
  body: Buffer | undefined,
  signal: AbortSignal,
  trustProxy: boolean,
): Request {
  const forwardedProto = trustProxy
    ? String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : ''
  const proto =
    forwardedProto === 'https' || forwardedProto === 'http'
      ? forwardedProto
      : 'encrypted' in req.socket && req.socket.encrypted
        ? 'https'
        : 'http'
  const forwardedHost = trustProxy
    ? String(req.headers['x-forwarded-host'] ?? '')
        .split(',')[0]
        ?.trim()
    : ''
  const host = (forwardedHost && isValidHost(forwardedHost) ? forwardedHost : undefined) ?? target.host ?? 'localhost'
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    else if (value !== undefined) headers.set(key, value)
  }
  // Built from Host and the guarded path, never by resolving the raw target against a base: a
  // `//other.host/…` or absolute-form target would otherwise choose the request's origin.
  return new Request(`${proto}://${host}${target.path}${target.search}`, {
    method: req.method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal,
  })
}

/** Resolves when the socket takes writes again, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status
  for (const [key, value] of response.headers) {
    if (key === 'set-cookie') continue
    res.setHeader(key, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  res.flushHeaders()
  const reader = response.body.getReader()
  res.once('close', () => {
    reader.cancel().catch(() => {})
  })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      // Written as it comes: SSE events reach the browser one by one, not when the stream ends. A
      // client that does not read makes write() say so: wait for it, and the stream sees the backlog.
      if (!res.write(value) && !res.destroyed) await drained(res)
    }
  } finally {
    res.end()
  }
}

/**
 * Adapts a Web-standard handler to node:http, streaming the response and bounding the request
 * body; every request first passes the shared guard (target, method, Host). Works as Express
 * middleware too: `app.use('/api/verify', toNodeListener(handler))` (the guard reads `originalUrl`,
 * which keeps the prefix Express strips from `req.url`).
 */
export function toNodeListener(
  handler: (request: Request, facts: RequestFacts) => Promise<Response>,
  options: NodeListenerOptions = {},
): RequestListener {
  const limit = options.maxBodyBytes ?? 64 * 1024
  return guardListener(async (req, res, target) => {
    const controller = new AbortController()
    res.once('close', () => controller.abort())
    const read = await readBody(req, limit)
    if (!read.ok) return sendBodyTooLarge(res, limit)
    const request = toRequest(req, target, read.body, controller.signal, options.trustProxy ?? false)
    const facts: RequestFacts = {}
    if (req.socket.remoteAddress) facts.clientAddress = req.socket.remoteAddress
    if (read.rebuilt) facts.bodyParsedBefore = true
    const response = await handler(request, facts)
    await writeResponse(response, res)
  })
}
