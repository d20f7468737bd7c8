import { afterEach, describe, expect, it } from 'vitest'
import {
  createMemoryStore,
  createVerificationHandler,
  type ProviderAdapter,
  type ProviderDefinition,
  type StatusChange,
} from '../../../src/server'
import { eventually, type Stack, startStack } from '../harness'

/**
 * A third provider in one small file: an API kept in memory, HMAC-signed webhooks. Nothing else in
 * the backend changes to serve it: routes, the session service, stores, limits and the outbox take
 * it as they take the shipped ones.
 */
interface AcmeOptions {
  apiKey: string
  webhookSecret: string
}

function acmeApi() {
  const sessions = new Map<string, string>()
  return {
    sessions,
    calls: 0,
    async sign(secret: string, body: string) {
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      return Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body))).toString('hex')
    },
  }
}

function acmeProvider(api: ReturnType<typeof acmeApi>): ProviderDefinition<AcmeOptions> {
  return {
    name: 'acme',
    create(options, deps): ProviderAdapter {
      const budget = deps.budget(options.apiKey, 60)
      return {
        name: 'acme',
        label: 'Acme ID',
        livemode: false,
        budget,
        async create({ sessionId }, tier) {
          await budget.beforeCall(tier)
          api.calls++
          const id = `acme_${sessionId}`
          api.sessions.set(id, 'open')
          return { providerSessionId: id, status: 'requires_input', url: `https://flow.acme.example/${id}`, livemode: false }
        },
        async retrieve(id, tier) {
          await budget.beforeCall(tier)
          api.calls++
          const state = api.sessions.get(id)
          return { status: state === 'passed' ? 'verified' : 'requires_input', raw: state ?? 'unknown' }
        },
        webhook: {
          async verify(raw, headers) {
            return headers.get('acme-signature') === (await api.sign(options.webhookSecret, raw))
          },
          async parse(body) {
            const event = body as { id: string; kind: string; session: string }
            return {
              eventId: event.id,
              type: event.kind,
              providerSessionId: event.session,
              ...(event.kind === 'passed' ? { status: 'verified' as const } : {}),
            }
          },
        },
      }
    },
  }
}

let stack: Stack | undefined
afterEach(async () => {
  await stack?.close()
  stack = undefined
})

describe('a provider of the integrator’s own', () => {
  it('creates, tracks over SSE, applies its signed webhook once and tells onStatusChange, with nothing else changed', async () => {
    const api = acmeApi()
    const changes: StatusChange[] = []
    const acme = acmeProvider(api)
    stack = await startStack({
      handler: {
        providers: { acme: (deps) => acme.create({ apiKey: 'sk_test_acme', webhookSecret: 'acme-webhook-secret' }, deps) },
        onStatusChange: (change) => {
          changes.push(change)
        },
      },
    })
    const s = stack
    const created = await s.create('ada', { provider: 'acme' })
    expect(created.status).toBe(201)
    const session = await created.json()
    expect(session).toMatchObject({
      provider: 'acme',
      status: 'requires_input',
      url: expect.stringMatching(/^https:\/\/flow\.acme\.example\//),
    })
    // The same open session for the same user: one provider call.
    expect((await s.create('ada', { provider: 'acme' })).status).toBe(200)
    expect(api.calls).toBe(1)

    const stream = await s.api(`/sessions/${session.sessionId}/events`, { user: 'ada' })
    const text = stream.text()
    const providerId = [...api.sessions.keys()][0]!
    const body = JSON.stringify({ id: 'evt_acme_1', kind: 'passed', session: providerId })
    const webhook = (signature: string) =>
      fetch(`${s.appUrl}/api/verify/webhooks/acme`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Acme-Signature': signature },
        body,
      })
    expect((await webhook('forged')).status).toBe(401)
    const signature = await api.sign('acme-webhook-secret', body)
    expect(await (await webhook(signature)).json()).toEqual({ received: true })
    expect(await (await webhook(signature)).json()).toEqual({ received: true, duplicate: true })
    expect(await text).toContain('"status":"verified"')

    await eventually(() => expect(changes.map((c) => c.eventId)).toEqual([`${session.sessionId}.verified`]))
    expect(changes[0]).toMatchObject({ userId: 'ada', previousStatus: 'requires_input', status: 'verified', session: { provider: 'acme' } })
    expect(await s.handler.latestSession('ada', 'acme')).toMatchObject({ status: 'verified' })
    // A provider with no refresh says so.
    const second = await (await s.create('ada', { provider: 'acme' })).json()
    const refresh = await s.api(`/sessions/${second.sessionId}/refresh`, { method: 'POST', user: 'ada' })
    expect(refresh.status).toBe(400)
    expect((await refresh.json()).error.code).toBe('refresh_not_supported')
  })

  it('is refused at startup under a shipped provider’s name or another name than its own', () => {
    const acme = acmeProvider(acmeApi())
    const options = { apiKey: 'sk_test_acme', webhookSecret: 's' }
    const make = (name: string) =>
      createVerificationHandler({
        providers: { [name]: (deps) => acme.create(options, deps) },
        identify: () => null,
        store: createMemoryStore(),
      })
    expect(() => make('facesign')).toThrow(
      'providers.facesign: "facesign" is a provider this package ships; configure it with the facesign option.',
    )
    expect(() => make('other')).toThrow('providers.other: the adapter calls itself "acme"; register it under that name.')
  })
})
