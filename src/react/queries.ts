import { type DataTag, queryOptions, type UseQueryOptions } from '@tanstack/react-query'
import { isTerminal, type SessionSnapshot, type VerifyClient, VerifyError } from '../core'

/** Query keys of the widget: `verificationKeys.session(id)` holds the SessionSnapshot. */
export const verificationKeys = {
  all: ['verify-widget'] as const,
  sessions: () => ['verify-widget', 'session'] as const,
  session: (sessionId: string) => ['verify-widget', 'session', sessionId] as const,
}

type SessionKey = ReturnType<typeof verificationKeys.session>

/**
 * Written out rather than inferred: the inferred type names `@tanstack/query-core`, which an app
 * resolves only when its package manager hoists it (pnpm does not).
 */
export type SessionQueryOptions = UseQueryOptions<SessionSnapshot, Error, SessionSnapshot, SessionKey> & {
  queryKey: DataTag<SessionKey, SessionSnapshot, Error>
}

export function sessionQueryOptions(client: VerifyClient, sessionId: string): SessionQueryOptions {
  return queryOptions({
    queryKey: verificationKeys.session(sessionId),
    queryFn: () => client.getSession(sessionId),
    // Pushes keep the cache fresh; a terminal status never changes again.
    staleTime: (query) => (isTerminal(query.state.data?.status) ? Number.POSITIVE_INFINITY : 5000),
    retry: (count, error) => error instanceof VerifyError && error.retryable && count < 3,
  })
}
