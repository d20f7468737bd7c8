'use client'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from 'react'
import { createVerifyClient, type DEFAULT_ALLOWED_HOSTS, type VerifyClient } from '../core'
import { resolveAllowedHosts, resolveEndpoint } from '../core/config'
import type { Appearance } from './appearance'
import type { Messages } from './locales'

export interface VerifyProviderProps {
  /** Base path of the integrator backend; defaults to the page's `verify-widget:endpoint` meta, else `/api/verify`. */
  endpoint?: string
  /** A BCP 47 tag (`fr`, `pt-BR`); defaults to `<html lang>`. */
  locale?: string
  /** Your own wording for any string, laid over the locale's (the keys of `englishMessages`). */
  messages?: Partial<Messages>
  appearance?: Appearance
  /** Flow hosts that may be opened; defaults to the `verify-widget:allowed-hosts` meta, else DEFAULT_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[]
  /** The app's QueryClient; by default the one already in the tree, else a private one. */
  queryClient?: QueryClient
  /** The network edge (tests, custom auth headers). */
  fetch?: typeof fetch
  children?: ReactNode
}

export interface VerifyContextValue {
  client: VerifyClient
  allowedHosts: typeof DEFAULT_ALLOWED_HOSTS
  locale: string | undefined
  messages: Partial<Messages> | undefined
  appearance: Appearance | undefined
}

const VerifyContext = createContext<VerifyContextValue | null>(null)

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
  const hostsKey = allowedHosts?.join(',')
  // Read through a ref: an inline `fetch={…}` must not rebuild the client (and every store) each render.
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  // biome-ignore lint/correctness/useExhaustiveDependencies: hostsKey stands for allowedHosts so an inline array does not rebuild the client
  const value = useMemo<VerifyContextValue>(
    () => ({
      client: createVerifyClient({
        endpoint: resolveEndpoint(endpoint),
        fetch: (input, init) => (fetchRef.current ?? globalThis.fetch)(input, init),
      }),
      allowedHosts: resolveAllowedHosts(allowedHosts),
      locale,
      messages,
      appearance,
    }),
    [endpoint, hostsKey, locale, messages, appearance],
  )
  const inner = <VerifyContext.Provider value={value}>{children}</VerifyContext.Provider>
  return client === parent ? inner : <QueryClientProvider client={client}>{inner}</QueryClientProvider>
}

/** The provider's value; `hook` names the caller in the error thrown outside `<VerifyProvider>`. */
export function useVerifyContext(hook: string): VerifyContextValue {
  const value = useContext(VerifyContext)
  if (!value) throw new Error(`${hook} must be used inside <VerifyProvider>. Wrap the app (or this part of it) in one.`)
  return value
}
