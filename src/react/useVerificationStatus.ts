'use client'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { isTerminal, type SessionSnapshot, trackSessionStatus } from '../core'
import { useVerifyContext } from './context'
import { sessionQueryOptions, verificationKeys } from './queries'

/**
 * A session's status as a query; a push subscription (SSE, else polling) writes each snapshot
 * into the same cache entry until the status is terminal.
 */
export function useVerificationStatus(sessionId: string | undefined) {
  const { client } = useVerifyContext('useVerificationStatus')
  const queryClient = useQueryClient()
  const query = useQuery({ ...sessionQueryOptions(client, sessionId ?? ''), enabled: !!sessionId })
  const done = isTerminal(query.data?.status)
  useEffect(() => {
    if (!sessionId || done) return
    const key = verificationKeys.session(sessionId)
    const tracker = trackSessionStatus({
      client,
      sessionId,
      // Out-of-order pushes never move a terminal entry back.
      onSnapshot: (s) => queryClient.setQueryData<SessionSnapshot>(key, (prev) => (prev && isTerminal(prev.status) ? prev : s)),
    })
    return tracker.stop
  }, [client, sessionId, queryClient, done])
  return query
}
