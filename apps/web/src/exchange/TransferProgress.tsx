/**
 * How far an upload, download or drawing has got: a bar with the percentage when the size is known,
 * a moving bar with the amount so far when it is not. The bar is named; the phase itself is
 * announced by the owner's status region, so screen readers are not flooded with numbers.
 */
import { useTranslation } from 'react-i18next'
import { formatBytes, formatPercent } from './format'
import type { Progress } from '../api/transfer'

export function TransferProgress({ label, progress }: { readonly label: string; readonly progress: Progress | null }) {
  const { i18n } = useTranslation()
  const locale = i18n.resolvedLanguage
  const fraction = progress?.total ? progress.loaded / progress.total : null
  const amount =
    fraction !== null ? formatPercent(fraction, locale) : progress ? formatBytes(progress.loaded, locale) : ''
  return (
    <div className="transfer-progress">
      <progress aria-label={label} max={1} value={fraction ?? undefined} />
      <span>{amount}</span>
    </div>
  )
}
