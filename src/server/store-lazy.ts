import { createRequire } from 'node:module'
import type { SessionStore } from './types'

/**
 * A store that opens on its first call: importing the server entry or creating a handler (as a
 * Next.js build does) touches no file and loads no driver. `close` before any call opens nothing.
 */
export function lazyStore(open: () => SessionStore): SessionStore {
  let store: SessionStore | undefined
  let closed = false
  const ready = () => {
    if (closed) throw new Error('This store is closed.')
    store ??= open()
    return store
  }
  return {
    insertOpen: async (session) => ready().insertOpen(session),
    get: async (id) => ready().get(id),
    findOpen: async (userId, provider) => ready().findOpen(userId, provider),
    findByProviderId: async (provider, id) => ready().findByProviderId(provider, id),
    latest: async (userId, provider) => ready().latest(userId, provider),
    patch: async (id, patch) => ready().patch(id, patch),
    applyStatus: async (id, status, at) => ready().applyStatus(id, status, at),
    applyEvent: async (event, status) => ready().applyEvent(event, status),
    claimOutbox: async (limit, leaseMs) => ready().claimOutbox(limit, leaseMs),
    completeOutbox: async (id) => ready().completeOutbox(id),
    failOutbox: async (id, error, retryAt) => ready().failOutbox(id, error, retryAt),
    hit: async (key, limit, windowMs) => ready().hit(key, limit, windowMs),
    lease: async (key, ttlMs) => ready().lease(key, ttlMs),
    async close() {
      closed = true
      await store?.close()
    },
  }
}

/**
 * Loads an optional peer dependency (a native database driver) only when its store is used, with
 * an error that names the package to install.
 */
export function requireOptional<T>(name: string, usedBy: string): T {
  try {
    return createRequire(import.meta.url)(name) as T
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') {
      throw new Error(`${usedBy} needs the optional package "${name}": install it with \`npm install ${name}\`.`, { cause: error })
    }
    throw error
  }
}
