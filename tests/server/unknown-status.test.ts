import { describe, expect, it } from 'vitest'
import { createMemoryStore, createVerificationHandler } from '../../src/server'

describe('a provider status this version does not know', () => {
  it('keeps the stored status, reports a typed error, and never crashes', async () => {
    let providerStatus = 'requiresInput'
    const errors: unknown[] = []
    const handler = createVerificationHandler({
      facesign: {
        apiKey: 'sk_test_stub',
        baseUrl: 'https://api.facesign.test/v1',
        fetch: async () => Response.json({ id: 'vs_stub', clientSecret: 'vs_stub_secret_1', status: providerStatus }, { status: 201 }),
      },
      identify: () => ({ id: 'u1' }),
      store: createMemoryStore(),
      statusCacheMs: 0,
      onError: (error) => errors.push(error),
    })
    const created = await handler(
      new Request('http://app.test/api/verify/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"provider":"facesign"}',
      }),
    )
    expect(created.status).toBe(201)
    const { sessionId } = await created.json()
    providerStatus = 'quantumSuperposition'
    const read = await handler(new Request(`http://app.test/api/verify/sessions/${sessionId}`))
    expect(read.status).toBe(200)
    expect((await read.json()).status).toBe('requires_input')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ type: 'api_error', options: { code: 'unknown_status' } })
    expect(String((errors[0] as Error).message)).toContain('quantumSuperposition')
    await handler.close()
  })
})
