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

export interface HostedSnapshot {
  state: VerificationState
  store: VerificationStore
  /** The provider of the session on screen, which a resumed session decides. */
  provider: Provider
  /** The camera is being checked (before any session). */
  checking: boolean
  device: HostedDevice | undefined
  /** The session's handoff state as its stream tells it: `waiting` for the phone, `opened` on it. */
  handoff: string | undefined
}

export interface HostedVerification {
  getSnapshot(): HostedSnapshot
  subscribe(listener: () => void): () => void
  /** Checks the camera, then starts (what "Try again" does after a blocked camera). */
  begin(): void
  cancel(): void
  /** Shows the phone option, or a new link for it. */
  toPhone(): void
  /** The flow's frame did not load. */
  flowFailed(): void
  /** Back to the flow after it did not load. */
  retryFlow(): void
  /** Stops following the session and drops every listener; safe to call twice. */
  destroy(): void
}

/**
 * The same core store the widget uses, without TanStack Query (the page's JS budget has no room
 * for it): resume the named session, else check the camera and start one for the signed-in user, or,
 * on a phone that opened a link, claim that link's session. Begins as soon as it is made.
 */
export function createHostedVerification(config: HostedConfig): HostedVerification {
  const client = createVerifyClient({ endpoint: config.endpoint })
  const listeners = new Set<() => void>()
  let provider = config.provider
  let device: HostedDevice | undefined
  let handoff: string | undefined
  let checking = false
  let destroyed = false
  let store: VerificationStore
  let release = () => {}
  // The link being made; a later change (a cancel, a new store) drops its answer.
  let making: object | undefined
  let snapshot: HostedSnapshot
  let reacting = false

  // Listeners hear every change at once; what follows from it runs after, once per turn, as effects
  // follow a render (never inside the store's own update, which is still under way).
  function changed(): void {
    if (destroyed) return
    snapshot = { state: store.getSnapshot(), store, provider, checking, device, handoff }
    for (const listener of listeners) listener()
    if (reacting) return
    reacting = true
    queueMicrotask(() => {
      reacting = false
      if (!destroyed) react()
    })
  }

  const show = (next: HostedDevice | undefined) => {
    device = next
    changed()
  }

  /**
   * FaceVerify returns to `/?session=…` with no provider in the URL: a resumed session that turns out
   * to be the other provider's gets a store of its own, which resumes it again. A provider the URL
   * names wins over a session left in sessionStorage.
   */
  function open(): void {
    release()
    making = undefined
    const made = createVerificationStore({
      client: config.device ? deviceClient(client, config.handoffToken) : client,
      provider,
      // FaceSign runs inline in the page; FaceVerify always leaves for the provider's page.
      mode: provider === 'facesign' ? 'inline' : 'redirect',
      allowedHosts: config.allowedHosts,
      resume: false,
      // Called before the store applies a snapshot (or drops one of another provider's session).
      onSnapshot: (next) => {
        if (store !== made) return
        handoff = next.handoff
        if (!config.providerFromUrl && next.provider !== provider) {
          provider = next.provider
          open()
        }
      },
    })
    store = made
    const unsubscribe = made.subscribe(changed)
    const deactivate = made.activate()
    release = () => {
      unsubscribe()
      deactivate()
    }
    if (config.sessionId) made.resume(config.sessionId)
    else void begin()
    changed()
  }

  async function begin(): Promise<void> {
    device = undefined
    if (config.cameraCheck !== false) {
      checking = true
      changed()
      const camera = await checkCamera()
      checking = false
      if (destroyed) return
      if (camera.result === 'denied') return show({ view: 'camera_denied' })
      // A phone without a camera cannot hand on again: it is told so; a computer is offered its phone.
      if (camera.result !== 'ok') return show({ view: config.device ? 'no_camera' : 'handoff' })
    }
    changed()
    void store.start()
  }

  /**
   * A link for the phone, made when the view asks for one: for the session on screen, else a new one
   * that waits for the phone (no provider call). The page then follows that session.
   */
  function makeLink(): void {
    const request = {}
    making = request
    const { sessionId, phase } = store.getSnapshot()
    createHandoff(client, sessionId && phase === 'active' ? { sessionId } : { provider }).then(
      (link) => {
        if (making !== request) return
        making = undefined
        const id = link.session.sessionId
        saveSessionId(id)
        handoff = link.session.handoff
        device = { view: 'handoff', link }
        if (store.getSnapshot().sessionId !== id || store.getSnapshot().phase !== 'active') store.resume(id)
        changed()
      },
      (error: unknown) => {
        if (making !== request) return
        making = undefined
        show({ view: 'handoff', error: toVerifyError(error) })
      },
    )
  }

  /** What follows from a change; each step holds itself back once done, so running it again changes nothing. */
  function react(): void {
    const wantsLink = device?.view === 'handoff' && !device.link && !device.error && handoff !== 'opened'
    if (!wantsLink) making = undefined
    else if (!making) makeLink()
    // A reload mid-flow resumes from the stored id alone (never a secret), so there is no flow to show:
    // asking for the session again returns the person's open one with a fresh secret, and the FaceSign
    // flow comes back. FaceVerify is left alone: a return from its page must not leave again. A session
    // waiting for (or opened on) a phone stays there: this device shows the link's steps.
    const { phase, session, status } = store.getSnapshot()
    if (provider !== 'facesign' || phase !== 'active' || session || (status !== 'requires_input' && status !== 'in_progress')) return
    if (handoff && !config.device) {
      if (!device) show({ view: 'handoff' })
    } else void store.start()
  }

  open()
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    begin: () => void begin(),
    cancel: () => void store.cancel(),
    toPhone: () => show({ view: 'handoff' }),
    flowFailed: () => show({ view: 'flow_failed' }),
    retryFlow: () => show(undefined),
    destroy() {
      destroyed = true
      making = undefined
      release()
      listeners.clear()
    },
  }
}
