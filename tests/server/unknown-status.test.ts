import { describe, expect, it } from 'vitest'
import { stubbedFaceSignBackend } from './harness'

describe('a provider status this version does not know', () => {
  it('keeps the stored status, reports a typed error, and never crashes', async () => {
    let providerStatus = 'requiresInput'
    const { backend, errors, create } = stubbedFaceSignBackend(
      () => ({ id: 'vs_stub', clientSecret: 'vs_stub_secret_1', status: providerStatus }),
      { statusCacheMs: 0 },
    )
    const created = await create()
    expect(created.status).toBe(201)
    const { sessionId } = await created.json()
    providerStatus = 'quantumSuperposition'
    const read = await backend(new Request(`http://app.test/api/verify/sessions/${sessionId}`))
    expect(read.status).toBe(200)
    expect((await read.json()).status).toBe('requires_input')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ type: 'api_error', options: { code: 'unknown_status' } })
    expect(String((errors[0] as Error).message)).toContain('quantumSuperposition')
    await backend.close()
  })
})
