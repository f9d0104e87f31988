/** The optional display name written on new notes; left empty, notes are signed "Anonym"/"Anonymous". */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_NAME_LENGTH, setDisplayName, useDisplayName } from '../lib/identity'

export function NameField() {
  const { t } = useTranslation()
  const id = useId()
  const name = useDisplayName()
  return (
    <div className="name-field">
      <label htmlFor={id}>{t('user.nameLabel')}</label>
      <input
        id={id}
        type="text"
        value={name}
        placeholder={t('user.anonymous')}
        maxLength={MAX_NAME_LENGTH}
        autoComplete="nickname"
        onChange={(event) => setDisplayName(event.currentTarget.value)}
      />
    </div>
  )
}
