import type { IncomingMessage, ServerResponse } from 'node:http'
import { isRecord } from '../core/guards'
import { readLimitedBody } from '../server/node/guard'

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers })
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { type, message } }, headers)
}

/** A body past the sandbox's limit: the caller answers 413 (see `sendReadFailure`). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
}

const BODY_LIMIT = 64 * 1024

/** Reads a small body (the sandbox only receives its own tiny JSON); past 64 KiB it throws BodyTooLargeError. */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  const read = await readLimitedBody(req, limit)
  if (!read.ok) throw new BodyTooLargeError(`The request body is larger than ${limit} bytes.`)
  return read.body.toString('utf8')
}

/** 413 JSON for a body too large (the connection then closes), else a 400 for a body that could not be read. */
export function sendReadFailure(res: ServerResponse, error: unknown): void {
  if (res.headersSent) return
  if (error instanceof BodyTooLargeError) sendError(res, 413, 'invalid_request_error', error.message, { Connection: 'close' })
  else sendError(res, 400, 'invalid_request_error', 'Could not read the request.')
}

export function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}
