import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { toNodeListener } from '../../src/server/node'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

async function serve(handler: (request: Request) => Promise<Response>, maxBodyBytes?: number): Promise<string> {
  server = createServer(toNodeListener(handler, { maxBodyBytes }))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('toNodeListener', () => {
  it('passes method, URL, headers and body through, and Set-Cookie headers back', async () => {
    const url = await serve(async (request) => {
      const headers = new Headers({ 'content-type': 'application/json' })
      headers.append('set-cookie', 'a=1')
      headers.append('set-cookie', 'b=2')
      return new Response(
        JSON.stringify({ method: request.method, url: request.url, x: request.headers.get('x-test'), body: await request.text() }),
        {
          status: 201,
          headers,
        },
      )
    })
    const r = await fetch(`${url}/p?q=1`, { method: 'POST', headers: { 'x-test': 'yes' }, body: 'hello' })
    expect(r.status).toBe(201)
    expect(r.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(await r.json()).toEqual({ method: 'POST', url: `${url}/p?q=1`, x: 'yes', body: 'hello' })
  })

  it('answers 413 to a streamed body past the limit without reading it all (no Content-Length)', async () => {
    let called = false
    const url = await serve(async () => {
      called = true
      return new Response('ok')
    }, 1024)
    const { port } = new URL(url)
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, 120)
      // Keep sending until the server answers: ~10 MB at most.
      let sent = 0
      const pump = () => {
        while (sent < 160 && req.write(chunk)) sent++
        if (sent < 160) req.once('drain', pump)
        else req.end()
      }
      pump()
    })
    expect(status).toBe(413)
    expect(called).toBe(false)
  })

  it('flushes each chunk of a streamed response as it is written (SSE)', async () => {
    let push: ((text: string) => void) | undefined
    const url = await serve(async () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(new TextEncoder().encode(text))
        },
      })
      return new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
    })
    const r = await fetch(url)
    const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader()
    push!('event: one\ndata: 1\n\n')
    expect((await reader.read()).value).toBe('event: one\ndata: 1\n\n')
    push!('event: two\ndata: 2\n\n')
    expect((await reader.read()).value).toBe('event: two\ndata: 2\n\n')
    await reader.cancel()
  })

  it('turns a handler crash into a JSON 500 and keeps serving', async () => {
    let fail = true
    const url = await serve(async () => {
      if (fail) {
        fail = false
        throw new Error('boom')
      }
      return new Response('fine')
    })
    const r = await fetch(url)
    expect(r.status).toBe(500)
    expect((await r.json()).error.type).toBe('api_error')
    expect(await (await fetch(url)).text()).toBe('fine')
  })
})
