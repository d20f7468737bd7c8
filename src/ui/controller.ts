import { resolveAllowedHosts } from '../core/config'
import { createVerificationStore, type VerificationStore } from '../core/store'
import en, { type Messages } from '../react/locales/en'
import { type BackendSource, resolveApi } from './api'
import { applyAppearance } from './appearance'
import buttonCss from './css/button.css?inline'
import { preconnect, preconnectOrigin } from './preconnect'
import { renderVerification } from './render'
import type { Strings } from './strings'
import { adoptStyles } from './styles'
import type { VerificationEventMap, VerificationEventType, VerificationOptions } from './types'

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
  /** Every English string: what a language's own catalog lies over (the button's part loads up front). */
  english: Messages
  /** Renders into a skin's element and follows the session; returns the unmount. */
  mount(container: HTMLElement, trigger?: HTMLElement | null): () => void
  /** createVerification's own UI: a shadow root in `options.container`, else (the dialog only) in the body. */
  mountOwn(): () => void
  /** Warms up the connection to the flow's concrete allowed hosts (once per document). */
  preconnect(): void
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
    onSnapshot: options.onSnapshot,
  })
  const store = createVerificationStore({ client, hub, provider, mode, ...storeOptions() })
  const messages = () => strings().messages as Messages
  const rendered = new Set<{ update(): void }>()

  const offState = store.subscribe(changed)
  const offEvents = store.on((event) => {
    if (event.type === 'error') return emit('error', event.error)
    if (event.type === 'status') return emit('status', event.result)
    const { status } = event.result
    emit(status === 'verified' ? 'verified' : status === 'failed' ? 'failed' : 'canceled', event.result)
  })

  function mount(container: HTMLElement, trigger?: HTMLElement | null, parts = true): () => void {
    // In a shadow root the parts need their stylesheet (a chunk of its own, which the React button,
    // in a document that has styles.css, never loads).
    const root = container.getRootNode()
    if (root instanceof ShadowRoot) void import('./css/parts.css?inline').then((css) => adoptStyles(root, 'parts', css.default))
    const view = renderVerification({ store, provider, mode, container, trigger, parts, messages })
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
    english: en,
    preconnect() {
      for (const host of resolveAllowedHosts(options.allowedHosts)) {
        const origin = preconnectOrigin(host)
        if (origin) preconnect(origin)
      }
    },
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
