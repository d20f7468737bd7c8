// The backend every runtime of the matrix serves, written as an integrator writes it: the package's
// public server entry, the sandbox's provider options (handed in as JSON by the test process), a
// memory store, and the user taken from a header in place of an app's own auth.
import {
  createMemoryStore,
  createStandardWebhookSender,
  createTokenIdentity,
  createVerificationHandler,
  type VerificationHandlerOptions,
} from 'verify-widget/server'

export type TestHandlerOptions = Omit<VerificationHandlerOptions, 'identify' | 'store' | 'onStatusChange'> & {
  /** Identity tokens an app's backend signs (HS256): a request with `Authorization: Bearer` is theirs. */
  tokens: { secret: string; audience: string }
  /** Outcomes as Standard Webhooks to the test process. */
  outcomes: { url: string; secret: string }
}

export function createTestHandler(optionsJson: string | undefined) {
  if (!optionsJson) throw new Error('VERIFY_TEST_OPTIONS is not set: the runtime launcher hands the handler options in.')
  const { tokens, outcomes, ...options } = JSON.parse(optionsJson) as TestHandlerOptions
  const identity = createTokenIdentity({ secret: tokens.secret, audience: tokens.audience })
  return createVerificationHandler({
    ...options,
    store: createMemoryStore(),
    // In the runtime's output, which the test attaches to a failure.
    onError: (error) => console.error(error),
    identify: (request) => {
      if (request.headers.has('authorization')) return identity.identify(request)
      const id = request.headers.get('x-test-user')
      return id ? { id } : null
    },
    onStatusChange: createStandardWebhookSender({ url: outcomes.url, secrets: outcomes.secret, timeoutMs: 2000 }),
    outbox: { retryDelayMs: 50, pollMs: 500 },
  })
}
