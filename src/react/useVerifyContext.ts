'use client'
import type { VerifyClient } from '../core/client'
import type { StatusHub } from '../core/hub'
import { resolveApi } from '../ui/api'
import { useVerifyConfig, type VerifyConfig } from './context'

export interface VerifyContextValue extends Omit<VerifyConfig, 'source'> {
  client: VerifyClient
  /** Status subscriptions of this provider: one stream per session, shared by every button and hook. */
  hub: StatusHub
}

/**
 * The provider's backend client and hub (built on first use, then the same for every caller under
 * that provider) with its settings; `hook` names the caller in the error thrown outside `<VerifyProvider>`.
 */
export function useVerifyContext(hook: string): VerifyContextValue {
  const { source, ...config } = useVerifyConfig(hook)
  return { ...config, ...resolveApi(source) }
}
