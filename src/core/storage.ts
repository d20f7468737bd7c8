import { isBrowser } from './env'

/** sessionStorage key of the session being tracked. Holds the session id only: never a secret. */
export const SESSION_STORAGE_KEY = 'verify-widget:session'

// Storage throws in some privacy modes and sandboxed iframes: losing resume is better than crashing.
function storage(): Storage | undefined {
  try {
    return isBrowser() ? window.sessionStorage : undefined
  } catch {
    return undefined
  }
}

export function saveSessionId(sessionId: string): void {
  try {
    storage()?.setItem(SESSION_STORAGE_KEY, sessionId)
  } catch {}
}

export function clearSessionId(sessionId?: string): void {
  try {
    const s = storage()
    if (s && (sessionId === undefined || s.getItem(SESSION_STORAGE_KEY) === sessionId)) s.removeItem(SESSION_STORAGE_KEY)
  } catch {}
}

/** The session to resume after a reload or a return from the provider: `?session=<id>` first, then sessionStorage. */
export function readResumeSessionId(): string | undefined {
  if (!isBrowser()) return undefined
  const fromUrl = new URLSearchParams(window.location.search).get('session')
  try {
    return fromUrl || storage()?.getItem(SESSION_STORAGE_KEY) || undefined
  } catch {
    return fromUrl || undefined
  }
}
