/**
 * The header on every page: the Samla mark (home), page-specific content, the name field, the theme
 * and the language switch. On a narrow screen it is one line — the mark, the page's `children` (the
 * board's title and status) and one menu button — and the rest (`menu` and the settings) folds into
 * the menu, so the board keeps the height.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useNarrowScreen } from '../lib/useNarrowScreen'
import { Link } from './Link'
import { NameField } from './NameField'
import { ThemeSwitch } from './ThemeSwitch'

function Settings() {
  return (
    <div className="topbar-end">
      <NameField />
      <ThemeSwitch />
      <LanguageSwitch />
    </div>
  )
}

/**
 * A disclosure, not a modal: Escape or a press outside closes it. Its content stays mounted while
 * closed, so a dialog opened from it (sharing, export) lives on when it closes.
 */
function HeaderMenu({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog opened from the menu takes its own Escape.
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [open])

  return (
    <div ref={root} className="topbar-menu">
      <button
        ref={button}
        type="button"
        className="icon-button topbar-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('app.menu')}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
          <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
      <div id={panelId} className="topbar-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  )
}

export function TopBar({ children, menu }: { readonly children?: ReactNode; readonly menu?: ReactNode }) {
  const { t } = useTranslation()
  const narrow = useNarrowScreen()
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect x="3" y="6" width="18" height="18" rx="2" fill="#f6d365" transform="rotate(-6 12 15)" />
          <rect x="11" y="9" width="18" height="18" rx="2" fill="#9cc3f5" />
        </svg>
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <div className="topbar-main">
        {children}
        {!narrow && menu}
      </div>
      {narrow ? (
        <HeaderMenu>
          {menu && <div className="topbar-menu-tools">{menu}</div>}
          <Settings />
        </HeaderMenu>
      ) : (
        <Settings />
      )}
    </header>
  )
}
