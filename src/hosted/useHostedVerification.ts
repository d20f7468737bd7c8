import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { createVerifyClient, type HandoffLink, type Provider, type VerificationState, type VerificationStore } from '../core'
import { toVerifyError, type VerifyError } from '../core/errors'
import { createHandoff } from '../core/handoff'
import { saveSessionId } from '../core/storage'
import { createVerificationStore } from '../core/store'
import { checkCamera } from '../ui/camera'
import type { HostedConfig } from './config'
import { deviceClient } from './device-client'

/** What the page shows instead of the flow: a blocked camera, no camera, a flow that did not load, or a link to a phone. */
export interface HostedDevice {
  view: 'camera_denied' | 'no_camera' | 'flow_failed' | 'handoff'
  /** The link on screen (the desktop's "continue on your phone"). */
  link?: HandoffLink
  error?: VerifyError
}

export interface HostedVerification {
  state: VerificationState
  store: VerificationStore
  /** The provider of the session on screen, which a resumed session decides. */
  provider: Provider
  /** The camera is being checked (before any session). */
  checking: boolean
  device: HostedDevice | undefined
  /** The session's handoff state as its stream tells it: `waiting` for the phone, `opened` on it. */
  handoff: string | undefined
  /** Checks the camera, then starts (what "Try again" does after a blocked camera). */
  begin(): void
  /** Shows the phone option, or a new link for it. */
  toPhone(): void
  /** The flow's frame did not load. */
  flowFailed(): void
  /** Back to the flow after it did not load. */
  retryFlow(): void
}

/**
 * The same core store the widget uses, without TanStack Query (the page's JS budget has no room
 * for it): resume the named session, else check the camera and start one for the signed-in user, or,
 * on a phone that opened a link, claim that link's session.
 */
export function useHostedVerification(config: HostedConfig): HostedVerification {
  // FaceVerify returns to `/?session=…` with no provider in the URL: a resumed session that turns
  // out to be the other provider's gets a store of its own, which resumes it again. A provider the
  // URL names wins over a session left in sessionStorage.
  const [provider, setProvider] = useState(config.provider)
  const [device, setDevice] = useState<HostedDevice>()
  const [handoff, setHandoff] = useState<string>()
  const [checking, setChecking] = useState(false)
  const client = useMemo(() => createVerifyClient({ endpoint: config.endpoint }), [config.endpoint])
  const store = useMemo(
    () =>
      createVerificationStore({
        client: config.device ? deviceClient(client, config.handoffToken) : client,
        provider,
        // FaceSign runs inline in the page; FaceVerify always leaves for the provider's page.
        mode: provider === 'facesign' ? 'inline' : 'redirect',
        allowedHosts: config.allowedHosts,
        resume: false,
        // Called before the store drops a snapshot of another provider's session.
        onSnapshot: (snapshot) => {
          setHandoff(snapshot.handoff)
          if (!config.providerFromUrl) setProvider(snapshot.provider)
        },
      }),
    [client, provider, config.allowedHosts, config.providerFromUrl, config.device, config.handoffToken],
  )
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)

  const begin = useCallback(async () => {
    setDevice(undefined)
    if (config.cameraCheck !== false) {
      setChecking(true)
      const camera = await checkCamera()
      setChecking(false)
      if (camera.result === 'denied') return setDevice({ view: 'camera_denied' })
      // A phone without a camera cannot hand on again: it is told so; a computer is offered its phone.
      if (camera.result !== 'ok') return setDevice({ view: config.device ? 'no_camera' : 'handoff' })
    }
    void store.start()
  }, [store, config.cameraCheck, config.device])

  // StrictMode runs effects twice: the page begins once per store.
  const begun = useRef<VerificationStore>(undefined)
  useEffect(() => {
    const deactivate = store.activate()
    if (begun.current !== store && store.getSnapshot().phase === 'idle') {
      begun.current = store
      if (config.sessionId) store.resume(config.sessionId)
      else void begin()
    }
    return deactivate
  }, [store, config.sessionId, begin])

  // A link for the phone, made when the view asks for one: for the session on screen, else a new one
  // that waits for the phone (no provider call). The page then follows that session.
  const wantsLink = device?.view === 'handoff' && !device.link && !device.error && handoff !== 'opened'
  useEffect(() => {
    if (!wantsLink) return
    let current = true
    const { sessionId, phase } = store.getSnapshot()
    createHandoff(client, sessionId && phase === 'active' ? { sessionId } : { provider }).then(
      (link) => {
        if (!current) return
        const id = link.session.sessionId
        saveSessionId(id)
        setHandoff(link.session.handoff)
        if (store.getSnapshot().sessionId !== id || store.getSnapshot().phase !== 'active') store.resume(id)
        setDevice({ view: 'handoff', link })
      },
      (error: unknown) => current && setDevice({ view: 'handoff', error: toVerifyError(error) }),
    )
    return () => {
      current = false
    }
  }, [wantsLink, client, store, provider])

  // A reload mid-flow resumes from the stored id alone (never a secret), so there is no flow to show:
  // asking for the session again returns the person's open one with a fresh secret, and the
  // FaceSign flow comes back. FaceVerify is left alone: a return from its page must not leave again.
  // A session waiting for (or opened on) a phone stays there: this device shows the link's steps.
  const { phase, session, status } = state
  useEffect(() => {
    if (provider !== 'facesign' || phase !== 'active' || session || (status !== 'requires_input' && status !== 'in_progress')) return
    if (handoff && !config.device) setDevice((d) => d ?? { view: 'handoff' })
    else if (!handoff || config.device) void store.start()
  }, [store, provider, phase, session, status, handoff, config.device])

  return {
    state,
    store,
    provider,
    checking,
    device,
    handoff,
    begin: () => void begin(),
    toPhone: () => setDevice({ view: 'handoff' }),
    flowFailed: () => setDevice({ view: 'flow_failed' }),
    retryFlow: () => setDevice(undefined),
  }
}
