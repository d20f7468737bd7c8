import type { VerifyClient } from './client'
import { toVerifyError, VerifyError } from './errors'
import { FaceSignClient, type FaceSignClientOptions, type FaceSignFlow } from './facesign'
import type { StatusHub, StatusWatch } from './hub'
import { navigatePopup, openBlankPopup, redirectTo } from './navigate'
import { isTerminal, mergeStatus } from './status'
import { clearSessionId, readResumeSessionId, saveSessionId } from './storage'
import { trackSessionStatus } from './tracker'
import type { FlowMessage, Provider, SessionSnapshot, SessionStatus, VerificationSession, VerifyMode } from './types'

/** idle → starting → active → done, or error (from which `start` tries again). */
export type VerificationPhase = 'idle' | 'starting' | 'active' | 'done' | 'error'

export interface VerificationState {
  phase: VerificationPhase
  sessionId?: string
  status?: SessionStatus
  /** The created session (absent when tracking resumed from a stored id). */
  session?: VerificationSession
  livemode?: boolean
  error?: VerifyError
}

/** What callbacks receive: the backend's view of the session, never a secret. */
export interface VerificationResult {
  sessionId: string
  provider: Provider
  status: SessionStatus
  livemode: boolean | undefined
}

export type VerificationEvent =
  | { type: 'status'; result: VerificationResult }
  | { type: 'terminal'; result: VerificationResult }
  | { type: 'error'; error: VerifyError }

export interface VerificationStoreOptions {
  client: VerifyClient
  provider: Provider
  mode?: VerifyMode
  country?: string
  allowedHosts?: readonly string[]
  /** Resume a stored session when activated (default true). */
  resume?: boolean
  /** Every backend snapshot, e.g. to write it into a query cache. */
  onSnapshot?: (snapshot: SessionSnapshot) => void
  /**
   * The page's status subscriptions (`createStatusHub`, from `verify-widget/core/hub`), shared with
   * every other store and hook on the same backend: one stream per session, terminal callbacks once
   * per session. `<VerifyProvider>` passes its own. Without one, the store follows its session alone.
   */
  hub?: StatusHub
  /** Without a `hub` only: defaults to the global EventSource; `null` polls only. */
  EventSource?: typeof EventSource | null
  title?: string
}

export interface VerificationStore {
  getSnapshot(): VerificationState
  subscribe(listener: () => void): () => void
  on(listener: (event: VerificationEvent) => void): () => void
  /**
   * Creates (or reopens) the session and launches the flow; concurrent calls share one request.
   * Like TanStack Query's `refetch()`, it never rejects: it resolves with the state the attempt
   * ended in (`active`, `done` or `error` with its `error`, which listeners also hear).
   * Popup mode: `popup` is a window the caller opened inside the click (when code had to load
   * first); without one the store opens it.
   */
  start(popup?: Window): Promise<VerificationState>
  /**
   * Cancels the running session through the backend. Never rejects: resolves with the state
   * after it: `done` with `canceled` (or with the result the backend already had), `idle` when
   * nothing was running (a finished session is let go), `error` when the backend could not be
   * reached. Called while starting, it resolves when that start has ended, canceled.
   */
  cancel(): Promise<VerificationState>
  resume(sessionId: string): void
  /** Mounts the FaceSign iframe into `element` (`title`: its accessible name); returns the cleanup. */
  attachFlow(element: HTMLElement, title?: string): () => void
  /** Starts tracking while something is mounted; returns the matching deactivate. */
  activate(): () => void
  /**
   * Updates the options that may change while a session runs (TanStack's `observer.setOptions`):
   * each is read when next used, and nothing restarts. `client`, `provider`, `mode`, `hub` and
   * `EventSource` are fixed for the store's life: a different one needs a new store.
   */
  setOptions(options: Partial<Pick<VerificationStoreOptions, MutableOption>>): void
}

/** The options `setOptions` may change in place. */
export type MutableOption = 'country' | 'allowedHosts' | 'resume' | 'onSnapshot' | 'title'

const IDLE: VerificationState = { phase: 'idle' }

/**
 * Calls an integrator's function (an `on` listener, `onSnapshot`). One that throws is their bug,
 * not the widget's: it is reported outside production and the flow carries on (never a
 * network_error, never the error state, and the other listeners still hear the event).
 */
function callSafely<T>(fn: ((value: T) => void) | undefined, value: T): void {
  try {
    fn?.(value)
  } catch (error) {
    if (process.env.NODE_ENV !== 'production')
      console.error('verify-widget: a listener (callback) threw; the verification carries on.', error)
  }
}

function listenTo<T>(listeners: Set<T>) {
  return (listener: T) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
}

export function createVerificationStore(initial: VerificationStoreOptions): VerificationStore {
  // A copy the store owns: setOptions changes it, the caller's object is left alone.
  const options = { ...initial }
  const { client, provider, mode } = options
  const popup = mode === 'popup'
  // Terminal callbacks fire once per session per hub, whatever mounts, remounts or StrictMode do.
  // Without a shared hub, a private one: a tracker of this store's own.
  const hub: StatusHub = options.hub ?? {
    watch: (sessionId, listener) => trackSessionStatus({ client, sessionId, EventSource: options.EventSource, ...listener }),
    settled: new Set(),
  }
  let state = IDLE
  let pending: Promise<VerificationState> | undefined
  let tracker: StatusWatch | undefined
  let flow: FaceSignFlow | undefined
  let refreshed = false
  let cancelRequested = false
  let active = 0
  const listeners = new Set<() => void>()
  const eventListeners = new Set<(event: VerificationEvent) => void>()

  const put = (next: VerificationState) => {
    state = next
    for (const fn of listeners) fn()
  }
  const set = (patch: Partial<VerificationState>) => put({ ...state, ...patch })
  const emit = (event: VerificationEvent) => {
    for (const fn of eventListeners) callSafely(fn, event)
  }
  const report = (type: 'status' | 'terminal', status: SessionStatus) =>
    emit({ type, result: { sessionId: state.sessionId!, provider, status, livemode: state.livemode } })
  const openFlow = (session: VerificationSession, extra?: Partial<FaceSignClientOptions>) =>
    FaceSignClient({ clientSecret: session.clientSecret ?? '', url: session.url, allowedHosts: options.allowedHosts, ...extra })

  function stopTracking(): void {
    tracker?.stop()
    tracker = undefined
  }

  function fail(error: unknown): void {
    const e = toVerifyError(error)
    stopTracking()
    flow?.destroy()
    flow = undefined
    set({ phase: 'error', error: e })
    emit({ type: 'error', error: e })
  }

  /** Lets go of a session that is not this widget's (any more), without an error. */
  function forget(): void {
    stopTracking()
    put(IDLE)
  }

  function apply(snapshot: SessionSnapshot): void {
    if (snapshot.sessionId !== state.sessionId || state.phase === 'idle') return
    callSafely(options.onSnapshot, snapshot)
    // A stored id from another widget on the page: leave it alone.
    if (snapshot.provider === provider) applyStatus(snapshot.status, snapshot.livemode)
    else forget()
  }

  function applyStatus(next: SessionStatus, livemode: boolean): void {
    const id = state.sessionId!
    const status = mergeStatus(state.status, next)
    const changed = status !== state.status
    const done = isTerminal(status)
    set({ status, livemode, phase: done ? 'done' : state.phase === 'error' ? 'error' : 'active' })
    if (changed) report('status', status)
    if (done) {
      stopTracking()
      clearSessionId(id)
      if (!hub.settled.has(id)) {
        hub.settled.add(id)
        report('terminal', status)
      }
    }
  }

  function track(sessionId: string): void {
    stopTracking()
    if (active)
      tracker = hub.watch(sessionId, {
        onSnapshot: apply,
        onError: (error) => {
          // A stored id that is not ours (any more) is forgotten silently; a live one is an error.
          if (error.retryable) return
          if (state.session) return fail(error)
          clearSessionId(sessionId)
          forget()
        },
      })
  }

  function launch(session: VerificationSession, window?: Window): void {
    if (window) navigatePopup(window, session.url, options.allowedHosts)
    else if (provider === 'faceverify') redirectTo(session.url, options.allowedHosts)
    else if (mode === 'redirect') openFlow(session).open()
  }

  async function create(opened?: Window): Promise<void> {
    let window = opened
    try {
      if (popup) window ??= openBlankPopup()
      put({ phase: 'starting' })
      // An empty country is left out (JSON drops undefined).
      const session = await client.createSession({ provider, country: options.country || undefined })
      saveSessionId(session.sessionId)
      refreshed = false
      set({ phase: 'active', sessionId: session.sessionId, session })
      applyStatus(session.status, session.livemode)
      if (cancelRequested) return void (await store.cancel())
      if (state.phase === 'active') launch(session, window)
      track(session.sessionId)
    } catch (error) {
      window?.close()
      fail(error)
    }
  }

  function refreshSecret(): void {
    // One refresh per session: a secret that expires again means the person has to start over.
    if (refreshed) fail(new VerifyError('session_expired', 'Session expired.'))
    else {
      refreshed = true
      // update() refuses a fresh URL on a host that is not allowed: that ends in the error state too.
      client
        .refreshSecret(state.sessionId!)
        .then((fresh) => flow?.update(fresh))
        .catch(fail)
    }
  }

  function onFlow(message: FlowMessage): void {
    const { type } = message
    if (type === 'completed' || type === 'started') tracker?.refresh()
    else if (type === 'canceled') void store.cancel()
    else if (type === 'error') fail(new VerifyError('flow_error', message.message))
    else if (type === 'expired') refreshSecret()
  }

  const store: VerificationStore = {
    getSnapshot: () => state,
    subscribe: listenTo(listeners),
    on: listenTo(eventListeners),
    start(given) {
      // Only a window counts: `onClick={store.start}` passes the click event.
      const opened = given?.window === given ? given : undefined
      // A start while starting joins it (a double click); one from an error listener, while the
      // failed attempt is still unwinding, is a new attempt.
      if (state.phase === 'starting' && pending) return pending
      cancelRequested = false
      if (state.phase === 'active' && state.session) {
        // Reopen the running session (a closed popup, a second click): never throw into a click handler.
        try {
          launch(state.session, popup ? (opened ?? openBlankPopup()) : undefined)
        } catch (error) {
          fail(error)
        }
        return Promise.resolve(state)
      }
      const attempt = create(opened).then(() => {
        if (pending === attempt) pending = undefined
        return state
      })
      pending = attempt
      return attempt
    },
    async cancel() {
      const id = state.sessionId
      if (state.phase === 'starting') {
        cancelRequested = true
        // The start cancels as soon as its session exists, and settles after that.
        return pending ?? state
      }
      flow?.destroy()
      flow = undefined
      if (!id || state.phase !== 'active') put(IDLE)
      else
        try {
          apply(await client.cancelSession(id))
        } catch (error) {
          fail(error)
        }
      return state
    },
    resume(sessionId) {
      put({ phase: 'active', sessionId })
      track(sessionId)
    },
    attachFlow(element, title = options.title) {
      const session = state.session
      let mounted: FaceSignFlow | undefined
      if (session && provider === 'facesign')
        try {
          mounted = flow = openFlow(session, { title, onMessage: onFlow })
          mounted.mount(element)
          // A reopened session may carry a secret that has already run out: refresh it up front.
          // (No expiresAt parses as NaN, which is never in the past.)
          if (Date.parse(session.expiresAt!) <= Date.now()) refreshSecret()
        } catch (error) {
          fail(error)
        }
      return () => {
        mounted?.destroy()
        if (flow === mounted) flow = undefined
      }
    },
    activate() {
      if (!active++) {
        // An active session always has its id (create and resume set both at once).
        if (state.phase === 'active') track(state.sessionId!)
        else if (state.phase === 'idle' && options.resume !== false) {
          const id = readResumeSessionId()
          if (id) store.resume(id)
        }
      }
      return () => {
        if (!--active) stopTracking()
      }
    },
    setOptions(next) {
      Object.assign(options, next)
    },
  }
  return store
}

export type { StatusHub, StatusListener, StatusWatch } from './hub'
