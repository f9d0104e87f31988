/**
 * One link in the share dialog: what its role may do, the absolute link in a read-only field, a
 * Copy button (the clipboard, or else the text selected for Ctrl+C), and a "Replace link" button
 * that asks first (for the facilitator's own link, explaining that other facilitators lose access).
 */
import { type ReactNode, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '@samla/protocol'
import type { RotatableRole } from '@samla/protocol'
import { ConfirmDialog } from '../components/ConfirmDialog'

async function copyToClipboard(text: string, field: HTMLInputElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text)
    return 'copied'
  } catch {
    // No clipboard access (an insecure origin, a denied permission): leave the link ready to copy by hand.
    field?.focus()
    field?.select()
    return 'selected'
  }
}

function RotateButton({ role, onRotate }: { readonly role: RotatableRole; readonly onRotate: () => Promise<void> }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={t(`share.${role}.rotate`)}
        onClick={() => setConfirming(true)}
      >
        {t('share.rotate')}
      </button>
      {confirming && (
        <ConfirmDialog
          heading={t(`share.${role}.confirmHeading`)}
          body={role === 'facilitator' ? t('share.facilitator.confirmBody') : t('share.confirmBody')}
          confirmLabel={t('share.rotate')}
          failedText={t('share.rotateFailed')}
          onConfirm={onRotate}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  )
}

interface ShareLinkProps {
  readonly linkRole: Role
  readonly url: string
  readonly announce: (message: string) => void
  readonly rotate?: { readonly role: RotatableRole; readonly run: () => Promise<void> }
  readonly children?: ReactNode
}

export function ShareLink({ linkRole: role, url, announce, rotate, children }: ShareLinkProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const fieldId = useId()
  const field = useRef<HTMLInputElement>(null)
  const copy = async () => {
    const result = await copyToClipboard(url, field.current)
    announce(result === 'copied' ? t('share.copied') : t('share.copyFallback'))
  }
  return (
    <section className="share-link" aria-labelledby={headingId} data-role={role}>
      <h3 id={headingId}>{t(`share.${role}.heading`)}</h3>
      <p className="muted">{t(`share.${role}.about`)}</p>
      <label htmlFor={fieldId}>{t(`share.${role}.label`)}</label>
      <div className="share-link-row">
        <input
          ref={field}
          id={fieldId}
          type="text"
          readOnly
          value={url}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" aria-label={t(`share.${role}.copy`)} onClick={() => void copy()}>
          {t('share.copy')}
        </button>
        {rotate && <RotateButton role={rotate.role} onRotate={rotate.run} />}
      </div>
      {children}
    </section>
  )
}
