/**
 * Asks before something that cannot be undone. Confirming runs the action; while it runs the buttons
 * wait (aria-disabled, so focus stays put), a failure is shown in the dialog, and success closes it
 * (unless the action leaves the page).
 */
import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  readonly heading: string
  readonly body: string
  readonly confirmLabel: string
  readonly failedText: string
  readonly onConfirm: () => Promise<void>
  readonly onClose: () => void
  /** A choice that goes with the action (a checkbox), between the body and the buttons. */
  readonly children?: ReactNode
}

export function ConfirmDialog({
  heading,
  body,
  confirmLabel,
  failedText,
  onConfirm,
  onClose,
  children,
}: ConfirmDialogProps) {
  const { t } = useTranslation()
  const bodyId = useId()
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')
  return (
    <Dialog heading={heading} className="dialog--confirm" onClose={onClose}>
      {(close) => {
        const busy = state === 'busy'
        const confirm = async () => {
          if (busy) return
          setState('busy')
          try {
            await onConfirm()
            close()
          } catch {
            setState('failed')
          }
        }
        return (
          <>
            <p id={bodyId}>{body}</p>
            {children}
            <p className="form-error" role="alert">
              {state === 'failed' ? failedText : null}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button" aria-disabled={busy} onClick={() => busy || close()}>
                {t('dialog.cancel')}
              </button>
              <button
                type="button"
                className="button button--danger"
                aria-describedby={bodyId}
                aria-disabled={busy}
                onClick={() => void confirm()}
              >
                {busy ? t('dialog.busy') : confirmLabel}
              </button>
            </div>
          </>
        )
      }}
    </Dialog>
  )
}
