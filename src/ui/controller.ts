import { resolveAllowedHosts } from '../core/config'
import { createVerificationStore, type VerificationState, type VerificationStore } from '../core/store'
import type { HandoffLink, SessionSnapshot } from '../core/types'
import en, { type Messages } from '../react/locales/en'
import { type BackendSource, resolveApi } from './api'
import { applyAppearance } from './appearance'
import { browserFamily, type CameraCheck, checkCamera } from './camera'
import buttonCss from './css/button.css?inline'
import type { DeviceContext } from './device'
import { preconnect, preconnectOrigin } from './preconnect'
import { renderVerification } from './render'
import type { Strings } from './strings'
import { adoptStyles } from './styles'
import type { HandoffReason, VerificationEventMap, VerificationEventType, VerificationOptions, VerifyEvent } from './types'

/**
 * What shows instead of the flow: how to allow a blocked camera, a flow that did not load, or "continue
 * on your phone" (with its link once made). Rendered by ./device, a chunk loaded when one shows.
 */
export interface DeviceState {
  view: 'camera_denied' | 'flow_failed' | 'handoff'
  reason: HandoffReason
  /** The link on screen, and whether the phone opened it (from the session's stream). */
  link?: HandoffLink
}

export interface ControllerInit {
  /** The verification's options object (setOptions changes it in place). */
  options: VerificationOptions
  source: BackendSource
  emit: <K extends VerificationEventType>(type: K, detail: VerificationEventMap[K]) => void
  /** The store's state changed. */
  changed: () => void
  strings: () => Strings
}

export interface Controller {
  store: VerificationStore
  /** The store's state, or `starting` while the camera is checked. */
  state(): VerificationState
  /** Checks the camera (unless turned off), then starts the store; shows the phone option instead when there is no usable camera. */
  start(popup?: Window): Promise<VerificationState>
  /** Ahead of a start (hover, focus): checks the camera (a start within seconds uses the answer) and, unless `prefetch` is off, preconnects. */
  prefetch(): void
  /** Every English string: what a language's own catalog lies over (the button's part loads up front). */
  english: Messages
  /** Renders into a skin's element and follows the session; returns the unmount. */
  mount(container: HTMLElement, trigger?: HTMLElement | null): () => void
  /** createVerification's own UI: a shadow root in `options.container`, else (the dialog only) in the body. */
  mountOwn(): () => void
  /** New strings or options: render again. */
  update(): void
  setOptions(): void
  destroy(): void
}

/**
 * What loads on intent: the state machine, the backend client and status tracking (verify-widget/core),
 * the UI renderer and dialog, and the rest of English. One per verification; made by createVerification.
 */
export function createController({ options, source, emit, changed, strings }: ControllerInit): Controller {
  const { provider, mode = 'modal' } = options
  const { client, hub } = resolveApi(source)
  const storeOptions = () => ({
    country: options.country,
    allowedHosts: resolveAllowedHosts(options.allowedHosts),
    resume: options.resume,
    // The handoff state rides on the session's snapshots ("opened on your phone"); the latest option hears them too.
    onSnapshot: (snapshot: SessionSnapshot) => {
      handoff.state = snapshot.handoff
      options.onSnapshot?.(snapshot)
    },
  })
  const store = createVerificationStore({ client, hub, provider, mode, ...storeOptions() })
  const messages = () => strings().messages as Messages
  const rendered = new Set<{ update(): void }>()
  const tell = (event: VerifyEvent) => emit('event', event)
  const handoff: { state?: string } = {}
  let device: DeviceState | undefined
  let checking: [Promise<CameraCheck>, number] | undefined
  let starting = false

  const render = () => {
    changed()
    for (const view of rendered) view.update()
  }
  const showDevice = (next: DeviceState | undefined) => {
    device = next
    render()
  }
  const context: DeviceContext = {
    client,
    provider,
    store,
    options,
    strings,
    handoff,
    show: showDevice,
    tell,
    emit,
    retry: () => void start(),
  }
  // The check takes a few milliseconds; one made on hover lets a press within seconds go ahead at once.
  // Only a usable camera is taken from it: a blocked one may have been allowed since (a retry).
  const warm = () => {
    if (!checking || Date.now() - checking[1] > 5000) checking = [checkCamera(), Date.now()]
    return checking[0]
  }

  async function start(popup?: Window): Promise<VerificationState> {
    const s = store.getSnapshot()
    // One start at a time: a press is a pointerdown and then a click, and each starts. One while the
    // camera is checked, or while a view of the device shows (the phone's link, a blocked camera, a flow
    // that did not load), leaves things as they are: never a second check, nor the flow over the phone's
    // link. Their own Try again clears the view first.
    if (starting || device) {
      popup?.close()
      return s
    }
    if (options.cameraCheck !== false && !s.session && s.phase !== 'starting') {
      starting = true
      changed()
      const early = checking && Date.now() - checking[1] < 5000 ? await checking[0] : undefined
      checking = undefined
      const camera = early?.result === 'ok' ? early : await checkCamera()
      starting = false
      tell({ type: 'camera_checked', ...camera })
      if (camera.result !== 'ok') {
        popup?.close()
        if (camera.result === 'insecure')
          console.error(
            'verify-widget: the camera works only on a secure page (https, or http://localhost): the person is offered their phone.',
          )
        if (camera.result === 'denied')
          tell({ type: 'camera_denied', browser: browserFamily(navigator.userAgent, navigator.maxTouchPoints) })
        showDevice(
          camera.result === 'denied' ? { view: 'camera_denied', reason: 'camera_denied' } : { view: 'handoff', reason: 'no_camera' },
        )
        return store.getSnapshot()
      }
    }
    showDevice(undefined)
    const state = await store.start(popup)
    // The embedded flow tells when its frame is added (./render); a page the flow leaves for, here.
    if (state.session && (provider === 'faceverify' || mode === 'redirect' || mode === 'popup'))
      tell({ type: 'flow_opened', sessionId: state.sessionId!, provider, mode })
    return state
  }

  const offState = store.subscribe(() => {
    // A result (on this device or the phone) or an error ends what showed instead of the flow.
    const { phase } = store.getSnapshot()
    if (device && (phase === 'done' || phase === 'error')) device = undefined
    changed()
  })
  const offEvents = store.on((event) => {
    if (event.type === 'error') return emit('error', event.error)
    if (event.type === 'status') {
      tell({ type: 'status_changed', sessionId: event.result.sessionId, status: event.result.status })
      return emit('status', event.result)
    }
    const { status } = event.result
    emit(status === 'verified' ? 'verified' : status === 'failed' ? 'failed' : 'canceled', event.result)
  })

  function mount(container: HTMLElement, trigger?: HTMLElement | null, parts = true): () => void {
    // In a shadow root the parts need their stylesheet (a chunk of its own, which the React button,
    // in a document that has styles.css, never loads).
    const root = container.getRootNode()
    if (root instanceof ShadowRoot) void import('./css/parts.css?inline').then((css) => adoptStyles(root, 'parts', css.default))
    const view = renderVerification({
      store,
      provider,
      mode,
      container,
      trigger,
      parts,
      messages,
      options,
      device: () => device,
      context,
      start,
    })
    rendered.add(view)
    const deactivate = store.activate()
    return () => {
      rendered.delete(view)
      view.destroy()
      deactivate()
    }
  }

  function mountOwn(): () => void {
    const doc = document
    const host = doc.createElement('div')
    host.setAttribute('data-verify-widget', '')
    const shadow = host.attachShadow({ mode: 'open' })
    const root = doc.createElement('div')
    const parts = doc.createElement('div')
    adoptStyles(shadow, 'button', buttonCss)
    root.className = 'vw-root vw-shadow'
    root.setAttribute('part', 'root')
    parts.className = 'vw-parts'
    root.append(parts)
    shadow.append(root)
    ;(options.container ?? doc.body).append(host)
    const paint = {
      update() {
        const { locale, dir } = strings()
        root.lang = locale
        root.dir = dir
        root.dataset.theme = options.appearance?.theme ?? 'auto'
        applyAppearance(root, options.appearance)
      },
    }
    paint.update()
    rendered.add(paint)
    const unmount = mount(parts, null, !!options.container)
    return () => {
      rendered.delete(paint)
      unmount()
      host.remove()
    }
  }

  return {
    store,
    state: () => (starting ? STARTING : store.getSnapshot()),
    start,
    prefetch() {
      if (options.cameraCheck !== false) void warm()
      // Warms up the connection to the flow's concrete allowed hosts (once per document).
      if (options.prefetch !== false)
        for (const host of resolveAllowedHosts(options.allowedHosts)) {
          const origin = preconnectOrigin(host)
          if (origin) preconnect(origin)
        }
    },
    english: en,
    mount,
    mountOwn,
    update() {
      for (const view of rendered) view.update()
    },
    setOptions() {
      store.setOptions(storeOptions())
      for (const view of rendered) view.update()
    },
    destroy() {
      offState()
      offEvents()
    },
  }
}

const STARTING: VerificationState = { phase: 'starting' }
