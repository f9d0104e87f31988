/**
 * The keyboard shortcuts, listed in a dialog opened from the toolbar or with "?", with the switch
 * that turns the single-key ones off. Every shortcut has a way without it (a button or a menu).
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../components/Dialog'
import { isTextEntry } from '../editing/keyTargets'
import { isSingleKey, setHelpOpen, setSingleKeys, useShortcuts } from '../lib/shortcutSettings'

const GROUPS = {
  board: [
    ['N', 'addNote'],
    ['?', 'help'],
    ['Tab / Shift+Tab', 'tab'],
    ['Ctrl+Z / Ctrl+Shift+Z', 'undo'],
    ['Ctrl+A', 'selectAll'],
    ['Ctrl+F', 'search'],
    ['Escape', 'escape'],
  ],
  canvas: [
    ['← ↑ → ↓', 'pan'],
    ['+ / − / 0', 'zoom'],
    ['Space', 'lift'],
    ['Shift+Space', 'select'],
    ['Enter', 'edit'],
    ['Delete', 'delete'],
  ],
  outline: [
    ['↑ / ↓', 'nextNote'],
    ['Home / End', 'firstLast'],
    ['Enter', 'edit'],
    ['Escape', 'leaveText'],
    ['Delete', 'delete'],
  ],
} as const

export function ShortcutsButton() {
  const { t } = useTranslation()
  return (
    <button type="button" className="button button--quiet" aria-haspopup="dialog" onClick={() => setHelpOpen(true)}>
      {t('shortcuts.open')}
    </button>
  )
}

function ShortcutsDialog() {
  const { t } = useTranslation()
  const singleKeys = useShortcuts((state) => state.singleKeys)
  return (
    <Dialog heading={t('shortcuts.heading')} className="shortcuts-dialog" onClose={() => setHelpOpen(false)}>
      {(close) => (
        <>
          <label className="panel-check">
            <input type="checkbox" checked={singleKeys} onChange={(event) => setSingleKeys(event.target.checked)} />
            {t('shortcuts.singleKeys')}
          </label>
          {Object.entries(GROUPS).map(([group, rows]) => (
            <section key={group} className="shortcuts-group">
              <h3>{t(`shortcuts.groups.${group as keyof typeof GROUPS}`)}</h3>
              <dl>
                {rows.map(([keys, what]) => (
                  <div key={what} className="shortcuts-row">
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{t(`shortcuts.keys.${what}`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="dialog-actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('shortcuts.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

/** The list of shortcuts when open, and "?" to open it (a single-key shortcut: off with the others). */
export function ShortcutsHelp() {
  const open = useShortcuts((state) => state.helpOpen)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || !isSingleKey(event) || isTextEntry(event.target) || event.defaultPrevented) return
      event.preventDefault()
      setHelpOpen(true)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
  return open ? <ShortcutsDialog /> : null
}
