import { VerifyError } from './errors'

/**
 * Opens an empty popup synchronously, inside the click, so blockers let it through; the link is
 * only known once the session exists, and is set with `navigatePopup`. A module of its own: a page
 * opens it before the rest of the widget has loaded.
 */
export function openBlankPopup(): Window {
  const popup = window.open('', 'verify-widget', 'popup,width=480,height=720')
  if (popup) return popup
  throw new VerifyError('popup_blocked', 'Popup blocked.')
}
