// The host lists on their own: the page's first load reads them (preconnect, the meta tag's default)
// without the allow-list check, which loads with the flow.

/** Loopback hostnames, lower case (the local sandbox): the only ones plain http is used for. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** Hosts the widget opens by default: the providers' own flow and session-link domains. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['*.facesign.ai', '*.faceverify.ai']
