'use client'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from 'react'
import { createVerifyClient, type DEFAULT_ALLOWED_HOSTS, type VerifyClient } from '../core'
import { resolveAllowedHosts, resolveEndpoint } from '../core/config'
import { createStatusHub, type StatusHub } from '../core/hub'
import type { Appearance } from './appearance'
import type { Messages } from './locales'

export interface VerifyProviderProps {
  /** Base path of the integrator backend; defaults to the page's `verify-widget:endpoint` meta, else `/api/verify`. */
  endpoint?: string
  /** A BCP 47 tag (`fr`, `pt-BR`); defaults to `<html lang>`. */
  locale?: string
  /** Compared by value: an inline `appearance={{…}}` re-renders nothing and restarts nothing. */
  /** Your own wording for any string, laid over the locale's (the keys of `englishMessages`); compared by value. */
  messages?: Partial<Messages>
  appearance?: Appearance
  /** Flow hosts that may be opened (compared by value); defaults to the `verify-widget:allowed-hosts` meta, else DEFAULT_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[]
  /** The app's QueryClient; by default the one already in the tree, else a private one. */
  queryClient?: QueryClient
  /** The network edge (tests, custom auth headers); the latest one is used, a new function changes nothing else. */
  fetch?: typeof fetch
  children?: ReactNode
}

export interface VerifyContextValue {
  client: VerifyClient
  /** Status subscriptions of this provider: one stream per session, shared by every button and hook. */
  hub: StatusHub
  allowedHosts: typeof DEFAULT_ALLOWED_HOSTS
  locale: string | undefined
  messages: Partial<Messages> | undefined
  appearance: Appearance | undefined
}

const VerifyContext = createContext<VerifyContextValue | null>(null)

/**
 * Props are read like TanStack's observer options: the backend client (and with it every running
 * session) is made once per `endpoint`; new object or function identities (an inline `appearance`,
 * `allowedHosts` or `fetch`) are compared by value or read through a ref, never a reason to rebuild.
 */
export function VerifyProvider({
  endpoint,
  locale,
  messages,
  appearance,
  allowedHosts,
  queryClient,
  fetch,
  children,
}: VerifyProviderProps) {
  const parent = useContext(QueryClientContext)
  const [own] = useState(() => (queryClient || parent ? undefined : new QueryClient()))
  const client = queryClient ?? parent ?? own!
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const resolvedEndpoint = resolveEndpoint(endpoint)
  const api = useMemo(() => {
    const verifyClient = createVerifyClient({
      endpoint: resolvedEndpoint,
      fetch: (input, init) => (fetchRef.current ?? globalThis.fetch)(input, init),
    })
    return { client: verifyClient, hub: createStatusHub(verifyClient) }
  }, [resolvedEndpoint])
  const hostsKey = allowedHosts?.join(',')
  const appearanceKey = appearance && JSON.stringify(appearance)
  const messagesKey = messages && JSON.stringify(messages)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for allowedHosts, messages and appearance, so inline literals change nothing
  const value = useMemo<VerifyContextValue>(
    () => ({ ...api, allowedHosts: resolveAllowedHosts(allowedHosts), locale, messages, appearance }),
    [api, hostsKey, locale, messagesKey, appearanceKey],
  )
  const inner = <VerifyContext.Provider value={value}>{children}</VerifyContext.Provider>
  return client === parent ? inner : <QueryClientProvider client={client}>{inner}</QueryClientProvider>
}

/** The provider's value; `hook` names the caller in the error thrown outside `<VerifyProvider>`. */
export function useVerifyContext(hook: string): VerifyContextValue {
  const value = useContext(VerifyContext)
  // The advice on what to do is for the developer: production keeps the sentence that names the hook.
  if (!value)
    throw new Error(
      `${hook} must be used inside <VerifyProvider>.${process.env.NODE_ENV !== 'production' ? ' Wrap the app (or this part of it) in one.' : ''}`,
    )
  return value
}
