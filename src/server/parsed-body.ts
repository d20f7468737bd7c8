/**
 * Requests whose body a framework parser (Express's `express.json()`) read before us: the adapter
 * rebuilt the body from the parsed value, which serves JSON routes but is not the bytes a webhook
 * signature was computed over.
 */
const rebuilt = new WeakSet<Request>()

export function markRebuiltBody(request: Request): Request {
  rebuilt.add(request)
  return request
}

export const hasRebuiltBody = (request: Request): boolean => rebuilt.has(request)
