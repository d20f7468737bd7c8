/**
 * The address a request came from. The node adapter records the socket's peer here; behind a
 * proxy, X-Forwarded-For counts only when the integrator says the proxy is theirs (a client can
 * write that header itself).
 */
const socketAddresses = new WeakMap<Request, string>()

export function recordClientAddress(request: Request, address: string | undefined): void {
  if (address) socketAddresses.set(request, address)
}

export interface ClientAddressOptions {
  /** The integrator's own answer (Next.js, Hono, …), taken first when it gives one. */
  clientAddress?: (request: Request) => string | undefined
  /** Take the last X-Forwarded-For entry (what the one proxy in front saw), default false. */
  trustForwardedFor?: boolean
}

/** The client's address, or undefined when nothing tells it (a framework's Request without `clientAddress`). */
export function clientAddressOf(request: Request, options: ClientAddressOptions): string | undefined {
  const given = options.clientAddress?.(request)
  if (given) return given
  if (options.trustForwardedFor) {
    const last = (request.headers.get('x-forwarded-for') ?? '').split(',').at(-1)?.trim()
    if (last) return last
  }
  return socketAddresses.get(request)
}
