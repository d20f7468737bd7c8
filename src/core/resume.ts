import { isBrowser } from './env'

// What a page's first load needs to tell whether a session is waiting (the rest of storage.ts loads with the flow).

/** sessionStorage key of the session being tracked. Holds the session id only: never a secret. */
export const SESSION_STORAGE_KEY = 'verify-widget:session'

// Storage throws in some privacy modes, sandboxed iframes and when full: losing resume is better
// than crashing, so every access goes through here.
// Outside a browser `window` is not defined at all: that throws here too, and is caught the same way.
export function withStorage<T>(use: (storage: Storage) => T): T | undefined {
  try {
    return use(window.sessionStorage)
  } catch {
    return undefined
  }
}

/** The session to resume after a reload or a return from the provider: `?session=<id>` first, then sessionStorage. */
export function readResumeSessionId(): string | undefined {
  if (!isBrowser()) return undefined
  return new URLSearchParams(window.location.search).get('session') || withStorage((s) => s.getItem(SESSION_STORAGE_KEY)) || undefined
}
