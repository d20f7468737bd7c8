import { element, liveStatus } from './dom'

export interface DialogOptions {
  /** Escape, the close button, or the browser closing it: the owner decides (the widget cancels the session). */
  onClose: () => void
  /** Where focus goes when the dialog closes; by default the element that had it when the dialog opened. */
  returnFocus?: () => HTMLElement | null | undefined
}

export interface DialogTexts {
  title: string
  closeLabel: string
  /** Announced through the dialog's live region (not shown: the view says the same in its own words). */
  status: string
}

/** The widget's modal dialog: one implementation for the React button, <verify-button> and createVerification. */
export interface VerificationDialogView {
  readonly element: HTMLDialogElement
  /** Where the view goes (the flow's frame today; further views slot in here). */
  readonly body: HTMLElement
  /** The live region (a React dialog portals its status node into it). */
  readonly status: HTMLElement
  setOpen(open: boolean): void
  setTexts(texts: Partial<DialogTexts>): void
  /** Closes it (focus goes back), removes it and its listeners; safe to call twice. */
  destroy(): void
}

/**
 * The native modal `<dialog>`: showModal() makes the page behind inert (focus stays inside) and
 * handles Escape; we only route Escape, the close button and a close by the browser to `onClose`
 * and put focus back.
 */
export function createVerificationDialog(doc: Document, { onClose, returnFocus }: DialogOptions): VerificationDialogView {
  const dialog = element(doc, 'dialog', 'dialog')
  const header = element(doc, 'div', 'dialog-header')
  const title = element(doc, 'h2', 'dialog-title')
  const close = element(doc, 'button', 'close')
  const status = liveStatus(doc, 'p')
  const body = element(doc, 'div', 'dialog-body')
  close.type = 'button'
  close.textContent = '×'
  close.onclick = onClose
  header.append(title, close)
  dialog.append(header, status, body)
  let open = false
  let opener: Element | null = null

  const onCancel = (event: Event) => {
    // The owner closes us by calling setOpen(false).
    event.preventDefault()
    onClose()
  }
  // Browsers refuse to cancel a second Escape without user activation in between and close the
  // dialog anyway: that is a close request too. The event is queued, so one from a dialog we
  // closed ourselves arrives when `open` is already false.
  const onNativeClose = () => open && !dialog.open && onClose()
  dialog.addEventListener('cancel', onCancel)
  dialog.addEventListener('close', onNativeClose)

  const view: VerificationDialogView = {
    element: dialog,
    body,
    status,
    setOpen(next) {
      if (next === open) return
      open = next
      if (next) {
        opener = doc.activeElement
        if (!dialog.open) dialog.showModal()
      } else {
        if (dialog.open) dialog.close()
        ;((returnFocus?.() ?? opener) as HTMLElement | null)?.focus?.()
      }
    },
    setTexts({ title: text, closeLabel, status: announced }) {
      if (text !== undefined) {
        title.textContent = text
        dialog.setAttribute('aria-label', text)
      }
      if (closeLabel !== undefined) close.setAttribute('aria-label', closeLabel)
      if (announced !== undefined) status.textContent = announced
    },
    destroy() {
      view.setOpen(false)
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('close', onNativeClose)
      dialog.remove()
    },
  }
  return view
}
