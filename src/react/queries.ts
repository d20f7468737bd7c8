import { type DataTag, type QueryClient, queryOptions, type SkipToken, skipToken, type UseQueryOptions } from '@tanstack/react-query'
import { isTerminal, mergeStatus, type SessionSnapshot, type VerifyClient, VerifyError } from '../core'

// A function of its own, not read off `verificationKeys`: the hooks that write pushes into the
// cache then carry no key table an app that never reads it would ship (an object is kept whole).
const sessionKey = (sessionId: string | undefined) => ['verify-widget', 'session', sessionId] as const

/** Query keys of the widget: `verificationKeys.session(id)` holds the SessionSnapshot. */
export const verificationKeys = {
  all: ['verify-widget'] as const,
  sessions: () => ['verify-widget', 'session'] as const,
  /** `undefined`: the key of the disabled query `useVerificationStatus(skipToken)` keeps. */
  session: sessionKey,
}

type SessionKey = ReturnType<typeof sessionKey>

/**
 * Written out rather than inferred: the inferred type names `@tanstack/query-core`, which an app
 * resolves only when its package manager hoists it (pnpm does not).
 */
export type SessionQueryOptions = UseQueryOptions<SessionSnapshot, Error, SessionSnapshot, SessionKey> & {
  queryKey: DataTag<SessionKey, SessionSnapshot, Error>
}

/**
 * Two snapshots of one session → the one to keep, through the one status merge: a late or
 * duplicated answer never moves a session back (a terminal status stays).
 */
export function mergeSnapshot(prev: SessionSnapshot | undefined, next: SessionSnapshot): SessionSnapshot {
  return prev && mergeStatus(prev.status, next.status) !== next.status ? prev : next
}

/** Writes a pushed snapshot into the session's cache entry (merged, never a step back). */
export function setSessionSnapshot(queryClient: QueryClient, snapshot: SessionSnapshot): void {
  queryClient.setQueryData<SessionSnapshot>(sessionKey(snapshot.sessionId), (prev) => mergeSnapshot(prev, snapshot))
}

/**
 * The session query. `skipToken` (or no id) is TanStack Query's disabled query: no request,
 * `status: 'pending'` with `fetchStatus: 'idle'` until there is an id.
 */
export function sessionQueryOptions(client: VerifyClient, sessionId: string | SkipToken | undefined): SessionQueryOptions {
  const id = sessionId === skipToken ? undefined : sessionId || undefined
  return queryOptions({
    queryKey: sessionKey(id),
    queryFn: id ? () => client.getSession(id) : skipToken,
    // Pushes keep the cache fresh; a terminal status never changes again.
    staleTime: (query) => (isTerminal(query.state.data?.status) ? Number.POSITIVE_INFINITY : 5000),
    // A fetch that answers with an older status than a push already wrote keeps the pushed one.
    structuralSharing: (prev, next) => mergeSnapshot(prev as SessionSnapshot | undefined, next as SessionSnapshot),
    retry: (count, error) => error instanceof VerifyError && error.retryable && count < 3,
  })
}
