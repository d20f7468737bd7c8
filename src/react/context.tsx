'use client'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from 'react'
import { resolveAllowedHosts, resolveEndpoint } from '../core/config'
import type { DEFAULT_ALLOWED_HOSTS } from '../core/hosts'
import type { GetIdentityToken } from '../core/types'
import type { BackendSource } from '../ui/api'
import type { Appearance } from './appearance'
import type { Messages } from './locales'

export interface VerifyProviderProps {
  /**
   * Base path or URL of the integrator backend (another origin too, such as `verify-widget serve`); defaults to the
   * page's `verify-widget:endpoint` meta, else `/api/verify`.
   */
  endpoint?: string
  /**
   * The app's identity token for a backend that identifies its user by it (`verify-widget serve`): the token, or
   * `{ token, expiresAt }`. Sent as `Authorization: Bearer` on every call of every button and hook under this
   * provider, the status stream included; held in memory only; asked for again 30 s before `expiresAt`, and once
   * after a `token_expired` refusal. The latest function is used; adding or removing it makes a new connection.
   */
  getToken?: GetIdentityToken
  /** A BCP 47 tag (`fr`, `pt-BR`); defaults to `<html lang>`. */
  locale?: string
  /** Your own wording for any string, laid over the locale's (the keys of `englishMessages`); compared by value. */
  messages?: Partial<Messages>
  /** Compared by value: an inline `appearance={{…}}` re-renders nothing and restarts nothing. */
  appearance?: Appearance
  /** Flow hosts that may be opened (compared by value); defaults to the `verify-widget:allowed-hosts` meta, else DEFAULT_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[]
  /** The app's QueryClient; by default the one already in the tree, else a private one. */
  queryClient?: QueryClient
  /** The network edge (tests, custom auth headers); the latest one is used, a new function changes nothing else. */
  fetch?: typeof fetch
  children?: ReactNode
}

/** What `<VerifyProvider>` hands down: its settings and its backend connection, not yet built. */
export interface VerifyConfig {
  /** One per endpoint: the backend client and hub, built by the first button or hook that needs them. */
  source: BackendSource
  allowedHosts: typeof DEFAULT_ALLOWED_HOSTS
  locale: string | undefined
  messages: Partial<Messages> | undefined
  appearance: Appearance | undefined
}

const VerifyContext = createContext<VerifyConfig | null>(null)

/**
 * Props are read like TanStack's observer options: the backend connection (and with it every running
 * session) is made once per `endpoint` (and whether there is a `getToken`); new object or function
 * identities (an inline `appearance`, `allowedHosts`, `fetch` or `getToken`) are compared by value or
 * read through a ref, never a reason to rebuild.
 * The client and the status hub themselves are built on first use, so a page with only a button
 * loads them when the person shows an intent to verify.
 */
export function VerifyProvider({
  endpoint,
  locale,
  messages,
  appearance,
  allowedHosts,
  queryClient,
  fetch,
  getToken,
  children,
}: VerifyProviderProps) {
  const parent = useContext(QueryClientContext)
  const [own] = useState(() => (queryClient || parent ? undefined : new QueryClient()))
  const client = queryClient ?? parent ?? own!
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch
  const tokenRef = useRef(getToken)
  tokenRef.current = getToken
  const withToken = !!getToken
  const resolvedEndpoint = resolveEndpoint(endpoint)
  const source = useMemo<BackendSource>(
    () => ({
      endpoint: resolvedEndpoint,
      fetch: (input, init) => (fetchRef.current ?? globalThis.fetch)(input, init),
      getToken: withToken ? () => tokenRef.current!() : undefined,
    }),
    [resolvedEndpoint, withToken],
  )
  const hostsKey = allowedHosts?.join(',')
  const appearanceKey = appearance && JSON.stringify(appearance)
  const messagesKey = messages && JSON.stringify(messages)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for allowedHosts, messages and appearance, so inline literals change nothing
  const value = useMemo<VerifyConfig>(
    () => ({ source, allowedHosts: resolveAllowedHosts(allowedHosts), locale, messages, appearance }),
    [source, hostsKey, locale, messagesKey, appearanceKey],
  )
  const inner = <VerifyContext.Provider value={value}>{children}</VerifyContext.Provider>
  return client === parent ? inner : <QueryClientProvider client={client}>{inner}</QueryClientProvider>
}

/** The provider's settings; `hook` names the caller in the error thrown outside `<VerifyProvider>`. */
export function useVerifyConfig(hook: string): VerifyConfig {
  const value = useContext(VerifyContext)
  // The advice on what to do is for the developer: production keeps the sentence that names the hook.
  if (!value)
    throw new Error(
      `${hook} must be used inside <VerifyProvider>.${process.env.NODE_ENV !== 'production' ? ' Wrap the app (or this part of it) in one.' : ''}`,
    )
  return value
}
