// The backend every runtime of the matrix serves, written as an integrator writes it: the package's
// public server entry, the sandbox's provider options (handed in as JSON by the test process), a
// memory store, and the user taken from a header in place of an app's own auth.
import { createMemoryStore, createVerificationHandler, type VerificationHandlerOptions } from 'verify-widget/server'

export type TestHandlerOptions = Omit<VerificationHandlerOptions, 'identify' | 'store'>

export function createTestHandler(optionsJson: string | undefined) {
  if (!optionsJson) throw new Error('VERIFY_TEST_OPTIONS is not set: the runtime launcher hands the handler options in.')
  const options = JSON.parse(optionsJson) as TestHandlerOptions
  return createVerificationHandler({
    ...options,
    store: createMemoryStore(),
    // In the runtime's output, which the test attaches to a failure.
    onError: (error) => console.error(error),
    identify: (request) => {
      const id = request.headers.get('x-test-user')
      return id ? { id } : null
    },
  })
}
