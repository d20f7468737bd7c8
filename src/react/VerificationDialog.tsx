'use client'
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { createVerificationDialog, type VerificationDialogView } from '../ui/dialog'

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
 * The widget's dialog (src/ui/dialog.ts, the one the button and <verify-button> open) for a React
 * tree of your own: the status and the children are portalled into it, shown while `open`.
 */
export function VerificationDialog({ open, title, closeLabel, onClose, returnFocusRef, status, dir, children }: VerificationDialogProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const onCloseRef = useRef(onClose)
  const [view, setView] = useState<VerificationDialogView>()
  useEffect(() => {
    onCloseRef.current = onClose
  })
  useEffect(() => {
    const host = hostRef.current!
    const dialog = createVerificationDialog(host.ownerDocument, {
      onClose: () => onCloseRef.current(),
      returnFocus: () => returnFocusRef?.current,
    })
    host.append(dialog.element)
    setView(dialog)
    return () => {
      dialog.destroy()
      setView(undefined)
    }
  }, [returnFocusRef])
  useEffect(() => {
    view?.setTexts({ title, closeLabel })
    if (dir) view?.element.setAttribute('dir', dir)
    else view?.element.removeAttribute('dir')
  }, [view, title, closeLabel, dir])
  useEffect(() => view?.setOpen(open), [view, open])
  return (
    <div ref={hostRef} className="vw-parts">
      {view && createPortal(status, view.status)}
      {view && open && createPortal(children, view.body)}
    </div>
  )
}
