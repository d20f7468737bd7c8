/**
 * The network edge for a backend that identifies its user by an identity token: every request is
 * recorded with its URL and headers, and the status stream is a `text/event-stream` body the test
 * writes to by hand.
 */

export interface SeenRequest {
  method: string
  url: string
  path: string
  headers: Headers
  credentials: RequestCredentials | undefined
  signal: AbortSignal | undefined
}

type Answer = (request: SeenRequest) => Response | Promise<Response>

/** A fetch that answers from `routes` (`'GET /sessions/:id/events'`, `'GET /verify-token'`…) and records every call. */
export function recordingFetch(routes: Record<string, Answer>) {
  const seen: SeenRequest[] = []
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost')
    const method = init.method ?? 'GET'
    const path = url.pathname.replace(/^\/api\/verify/, '')
    const request: SeenRequest = {
      method,
      url: url.href,
      path,
      headers: new Headers(init.headers),
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    }
    seen.push(request)
    if (init.signal?.aborted) throw init.signal.reason
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ')
      return m === method && new RegExp(`^${p!.replace(/:id/g, '[^/]+')}$`).test(path)
    })
    if (!key) return Response.json({ error: { type: 'not_found_error', code: 'not_found', message: 'No such route' } }, { status: 404 })
    return routes[key]!(request)
  }
  return {
    fetch: fetch as typeof globalThis.fetch,
    seen,
    /** The `Authorization` header of each call to `path` (a RegExp on the path below the endpoint). */
    authorizations: (path: RegExp) => seen.filter((r) => path.test(r.path)).map((r) => r.headers.get('authorization')),
  }
}

/** The backend's 401 for a token it refuses, as `createTokenIdentity` answers it. */
export const refuseToken = (code: string, message = `Refused: ${code}.`) =>
  Response.json(
    { error: { type: 'authentication_error', code, message } },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="verify-widget", error="invalid_token"' } },
  )

/** A status stream the test writes to: `send` a chunk of SSE text, `end` it as the service does, or `drop` the connection. */
export function eventStream(request?: SeenRequest) {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let open = true
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      open = false
    },
  })
  // The reader's fetch was aborted (stop(), a fallback to polling): the body errors, as a browser's does.
  request?.signal?.addEventListener('abort', () => {
    if (!open) return
    open = false
    controller.error(new DOMException('The operation was aborted.', 'AbortError'))
  })
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }),
    send(text: string) {
      if (open) controller.enqueue(encoder.encode(text))
    },
    status(data: unknown, id?: string) {
      this.send(`${id === undefined ? '' : `id: ${id}\n`}event: status\ndata: ${JSON.stringify(data)}\n\n`)
    },
    end() {
      if (!open) return
      open = false
      controller.close()
    },
    drop() {
      if (!open) return
      open = false
      controller.error(new TypeError('network error'))
    },
    get open() {
      return open
    },
  }
}

export type EventStream = ReturnType<typeof eventStream>
