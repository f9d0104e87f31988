/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert and keeps
 * focus inside, Escape closes it, its heading labels it, and closing returns focus to the control
 * that opened it. The owner renders it while open and unmounts it on `onClose`.
 */
import { type ReactNode, type SyntheticEvent, useId, useLayoutEffect, useRef } from 'react'

interface DialogProps {
  readonly heading: string
  readonly className?: string
  readonly onClose: () => void
  /**
   * Where focus starts: the first control (the browser's choice), or the heading, for a dialog to be
   * read from its top whose first control sits at its end (the results: opened at the winners).
   */
  readonly initialFocus?: 'control' | 'heading'
  /** The content; `close` closes the dialog the way Escape does. */
  readonly children: (close: () => void) => ReactNode
}

export function Dialog({ heading, className, onClose, initialFocus = 'control', children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  // Opened before the page is painted: the frame that first shows the dialog shows it modal, with
  // the page behind it inert, rather than the page alone for one frame and then again under it.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    if (initialFocus === 'heading') {
      dialog.querySelector<HTMLElement>('.dialog-heading')?.focus()
      dialog.scrollTop = 0
    }
  }, [initialFocus])
  const close = () => ref.current?.close()
  // A dialog opened from inside this one reports its own close through React's tree too.
  const onDialogClose = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose()
  }
  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={headingId} onClose={onDialogClose}>
      <h2 id={headingId} className="dialog-heading" tabIndex={initialFocus === 'heading' ? -1 : undefined}>
        {heading}
      </h2>
      {children(close)}
    </dialog>
  )
}
