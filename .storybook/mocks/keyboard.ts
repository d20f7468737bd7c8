/**
 * A native modal dialog turns a trusted Escape press into a `cancel` event; a script's synthetic
 * keydown never does, so stories fire what the browser would.
 */
export function pressEscape(dialog: HTMLElement): void {
  dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
}
