import { queryOptions } from '@tanstack/react-query'
import { isTerminal, type VerifyClient, VerifyError } from '../core'

/** Query keys of the widget: `verificationKeys.session(id)` holds the SessionSnapshot. */
export const verificationKeys = {
  all: ['verify-widget'] as const,
  sessions: () => ['verify-widget', 'session'] as const,
  session: (sessionId: string) => ['verify-widget', 'session', sessionId] as const,
}

export function sessionQueryOptions(client: VerifyClient, sessionId: string) {
  return queryOptions({
    queryKey: verificationKeys.session(sessionId),
    queryFn: () => client.getSession(sessionId),
    // Pushes keep the cache fresh; a terminal status never changes again.
    staleTime: (query) => (isTerminal(query.state.data?.status) ? Number.POSITIVE_INFINITY : 5000),
    retry: (count, error) => error instanceof VerifyError && error.retryable && count < 3,
  })
}
