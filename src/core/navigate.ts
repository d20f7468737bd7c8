import { VerifyError } from './errors'
import { isAllowedFlowUrl } from './url'

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

/**
 * Opens an empty popup synchronously, inside the click, so blockers let it through; the link is
 * only known once the session exists, and is set with `navigatePopup`.
 */
export function openBlankPopup(): Window {
  const popup = window.open('', 'verify-widget', 'popup,width=480,height=720')
  if (popup) return popup
  throw new VerifyError('popup_blocked', 'Popup blocked.')
}

export function navigatePopup(popup: Window, url: string, allowedHosts?: readonly string[]): void {
  popup.location.href = assertAllowedUrl(url, allowedHosts)
}
