'use client'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import type { Provider, SessionSnapshot, VerificationResult, VerificationState, VerificationStore, VerifyError, VerifyMode } from '../core'
import { createVerificationStore } from '../core/store'
import { setSessionSnapshot } from './queries'
import { useVerifyContext } from './useVerifyContext'

export interface VerificationCallbacks {
  onVerified?: (result: VerificationResult) => void
  onFailed?: (result: VerificationResult) => void
  /** Canceled by the person, or expired. */
  onCancel?: (result: VerificationResult) => void
  onError?: (error: VerifyError) => void
  onStatusChange?: (result: VerificationResult) => void
}

export interface UseVerificationOptions extends VerificationCallbacks {
  provider: Provider
  mode?: VerifyMode
  /** ISO 3166-1 alpha-2, passed to the backend. */
  country?: string
  /** Resume the session kept in sessionStorage or `?session=` (default true). */
  resume?: boolean
}

export interface UseVerificationResult extends VerificationState {
  /** `store.start()`: never rejects; resolves with the state the attempt ended in (errors also reach `onError`). */
  start: () => Promise<VerificationState>
  /** `store.cancel()`: never rejects; resolves with the state after the cancel. */
  cancel: () => Promise<VerificationState>
  store: VerificationStore
}

/**
 * Thin over the core store, made like TanStack's observer: once per mounted widget (and per
 * `provider` and `mode`, which pick the flow), then updated in place. A re-render with new
 * option or callback identities never rebuilds it, so a running session, its dialog and its
 * stream carry on. Callbacks are read through a ref.
 */
export function useVerification(options: UseVerificationOptions): UseVerificationResult {
  const { client, hub, allowedHosts } = useVerifyContext('useVerification')
  const queryClient = useQueryClient()
  const { provider, mode, country, resume } = options
  const latest = {
    country,
    resume,
    allowedHosts,
    // Pushes land in the same cache useVerificationStatus reads.
    onSnapshot: (snapshot: SessionSnapshot) => setSessionSnapshot(queryClient, snapshot),
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the other options are set in place below
  const store = useMemo(() => createVerificationStore({ client, hub, provider, mode, ...latest }), [client, hub, provider, mode])
  // Before the activate effect below, which reads `resume`.
  useEffect(() => store.setOptions(latest))
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  const callbacks = useRef(options)
  useEffect(() => {
    callbacks.current = options
  })
  useEffect(() => {
    const off = store.on((event) => {
      const cb = callbacks.current
      if (event.type === 'error') return cb.onError?.(event.error)
      if (event.type === 'status') return cb.onStatusChange?.(event.result)
      const { status } = event.result
      if (status === 'verified') cb.onVerified?.(event.result)
      else if (status === 'failed') cb.onFailed?.(event.result)
      else cb.onCancel?.(event.result)
    })
    const deactivate = store.activate()
    return () => {
      off()
      deactivate()
    }
  }, [store])
  return { ...state, start: store.start, cancel: store.cancel, store }
}
