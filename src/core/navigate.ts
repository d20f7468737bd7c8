import { VerifyError } from './errors'
import { isAllowedFlowUrl } from './url'

export function assertAllowedUrl(url: string, allowedHosts?: readonly string[]): void {
  if (!isAllowedFlowUrl(url, allowedHosts)) {
    throw new VerifyError('untrusted_url', `Refused ${url}: host not in allowedHosts.`)
  }
}

/** Adds `return_url=<this page>` so a redirect flow can come back here when done. */
export function withReturnUrl(url: string, returnUrl: string = window.location.href): string {
  const target = new URL(url)
  target.searchParams.set('return_url', returnUrl)
  return target.href
}

/** Leaves the page for an allowed provider link; an unknown host throws and nothing navigates. */
export function redirectTo(url: string, allowedHosts?: readonly string[]): void {
  assertAllowedUrl(url, allowedHosts)
  window.location.assign(url)
}

/**
 * Opens an empty popup synchronously, inside the click, so blockers let it through; the link is
 * only known once the session exists, and is set with `navigatePopup`.
 */
export function openBlankPopup(): Window {
  const popup = window.open('', 'verify-widget', 'popup,width=480,height=720')
  if (!popup) throw new VerifyError('popup_blocked', 'The browser blocked the verification window.')
  return popup
}

export function navigatePopup(popup: Window, url: string, allowedHosts?: readonly string[]): void {
  assertAllowedUrl(url, allowedHosts)
  popup.location.href = url
}
