/** The header on every page: the Samla mark (home), page-specific content, the name field, the theme and the language switch. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { Link } from './Link'
import { NameField } from './NameField'
import { ThemeSwitch } from './ThemeSwitch'

export function TopBar({ children }: { readonly children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect x="3" y="6" width="18" height="18" rx="2" fill="#f6d365" transform="rotate(-6 12 15)" />
          <rect x="11" y="9" width="18" height="18" rx="2" fill="#9cc3f5" />
        </svg>
        <span>{t('app.name')}</span>
      </Link>
      <div className="topbar-main">{children}</div>
      <div className="topbar-end">
        <NameField />
        <ThemeSwitch />
        <LanguageSwitch />
      </div>
    </header>
  )
}
