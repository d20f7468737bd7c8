'use client'
import { type SkipToken, skipToken, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { isTerminal } from '../core'
import { sessionQueryOptions, setSessionSnapshot } from './queries'
import { useVerifyContext } from './useVerifyContext'

/**
 * A session's status as a TanStack query (`verificationKeys.session(id)`). While it is not
 * terminal, the provider's shared subscription (SSE, else polling) writes each push into the
 * same cache entry: a `<VerifyButton>` following the same session shares that one stream.
 *
 * `skipToken` or `undefined` (no session yet) gives TanStack Query's disabled query: no request
 * and no stream, `status: 'pending'`, `fetchStatus: 'idle'`, `data: undefined`.
 */
export function useVerificationStatus(sessionId: string | SkipToken | undefined) {
  const { client, hub } = useVerifyContext('useVerificationStatus')
  const queryClient = useQueryClient()
  const query = useQuery(sessionQueryOptions(client, sessionId))
  const id = sessionId === skipToken ? undefined : sessionId
  const done = isTerminal(query.data?.status)
  useEffect(() => {
    if (!id || done) return
    return hub.watch(id, { onSnapshot: (snapshot) => setSessionSnapshot(queryClient, snapshot) }).stop
  }, [hub, id, queryClient, done])
  return query
}
