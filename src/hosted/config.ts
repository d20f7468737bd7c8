import { type Provider, readResumeSessionId } from '../core'
import { resolveAllowedHosts, resolveEndpoint } from '../core/config'
import { isProvider } from '../core/guards'
import { withStorage } from '../core/resume'

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
  /** A "continue on your phone" link's token (`#handoff=…`), taken out of the address bar as the page read it. */
  handoffToken?: string
  /** This tab is the phone a link was opened on (a token now, or a session it opened before a reload). */
  device?: boolean
  /** `<meta name="verify-widget:camera-check" content="false">` turns the camera check off. */
  cameraCheck?: boolean
}

/** sessionStorage key of the session a link opened on this device (the id only, never the token). */
export const DEVICE_KEY = 'verify-widget:device'

/**
 * The server injects the endpoint and the allowed flow hosts as meta tags (no inline script
 * under the page's CSP); the URL carries what a link may choose: provider, language, session.
 * A handoff token leaves the address bar at once: it is not kept in history, a bookmark or a
 * screenshot of the address, and the page exchanges it for the session before anything else.
 */
export function readHostedConfig(): HostedConfig {
  const params = new URLSearchParams(window.location.search)
  const provider = params.get('provider')
  const token = /^#handoff=([\w-]+)$/.exec(window.location.hash)?.[1]
  if (window.location.hash.startsWith('#handoff=')) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
  }
  const opened = withStorage((s) => s.getItem(DEVICE_KEY)) ?? undefined
  return {
    endpoint: resolveEndpoint(),
    allowedHosts: resolveAllowedHosts(),
    provider: isProvider(provider) ? provider : 'facesign',
    providerFromUrl: isProvider(provider),
    // A new link on this device starts over from its token, whatever this tab followed before; a
    // session it opened earlier is followed to its end (a reload shows the result).
    sessionId: token ? undefined : (readResumeSessionId() ?? opened),
    lang: params.get('lang') || undefined,
    ...(token ? { handoffToken: token } : {}),
    device: Boolean(token || opened),
    cameraCheck: document.querySelector<HTMLMetaElement>('meta[name="verify-widget:camera-check"]')?.content.trim() !== 'false',
  }
}
