import { describe, expect, it } from 'vitest'
import { createMemoryStore, createVerificationHandler } from '../../src/server'

const create = () =>
  new Request('http://app.test/api/verify/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"provider":"facesign"}',
  })

describe("FaceSign's flow URL", () => {
  it('is handed to the browser only on an allowed host; anything else is a 502 and a reported error', async () => {
    let flowUrl = 'https://evil.example/flow?client_secret=vs_stub_secret_1'
    const errors: unknown[] = []
    const handler = createVerificationHandler({
      facesign: {
        apiKey: 'sk_test_stub',
        baseUrl: 'https://api.facesign.test/v1',
        fetch: async () =>
          Response.json(
            { session: { id: 'vs_stub', status: 'requiresInput' }, clientSecret: { secret: 'vs_stub_secret_1', url: flowUrl } },
            { status: 201 },
          ),
      },
      identify: () => ({ id: 'u1' }),
      store: createMemoryStore(),
      onError: (error) => errors.push(error),
    })
    const refused = await handler(create())
    expect(refused.status).toBe(502)
    const body = await refused.json()
    expect(body.error).toMatchObject({ type: 'api_error' })
    expect(JSON.stringify(body)).not.toContain('evil.example/flow')
    expect(errors).toEqual([expect.objectContaining({ type: 'api_error', message: expect.stringContaining('not allowed') })])

    flowUrl = 'https://verify.facesign.ai/?client_secret=vs_stub_secret_1'
    const created = await handler(create())
    expect(created.status).toBe(201)
    expect((await created.json()).url).toBe(flowUrl)
    await handler.close()
  })
})
