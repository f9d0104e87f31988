/** The person's role on this board, always visible: Facilitator, Participant or Viewer. */
import { useTranslation } from 'react-i18next'
import type { Role } from '@samla/protocol'

export function RoleBadge({ role }: { readonly role: Role }) {
  const { t } = useTranslation()
  return (
    <span className="role-badge" data-role={role}>
      <span className="visually-hidden">{t('role.label')}: </span>
      {t(`role.${role}`)}
    </span>
  )
}
