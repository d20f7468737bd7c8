import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from './harness'
import { errorCode, head, rawRequest } from './raw-http'

let stack: Stack
let app: number
let sandbox: number
beforeAll(async () => {
  stack = await startStack()
  app = Number(new URL(stack.appUrl).port)
  sandbox = stack.sandbox.port
})
afterAll(() => stack.close())

/** Every malformed request class, sent as exact bytes to each listener we run. */
const BAD_TARGETS: [string, string, number, string][] = [
  ['an undecodable path', head('GET /% HTTP/1.1'), 400, 'invalid_path'],
  ['an invalid absolute URL', head('GET http://[/ HTTP/1.1'), 400, 'invalid_path'],
  ['an absolute-form target', head('GET http://127.0.0.1/api/verify/sessions/x HTTP/1.1'), 400, 'invalid_path'],
  ['a //host/ prefix', head('GET //evil.example/api/verify/sessions/x HTTP/1.1'), 400, 'invalid_path'],
  ['a dot segment', head('GET /api/verify/%2e%2e/verify/sessions/x HTTP/1.1'), 400, 'invalid_path'],
  ['an encoded slash', head('GET /api/verify/sessions%2Fx HTTP/1.1'), 400, 'invalid_path'],
  ['TRACE', head('TRACE /api/verify/sessions HTTP/1.1'), 405, 'method_not_allowed'],
  ['a method node knows and we do not serve', head('PROPFIND /api/verify/sessions HTTP/1.1'), 405, 'method_not_allowed'],
  ['an unknown method', head('FOO /api/verify/sessions HTTP/1.1'), 405, 'method_not_allowed'],
  ['a lower-case method (methods are case-sensitive)', head('get /api/verify/sessions HTTP/1.1'), 405, 'method_not_allowed'],
  ['CONNECT', head('CONNECT 127.0.0.1:22 HTTP/1.1'), 405, 'method_not_allowed'],
  ['a Host that is no host', head('GET /api/verify/sessions/x HTTP/1.1', 'exa mple'), 400, 'invalid_host'],
  ['a Host with a path', head('GET /api/verify/sessions/x HTTP/1.1', 'evil.example/x'), 400, 'invalid_host'],
  ['a header line without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n', 400, 'malformed_request'],
]

describe.each([
  ['the node adapter (backend)', () => app],
  ['the sandbox', () => sandbox],
])('%s answers malformed requests with 4xx JSON and keeps serving', (_name, port) => {
  it.each(BAD_TARGETS)('%s', async (_case, bytes, status, code) => {
    const response = await rawRequest(port(), bytes)
    expect(response.status).toBe(status)
    expect(response.headers['content-type']).toBe('application/json')
    expect(errorCode(response)).toBe(code)
    // A 405 says which methods are served (RFC 9110), whichever layer refused.
    if (status === 405) expect(response.headers.allow).toMatch(/GET/)
    // The process still answers a well-formed request afterwards.
    expect((await rawRequest(port(), head('GET /favicon.ico HTTP/1.1'))).status).toBeLessThan(500)
  })
})

describe('the sandbox', () => {
  it('answers 400 (not 500) to a session id with broken percent-encoding', async () => {
    const response = await rawRequest(
      sandbox,
      head('GET /facesign/v1/sessions/%E0%A4%A HTTP/1.1', '127.0.0.1', 'Authorization: Bearer sk_test_harness_facesign_key\r\n'),
    )
    expect(response.status).toBe(400)
    expect(errorCode(response)).toBe('invalid_path')
  })

  it('answers 413 JSON to a FaceVerify body over 64 KB, without resetting the connection', async () => {
    const body = JSON.stringify({ uniqueIdentifier: 'x'.repeat(70 * 1024) })
    const response = await rawRequest(
      sandbox,
      head(
        'POST /faceverify/api/v1/session HTTP/1.1',
        '127.0.0.1',
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`,
      ) + body,
    )
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).error.type).toBe('invalid_request_error')
    expect((await fetch(`${stack.sandbox.url}/favicon.ico`)).status).toBe(204)
  })

  it('a flow event body over 64 KB is a 413 too', async () => {
    const body = 'x'.repeat(70 * 1024)
    const response = await rawRequest(
      sandbox,
      head('POST /facesign/flow/event HTTP/1.1', '127.0.0.1', `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`) +
        body,
    )
    expect(response.status).toBe(413)
  })
})

describe('the backend', () => {
  it('a request body over the limit is a 413 JSON the client reads, not a reset', async () => {
    const body = 'x'.repeat(100 * 1024)
    const response = await rawRequest(
      app,
      head(
        'POST /api/verify/sessions HTTP/1.1',
        '127.0.0.1',
        `X-Test-User: a\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n`,
      ) + body,
    )
    expect(response.status).toBe(413)
    expect(errorCode(response)).toBe('body_too_large')
  })
})
