import type { SessionStore } from '../types'

type Method = Exclude<keyof SessionStore, 'watch' | 'close'>
const METHODS: readonly Method[] = [
  'insertOpen',
  'get',
  'findOpen',
  'findByProviderId',
  'latest',
  'update',
  'discardUnstarted',
  'transition',
  'recordEvent',
  'claimOutbox',
  'completeOutbox',
  'failOutbox',
  'outboxStats',
  'deadLetters',
  'reviveDeadLetters',
  'acquire',
  'release',
  'renew',
  'countSlots',
  'lease',
  'prune',
  'staleOpen',
  'createHandoff',
  'claimHandoff',
  'deviceSession',
]

/**
 * A store that opens on its first call: importing the server entry or creating a handler (as a
 * Next.js build or a Worker's global scope does) touches no file, loads no driver and opens no
 * connection. An opening that fails is tried again by the next call. `close` before any call opens nothing.
 */
export function lazyStore(open: () => Promise<SessionStore>, options: { watchable: boolean }): SessionStore {
  let opening: Promise<SessionStore> | undefined
  let closed = false
  const ready = (): Promise<SessionStore> => {
    if (closed) return Promise.reject(new Error('This store is closed.'))
    opening ??= open().catch((error: unknown) => {
      opening = undefined
      throw error
    })
    return opening
  }
  const store = Object.fromEntries(
    METHODS.map((name) => [name, async (...args: unknown[]) => ((await ready())[name] as (...a: unknown[]) => unknown)(...args)]),
  ) as unknown as SessionStore
  store.close = async () => {
    closed = true
    const opened = await opening?.catch(() => undefined)
    await opened?.close()
  }
  if (options.watchable) {
    store.watch = (listener) => {
      let stop: (() => void) | undefined
      let stopped = false
      // Opening errors surface on the calls that need the store; a stream still polls meanwhile.
      ready()
        .then((inner) => {
          if (!stopped) stop = inner.watch?.(listener)
        })
        .catch(() => {})
      return () => {
        stopped = true
        stop?.()
      }
    }
  }
  return store
}

/** The error for an optional peer dependency that is not installed, naming the command that installs it. */
export function missingDriver(name: string, usedBy: string, cause: unknown): Error {
  return new Error(`${usedBy} needs the optional package "${name}": install it with \`npm install ${name}\`.`, { cause })
}

/** Whether an import failed because the package is not installed (ESM, CommonJS and bundlers' spellings). */
export function isModuleMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return true
  return typeof message === 'string' && message.includes(name) && /cannot find|not found|failed to load/i.test(message)
}
