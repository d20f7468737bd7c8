import { createVerifyClient, type VerifyClient } from '../core/client'
import { resolveEndpoint } from '../core/config'
import { createStatusHub, type StatusHub } from '../core/hub'
import type { GetIdentityToken } from '../core/types'

/** A backend connection: the client and the page's status subscriptions on it. */
export interface BackendApi {
  client: VerifyClient
  hub: StatusHub
}

/**
 * Where a widget's backend connection comes from, without building it: `<VerifyProvider>` makes one
 * per endpoint and every button and hook under it shares it; a lone widget makes its own. Building
 * the client and the hub is left to the first that needs them (the dialog's code, loaded on intent),
 * so a page that only shows the button never loads them.
 */
export interface BackendSource {
  /** The backend's base path; without one, `<meta name="verify-widget:endpoint">` when first used, else `/api/verify`. */
  endpoint: string | undefined
  /** The network edge, read at call time (a provider's latest `fetch` prop). */
  fetch: typeof fetch
  /** The app's identity token (a `getToken` option or prop), sent as `Authorization: Bearer` on every call. */
  getToken?: GetIdentityToken
  /** Or the page's own route that hands it out (`token-url`). */
  tokenUrl?: string
  /** Filled on first use: the one client and hub of this source. */
  api?: BackendApi
}

export function resolveApi(source: BackendSource): BackendApi {
  if (!source.api) {
    const client = createVerifyClient({
      endpoint: resolveEndpoint(source.endpoint),
      fetch: (input, init) => source.fetch(input, init),
      getToken: source.getToken,
      tokenUrl: source.tokenUrl,
    })
    source.api = { client, hub: createStatusHub(client) }
  }
  return source.api
}
