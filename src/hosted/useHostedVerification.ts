import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { createVerifyClient, type Provider, type VerificationState, type VerificationStore } from '../core'
import { createVerificationStore } from '../core/store'
import type { HostedConfig } from './config'

export interface HostedVerification {
  state: VerificationState
  store: VerificationStore
  /** The provider of the session on screen, which a resumed session decides. */
  provider: Provider
}

/**
 * The same core store the widget uses, without TanStack Query (the page's JS budget has no room
 * for it): resume the named session, else start one for the signed-in user.
 */
export function useHostedVerification(config: HostedConfig): HostedVerification {
  // FaceVerify returns to `/?session=…` with no provider in the URL: a resumed session that turns
  // out to be the other provider's gets a store of its own, which resumes it again. A provider the
  // URL names wins over a session left in sessionStorage.
  const [provider, setProvider] = useState(config.provider)
  const store = useMemo(
    () =>
      createVerificationStore({
        client: createVerifyClient({ endpoint: config.endpoint }),
        provider,
        // FaceSign runs inline in the page; FaceVerify always leaves for the provider's page.
        mode: provider === 'facesign' ? 'inline' : 'redirect',
        allowedHosts: config.allowedHosts,
        resume: false,
        // Called before the store drops a snapshot of another provider's session.
        onSnapshot: (snapshot) => {
          if (!config.providerFromUrl) setProvider(snapshot.provider)
        },
      }),
    [provider, config.endpoint, config.allowedHosts, config.providerFromUrl],
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

  // A reload mid-flow resumes from the stored id alone (never a secret), so there is no flow to show:
  // asking for the session again returns the person's open one with a fresh secret, and the
  // FaceSign flow comes back. FaceVerify is left alone: a return from its page must not leave again.
  const { phase, session, status } = state
  useEffect(() => {
    if (provider === 'facesign' && phase === 'active' && !session && (status === 'requires_input' || status === 'in_progress')) {
      void store.start()
    }
  }, [store, provider, phase, session, status])

  return { state, store, provider }
}
