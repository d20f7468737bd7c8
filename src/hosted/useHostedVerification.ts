import { useEffect, useState, useSyncExternalStore } from 'react'
import { createVerificationStore, createVerifyClient, type VerificationState, type VerificationStore } from '../core'
import type { HostedConfig } from './config'

export interface HostedVerification {
  state: VerificationState
  store: VerificationStore
}

/**
 * The same core store the widget uses, without TanStack Query (the page's JS budget has no room
 * for it): resume the named session, else start one for the signed-in user.
 */
export function useHostedVerification(config: HostedConfig): HostedVerification {
  const [store] = useState(() =>
    createVerificationStore({
      client: createVerifyClient({ endpoint: config.endpoint }),
      provider: config.provider,
      // FaceSign runs inline in the page; FaceVerify always leaves for the provider's page.
      mode: config.provider === 'facesign' ? 'inline' : 'redirect',
      allowedHosts: config.allowedHosts,
      resume: false,
    }),
  )
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)

  useEffect(() => {
    const deactivate = store.activate()
    // StrictMode runs this twice: the second run finds the store no longer idle and leaves it be.
    if (store.getSnapshot().phase === 'idle') {
      if (config.sessionId) store.resume(config.sessionId)
      else void store.start()
    }
    return deactivate
  }, [store, config.sessionId])

  return { state, store }
}
