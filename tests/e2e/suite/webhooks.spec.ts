import { createHmac } from 'node:crypto'
import { expect, test } from '../fixtures'
import { expectFlowReady, expectView, flowSessionId, stateCard } from '../support/hosted'

const hmac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex')

test('forged webhook signatures are rejected and change nothing; the genuine one lands', async ({ page, app }) => {
  await page.goto('/')
  await expectFlowReady(page)
  const providerId = await flowSessionId(page)
  const body = JSON.stringify({
    id: 'evt_forged_1',
    type: 'session.verified',
    data: { id: providerId, status: 'complete', report: { isVerified: true } },
  })
  const send = (signature: string | undefined, payload = body) =>
    fetch(`${app.url}/api/verify/webhooks/facesign`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(signature === undefined ? {} : { 'FaceSign-Signature': signature }) },
      body: payload,
    })

  const forgeries: Record<string, string | undefined> = {
    missing: undefined,
    empty: '',
    'wrong secret': hmac('sk_test_not_the_secret', body),
    'signature of another body': hmac(app.keys.facesignWebhookSecret, `${body} `),
    'too short': 'deadbeef',
    'not hex': 'z'.repeat(64),
    'sha256= with a wrong value': `sha256=${'0'.repeat(64)}`,
    'the API key as secret': hmac(app.keys.facesignApiKey, body),
  }
  for (const [name, signature] of Object.entries(forgeries)) {
    const response = await send(signature)
    expect(response.status, name).toBe(401)
    expect(await response.json(), name).toMatchObject({ error: { type: 'authentication_error' } })
  }
  // FaceVerify's webhook, forged the same way.
  const fvBody = JSON.stringify({ id: 'evt_forged_2', type: 'session.verified', sessionId: 'vws_anything' })
  const fv = await fetch(`${app.url}/api/verify/webhooks/faceverify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-hmac-signature': hmac('wrong', fvBody) },
    body: fvBody,
  })
  expect(fv.status).toBe(401)

  await expect(stateCard(page)).toHaveAttribute('data-view', /requires_input|in_progress/)
  // The same event, signed with the real secret, is accepted: the check above is what stopped the forgeries.
  const genuine = await send(hmac(app.keys.facesignWebhookSecret, body))
  expect(genuine.status).toBe(200)
  await expectView(page, 'verified')
})
