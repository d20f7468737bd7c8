import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { errorResponse, HttpError } from './errors'
import { markRebuiltBody } from './parsed-body'

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

/** Reads at most `limit` bytes; past that it stops reading, so a huge body is never buffered. */
function readBody(req: FrameworkRequest, limit: number): Promise<BodyResult> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve({ ok: true, body: undefined })
  if (req.readableEnded) return Promise.resolve(consumedBody(req))
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve({ ok: false })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.pause()
        resolve({ ok: false })
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }))
    req.once('error', reject)
  })
}

function toRequest(req: FrameworkRequest, body: Buffer | undefined, signal: AbortSignal, trustProxy: boolean): Request {
  const forwardedProto = trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0] : ''
  const proto = forwardedProto || ('encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http')
  const host = (trustProxy && String(req.headers['x-forwarded-host'] ?? '')) || req.headers.host || 'localhost'
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    else if (value !== undefined) headers.set(key, value)
  }
  // Express mounts (`app.use('/api/verify', …)`) strip their prefix from req.url; originalUrl keeps it.
  return new Request(new URL(req.originalUrl ?? req.url ?? '/', `${proto}://${host}`), {
    method: req.method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal,
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
      // Written as it comes: SSE events reach the browser one by one, not when the stream ends.
      res.write(value)
    }
  } finally {
    res.end()
  }
}

/**
 * Adapts a Web-standard handler to node:http, streaming the response and bounding the request body.
 * Works as Express middleware too: `app.use('/api/verify', toNodeListener(handler))`.
 */
export function toNodeListener(handler: (request: Request) => Promise<Response>, options: NodeListenerOptions = {}): RequestListener {
  const limit = options.maxBodyBytes ?? 64 * 1024
  return (req, res) => {
    const controller = new AbortController()
    res.once('close', () => controller.abort())
    void (async () => {
      const read = await readBody(req, limit)
      if (!read.ok) {
        const error = new HttpError(413, 'invalid_request_error', 'body_too_large', `The request body is larger than ${limit} bytes.`)
        // Close the connection rather than drain the rest of a huge upload.
        res.setHeader('Connection', 'close')
        res.once('finish', () => req.destroy())
        await writeResponse(errorResponse(error), res)
        return
      }
      const request = toRequest(req, read.body, controller.signal, options.trustProxy ?? false)
      const response = await handler(read.rebuilt ? markRebuiltBody(request) : request)
      await writeResponse(response, res)
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        res.statusCode = 500
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ error: { type: 'api_error', code: 'internal_error', message: 'Something went wrong on our side.' } }))
      } else res.destroy(error instanceof Error ? error : undefined)
    })
  }
}
