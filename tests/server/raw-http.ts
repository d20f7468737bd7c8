import { connect } from 'node:net'

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Sends exact bytes on a fresh connection and reads until the server closes it. A connection reset
 * rejects, so a test using this fails on a reset as it does on a wrong status.
 */
export function rawRequest(port: number, bytes: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const [head = '', ...rest] = text.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const at = line.indexOf(':')
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim()
      }
      const raw = rest.join('\r\n\r\n')
      const body = headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
    socket.write(bytes)
  })
}

function dechunk(raw: string): string {
  let out = ''
  let rest = raw
  for (;;) {
    const lineEnd = rest.indexOf('\r\n')
    const size = Number.parseInt(rest.slice(0, lineEnd), 16)
    if (!(size > 0)) return out
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size)
    rest = rest.slice(lineEnd + 4 + size)
  }
}

/** A request head with `Connection: close` so the server ends the connection after its answer. */
export const head = (requestLine: string, host = 'localhost', extra = '') =>
  `${requestLine}\r\nHost: ${host}\r\nConnection: close\r\n${extra}\r\n`

/** The error code of a JSON error body, or what the body was when it is not one. */
export function errorCode(response: RawResponse): string {
  try {
    return (JSON.parse(response.body) as { error: { code: string } }).error.code
  } catch {
    return `not JSON: ${response.body.slice(0, 80)}`
  }
}
