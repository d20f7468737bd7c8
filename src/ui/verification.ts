import { isBrowser } from '../core/env'
import { toVerifyError } from '../core/errors'
import { openBlankPopup } from '../core/popup'
import { readResumeSessionId } from '../core/resume'
import type { VerificationState } from '../core/store'
import type { BackendSource } from './api'
import type { Controller } from './controller'
import { BUTTON_ENGLISH, loadStrings, localeTags, type Strings, withOverrides } from './strings'
import type { Verification, VerificationEventMap, VerificationEventType, VerificationOptions, VerificationSnapshot } from './types'

/** How a skin (the React button, <verify-button>) shares its backend and mounts the widget itself. */
export interface SkinOptions {
  /** The backend connection to share (a `<VerifyProvider>`'s); by default one of its own. */
  source?: BackendSource
  /** The skin calls `mount()`; without a skin the verification shows its own UI (createVerification). */
  skin?: boolean
}

type Listener = [VerificationEventType, (detail: never) => void]

/**
 * Calls an integrator's function. One that throws is their bug, not the widget's: it is reported
 * outside production and the flow carries on (the other listeners still hear the event).
 */
export function callSafely<T>(fn: ((value: T) => void) | undefined, value: T): void {
  try {
    fn?.(value)
  } catch (error) {
    if (process.env.NODE_ENV !== 'production')
      console.error('verify-widget: a listener (callback) threw; the verification carries on.', error)
  }
}

const IDLE: VerificationState = { phase: 'idle' }

/**
 * A verification without a framework: `start()`, `cancel()`, `on(event, listener)`, `destroy()`.
 * What a page loads up front is only this: the dialog, the flow, status tracking and other
 * languages load on intent (`prefetch()` on hover or focus, or `start()`), from `./controller`.
 * The React button and `<verify-button>` are thin skins over it, so the three cannot drift.
 * Making one touches nothing of the page (SSR-safe); `mount()` and `start()` do.
 */
export function createVerification(init: VerificationOptions, { source, skin }: SkinOptions = {}): Verification {
  const options: VerificationOptions = { mode: 'modal', ...init }
  if (!skin && options.mode === 'inline' && !options.container)
    throw new TypeError('verify-widget: mode "inline" needs a `container` element to show the flow in.')
  const backend: BackendSource = source ?? {
    endpoint: options.endpoint,
    fetch: (input, request) => (options.fetch ?? globalThis.fetch)(input, request),
    getToken: options.getToken,
    tokenUrl: options.tokenUrl,
  }
  const listeners = new Set<Listener>()
  const subscribers = new Set<() => void>()
  let local = IDLE
  // The language picked, and what is shown: the rest of English (with the dialog's code) under it, the app's wording over it.
  let picked = BUTTON_ENGLISH
  let strings = picked
  let snapshot: VerificationSnapshot = { state: local, strings }
  let controller: Controller | undefined
  let loading: Promise<Controller> | undefined
  let target: [HTMLElement, HTMLElement | null | undefined] | undefined
  let unmountController: (() => void) | undefined
  let localeRequest = 0
  let destroyed = false

  const changed = () => {
    const state = controller ? controller.state() : local
    if (state === snapshot.state && strings === snapshot.strings) return
    snapshot = { state, strings }
    for (const fn of subscribers) fn()
  }
  const emit = <K extends VerificationEventType>(type: K, detail: VerificationEventMap[K]) => {
    for (const [t, fn] of listeners) if (t === type) callSafely(fn as (d: VerificationEventMap[K]) => void, detail)
  }

  function attach(): void {
    unmountController?.()
    unmountController = controller && (target ? controller.mount(...target) : skin ? undefined : controller.mountOwn())
  }

  function load(): Promise<Controller> {
    loading ??= import('./controller').then(
      ({ createController }) => {
        if (!controller && !destroyed) {
          controller = createController({ options, source: backend, emit, changed, strings: () => strings })
          compose()
          attach()
        }
        return controller!
      },
      (error: unknown) => {
        // A failed chunk load may succeed on the next try (back online).
        loading = undefined
        throw error
      },
    )
    return loading
  }

  /** A load that failed leaves a readable error where the widget shows its parts; pressing the button tries again. */
  function failLoad(error: unknown): VerificationState {
    const e = toVerifyError(error)
    local = { phase: 'error', error: e }
    changed()
    emit('error', e)
    const container = target?.[0]
    if (container) {
      const line = container.ownerDocument.createElement('p')
      line.className = 'vw-error'
      line.setAttribute('role', 'alert')
      line.textContent = strings.messages.errorNetwork
      container.replaceChildren(line)
    }
    return local
  }

  function compose(): void {
    strings = withOverrides({ ...picked, messages: { ...controller?.english, ...picked.messages } }, options.messages)
    controller?.update()
    changed()
  }

  function refreshStrings(): void {
    const request = ++localeRequest
    const apply = (next: Strings) => {
      if (request !== localeRequest) return
      picked = next
      compose()
    }
    const pending = loadStrings(localeTags(options.locale))
    if (pending) pending.then(apply, () => apply(BUTTON_ENGLISH))
    else apply(BUTTON_ENGLISH)
  }

  function resumeIfStored(): void {
    if (options.resume !== false && readResumeSessionId()) void load().catch(failLoad)
  }

  const verification: Verification = {
    start() {
      if (destroyed) {
        if (process.env.NODE_ENV !== 'production') console.error('verify-widget: start() on a destroyed verification. Create a new one.')
        return Promise.resolve(IDLE)
      }
      if (controller) return controller.start()
      let popup: Window | undefined
      try {
        // A popup opens inside the click, before the code loads, or blockers stop it. A blocked one
        // is the store's to report (it tries again, and says the window was blocked).
        if (options.mode === 'popup') popup = openBlankPopup()
      } catch {
        // Left undefined: the store opens (or reports) it.
      }
      local = { phase: 'starting' }
      changed()
      return load().then(
        (c) => {
          if (local !== IDLE) return c.start(popup)
          // A cancel while the code was loading: nothing starts.
          popup?.close()
          return c.store.getSnapshot()
        },
        (error: unknown) => {
          popup?.close()
          return failLoad(error)
        },
      )
    },
    cancel() {
      if (controller) return controller.store.cancel()
      local = IDLE
      changed()
      return Promise.resolve(local)
    },
    on(type, listener) {
      const entry: Listener = [type, listener]
      listeners.add(entry)
      return () => listeners.delete(entry)
    },
    prefetch() {
      // The flow's host is warmed up by the code that opens it, as soon as it arrives.
      if (!destroyed && isBrowser())
        load().then(
          (c) => c.prefetch(),
          () => undefined,
        )
    },
    destroy() {
      destroyed = true
      localeRequest++
      unmountController?.()
      unmountController = undefined
      target = undefined
      controller?.destroy()
      listeners.clear()
      subscribers.clear()
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      subscribers.add(listener)
      return () => subscribers.delete(listener)
    },
    setOptions(next) {
      const relocalize = ('locale' in next && next.locale !== options.locale) || ('messages' in next && next.messages !== options.messages)
      Object.assign(options, next)
      controller?.setOptions()
      if (relocalize && (target || !skin)) refreshStrings()
    },
    mount(container, trigger) {
      target = [container, trigger]
      attach()
      refreshStrings()
      resumeIfStored()
      return () => {
        if (target?.[0] !== container) return
        target = undefined
        attach()
      }
    },
  }
  if (!skin && isBrowser()) {
    refreshStrings()
    resumeIfStored()
  }
  return verification
}
