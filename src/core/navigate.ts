import { VerifyError } from './errors'
import { isAllowedFlowUrl } from './url'

export { openBlankPopup } from './popup'

/** Returns `url` when it may be opened; an unknown host throws `untrusted_url` (and nothing navigates). */
export function assertAllowedUrl(url: string, allowedHosts?: readonly string[]): string {
  if (isAllowedFlowUrl(url, allowedHosts)) return url
  throw new VerifyError('untrusted_url', `Refused ${url}: host not in allowedHosts.`)
}

/** Leaves the page for an allowed provider link; an unknown host throws and nothing navigates. */
export function redirectTo(url: string, allowedHosts?: readonly string[]): void {
  const target = assertAllowedUrl(url, allowedHosts)
  window.location.assign(target)
}

export function navigatePopup(popup: Window, url: string, allowedHosts?: readonly string[]): void {
  popup.location.href = assertAllowedUrl(url, allowedHosts)
}
