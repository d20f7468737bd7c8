import { type Provider, readResumeSessionId } from '../core'
import { resolveAllowedHosts, resolveEndpoint } from '../core/config'
import { isProvider } from '../core/guards'

/** Everything the hosted page needs to know, read once from the document it was served in. */
export interface HostedConfig {
  endpoint: string
  allowedHosts: readonly string[]
  provider: Provider
  /** Whether `?provider=` named it; else a resumed session decides (FaceVerify returns to `/?session=`). */
  providerFromUrl?: boolean
  /** A session to resume: `?session=`, else the one this tab started before a redirect. */
  sessionId: string | undefined
  /** `?lang=`, when given; else the browser's language. */
  lang: string | undefined
}

/**
 * The server injects the endpoint and the allowed flow hosts as meta tags (no inline script
 * under the page's CSP); the URL carries what a link may choose: provider, language, session.
 */
export function readHostedConfig(): HostedConfig {
  const params = new URLSearchParams(window.location.search)
  const provider = params.get('provider')
  return {
    endpoint: resolveEndpoint(),
    allowedHosts: resolveAllowedHosts(),
    provider: isProvider(provider) ? provider : 'facesign',
    providerFromUrl: isProvider(provider),
    sessionId: readResumeSessionId(),
    lang: params.get('lang') || undefined,
  }
}
