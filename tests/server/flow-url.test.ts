import { describe, expect, it } from 'vitest'
import { stubbedFaceSignBackend } from './harness'

describe("FaceSign's flow URL", () => {
  it('is handed to the browser only on an allowed host; anything else is a 502 and a reported error', async () => {
    let flowUrl = 'https://evil.example/flow?client_secret=vs_stub_secret_1'
    const { backend, errors, create } = stubbedFaceSignBackend(() => ({
      session: { id: 'vs_stub', status: 'requiresInput' },
      clientSecret: { secret: 'vs_stub_secret_1', url: flowUrl },
    }))
    const refused = await create()
    expect(refused.status).toBe(502)
    const body = await refused.json()
    expect(body.error).toMatchObject({ type: 'api_error' })
    expect(JSON.stringify(body)).not.toContain('evil.example/flow')
    expect(errors).toEqual([expect.objectContaining({ type: 'api_error', message: expect.stringContaining('not allowed') })])

    flowUrl = 'https://verify.facesign.ai/?client_secret=vs_stub_secret_1'
    const created = await create()
    expect(created.status).toBe(201)
    expect((await created.json()).url).toBe(flowUrl)
    await backend.close()
  })
})
