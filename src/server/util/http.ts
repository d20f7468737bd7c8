import { isRecord } from '../../core/guards'
import { HttpError } from '../errors'

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
}

const tooLarge = (limit: number) =>
  new HttpError(413, 'invalid_request_error', 'body_too_large', `The request body is larger than ${limit} bytes.`)

/** Reads the body as text, stopping (413) as soon as it passes `limit` bytes. */
export async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) throw tooLarge(limit)
  if (!request.body) return ''
  const reader = request.body.getReader()
  // Streaming decode: a multi-byte character split between chunks decodes whole.
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw tooLarge(limit)
    }
    text += decoder.decode(value, { stream: true })
  }
  return text + decoder.decode()
}

/** Reads a JSON object body: 415 for another content type, 400 for malformed JSON or a non-object. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    throw new HttpError(415, 'invalid_request_error', 'unsupported_media_type', 'Send the request body as application/json.')
  }
  const text = await readText(request, limit)
  let value: unknown
  try {
    value = text === '' ? {} : JSON.parse(text)
  } catch {
    throw new HttpError(400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON.')
  }
  if (!isRecord(value)) {
    throw new HttpError(400, 'invalid_request_error', 'invalid_body', 'The request body must be a JSON object.')
  }
  return value as Record<string, unknown>
}
