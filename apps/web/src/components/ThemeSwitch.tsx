/** The theme choice in the header: as the device, light or dark, by name. */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { setTheme, THEMES, type Theme, useTheme } from '../lib/theme'

export function ThemeSwitch() {
  const { t } = useTranslation()
  const theme = useTheme((state) => state.theme)
  const id = useId()
  return (
    <div className="theme-switch">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select id={id} value={theme} onChange={(event) => setTheme(event.currentTarget.value as Theme)}>
        {THEMES.map((name) => (
          <option key={name} value={name}>
            {t(`theme.${name}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
