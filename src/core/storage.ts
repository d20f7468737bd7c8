import { SESSION_STORAGE_KEY, withStorage } from './resume'

export { readResumeSessionId, SESSION_STORAGE_KEY } from './resume'

export function saveSessionId(sessionId: string): void {
  withStorage((s) => s.setItem(SESSION_STORAGE_KEY, sessionId))
}

/** Forgets the stored id when it is `sessionId` (another widget may have stored its own since). */
export function clearSessionId(sessionId: string): void {
  withStorage((s) => s.getItem(SESSION_STORAGE_KEY) === sessionId && s.removeItem(SESSION_STORAGE_KEY))
}
