import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signFaceVerifyRequest, verifyWebhookSignature } from '../../src/server'

const apiKey = 'sk_test_client'
const secretKey = 'sk_test_secret'

describe('signFaceVerifyRequest', () => {
  it('matches HMAC-SHA256 over METHOD\\nPATH\\nQUERY\\nX_AUTH_CLIENT\\nCONTENT_TYPE\\nBODY', async () => {
    const body = '{"country":"US","uniqueIdentifier":"user123"}'
    const literal = `POST\n/api/v1/session\n\nsk_test_client\napplication/json\n${body}`
    const independent = createHmac('sha256', secretKey).update(literal).digest('hex')
    const hex = await signFaceVerifyRequest({
      method: 'post',
      url: 'https://start.faceverify.ai/api/v1/session',
      body,
      contentType: 'application/json',
      apiKey,
      secretKey,
    })
    expect(hex).toBe(independent)
    // Pinned: the same vector computed with Python's hmac module.
    expect(hex).toBe('057b672e9f257379e2e1fa5796c1f3e10904d6917a7f81f026fdf9bd2257c6dd')
  })

  it('signs the query string as URLSearchParams gives it, and an empty body as an empty line', async () => {
    const literal = 'GET\n/api/v1/session\nb=2&a=x+y\nsk_test_client\n\n'
    const hex = await signFaceVerifyRequest({
      method: 'GET',
      url: 'https://start.faceverify.ai/api/v1/session?b=2&a=x%20y',
      body: '',
      contentType: '',
      apiKey,
      secretKey,
    })
    expect(hex).toBe(createHmac('sha256', secretKey).update(literal).digest('hex'))
    expect(hex).toBe('3bbf88770af881e296a15a8bb0f53bdfffd657262a7a982b9ba2fe4706f9f6df')
  })

  it('changes when the body string changes, even to equivalent JSON', async () => {
    const base = { method: 'POST', url: 'https://start.faceverify.ai/api/v1/session', contentType: 'application/json', apiKey, secretKey }
    expect(await signFaceVerifyRequest({ ...base, body: '{"a":1}' })).not.toBe(await signFaceVerifyRequest({ ...base, body: '{ "a": 1 }' }))
  })
})

describe('verifyWebhookSignature', () => {
  const secret = 'sk_test_whsec'
  const raw = '{"id":"evt_1","type":"session.verified","data":{"id":"vs_1"}}'
  const good = createHmac('sha256', secret).update(raw).digest('hex')

  it('accepts the right signature, bare, uppercase or with a sha256= prefix, over a string or bytes', async () => {
    expect(await verifyWebhookSignature(raw, good, secret)).toBe(true)
    expect(await verifyWebhookSignature(raw, good.toUpperCase(), secret)).toBe(true)
    expect(await verifyWebhookSignature(raw, `sha256=${good}`, secret)).toBe(true)
    expect(await verifyWebhookSignature(Buffer.from(raw), good, secret)).toBe(true)
  })

  it('rejects a tampered body or another secret', async () => {
    expect(await verifyWebhookSignature(`${raw} `, good, secret)).toBe(false)
    expect(await verifyWebhookSignature(raw, good, 'sk_test_other')).toBe(false)
  })

  it.each([
    ['empty', ''],
    ['too short', good.slice(0, 10)],
    ['too long', `${good}00`],
    ['non-hex of the right length', 'z'.repeat(64)],
    ['not a string', 42],
    ['missing', null],
  ])('returns false, never throws, for a %s signature', async (_label, signature) => {
    await expect(verifyWebhookSignature(raw, signature, secret)).resolves.toBe(false)
    expect(await verifyWebhookSignature(raw, signature, secret)).toBe(false)
  })

  it('returns false for an empty secret', async () => {
    expect(await verifyWebhookSignature(raw, createHmac('sha256', '').update(raw).digest('hex'), '')).toBe(false)
  })
})
