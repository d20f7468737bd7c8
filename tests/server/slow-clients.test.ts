import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryStore, createVerificationHandler } from '../../src/server'
import { guardServer, type ServerGuardOptions, toNodeListener } from '../../src/server/node'
import { errorCode, rawRequest } from './raw-http'

const servers: Server[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function start(options: ServerGuardOptions): Promise<number> {
  const handler = createVerificationHandler({ identify: () => ({ id: 'u' }), store: createMemoryStore() })
  const server = guardServer(createServer(toNodeListener(handler)), options)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

/** A socket that is open (connected) or was closed by the server before it could be used. */
function open(port: number): Promise<{ socket: Socket; closedByServer: Promise<boolean> }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    sockets.push(socket)
    const closedByServer = new Promise<boolean>((done) => socket.once('close', () => done(true)))
    socket.on('error', () => {})
    socket.once('connect', () => resolve({ socket, closedByServer }))
  })
}

describe('slow and greedy clients (guardServer)', () => {
  it('a body trickled a byte at a time is cut off at requestTimeoutMs with a 408, not held for minutes', async () => {
    const port = await start({ requestTimeoutMs: 1000, headersTimeoutMs: 1000 })
    const { socket } = await open(port)
    const answer = new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
      socket.on('close', () => resolve(text))
    })
    socket.write('POST /api/verify/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{')
    // One byte now and then, until the server gives up on the request (the close ends the loop).
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200)
    const text = await answer
    clearInterval(trickle)
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(text).toContain('"code":"request_timeout"')
  })

  it('connections from one address past maxConnectionsPerAddress are closed at once; others still get in', async () => {
    const port = await start({ maxConnectionsPerAddress: 3 })
    const held = await Promise.all([open(port), open(port), open(port)])
    const extra = await open(port)
    expect(await extra.closedByServer).toBe(true)
    // The three held ones still work, and a closed one frees its place.
    held[0]!.socket.destroy()
    await held[0]!.closedByServer
    const answer = await rawRequest(port, 'GET /api/verify/sessions/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(answer.status).toBe(404)
    expect(errorCode(answer)).toBe('resource_missing')
  })
})
