'use client'
import { type ReactNode, type RefObject, useEffect, useRef } from 'react'

export interface VerificationDialogProps {
  open: boolean
  title: string
  closeLabel: string
  /** Escape, the close button: the owner decides (the button cancels the session). */
  onClose: () => void
  /** Where focus goes back when the dialog closes. */
  returnFocusRef?: RefObject<HTMLElement | null>
  /** Announced through aria-live inside the dialog. */
  status?: ReactNode
  dir?: 'ltr' | 'rtl'
  children?: ReactNode
}

/**
 * The native modal `<dialog>`: showModal() makes the page behind inert (focus stays inside) and
 * handles Escape; we only route Escape to `onClose` and put focus back.
 */
export function VerificationDialog({ open, title, closeLabel, onClose, returnFocusRef, status, dir, children }: VerificationDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    if (!dialog.open) dialog.showModal()
    const onCancel = (event: Event) => {
      // Keep React in charge of `open`; the owner closes us by changing the prop.
      event.preventDefault()
      onCloseRef.current()
    }
    // Browsers refuse to cancel a second Escape without user activation in between and close
    // the dialog anyway: treat that like a close request too. The event is queued, so a close
    // from a StrictMode re-run of this effect arrives after showModal() again: ignore that one.
    const onNativeClose = () => !dialog.open && onCloseRef.current()
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('close', onNativeClose)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('close', onNativeClose)
      if (dialog.open) dialog.close()
      returnFocusRef?.current?.focus()
    }
  }, [open, returnFocusRef])

  return (
    <dialog ref={ref} className="vw-dialog" aria-label={title} dir={dir}>
      <div className="vw-dialog-header">
        <h2 className="vw-dialog-title">{title}</h2>
        <button type="button" className="vw-close" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="vw-status" role="status" aria-live="polite">
        {status}
      </p>
      {open && children}
    </dialog>
  )
}
