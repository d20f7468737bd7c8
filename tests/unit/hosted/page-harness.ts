import { vi } from 'vitest'
import type { HostedConfig } from '../../../src/hosted/config'
import { type HostedPage, mountHostedPage } from '../../../src/hosted/page'
import { ENGLISH_STRINGS, type HostedStrings } from '../../../src/hosted/strings'
import { FakeEventSource, fakeFetch } from '../support/backend'

type Routes = Parameters<typeof fakeFetch>[0]

let mounted: HostedPage | undefined

/** Runs what is due now (timers at 0, promises, the page's chunks) without moving the clock on. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0)
}

/**
 * The hosted page as index.html mounts it, with the backend stubbed at the network edge (fetch and
 * EventSource); the rest (store, tracker, camera check, views) is the page's own code. Fake timers
 * must be on.
 */
export async function openPage(routes: Routes, config: Partial<HostedConfig> = {}, strings: HostedStrings = ENGLISH_STRINGS) {
  const edge = fakeFetch(routes)
  FakeEventSource.reset()
  vi.stubGlobal('fetch', edge.fetch)
  vi.stubGlobal('EventSource', FakeEventSource)
  const root = document.createElement('div')
  root.id = 'root'
  document.body.append(root)
  mounted = mountHostedPage(root, {
    config: {
      endpoint: '/api/verify',
      allowedHosts: ['*.facesign.ai'],
      provider: 'facesign',
      sessionId: undefined,
      lang: undefined,
      ...config,
    },
    strings,
  })
  await settle()
  return { edge, root, page: mounted }
}

/** Unmounts the page and undoes the stubs (afterEach). */
export function closePage(): void {
  mounted?.destroy()
  mounted = undefined
  vi.unstubAllGlobals()
  document.body.replaceChildren()
  document.documentElement.removeAttribute('lang')
  document.documentElement.removeAttribute('dir')
  window.history.replaceState(null, '', '/')
}

export const card = () => document.querySelector<HTMLElement>('section.vwh-card')
export const view = () => card()?.dataset.view
