/**
 * The keyboard shortcuts, listed in a dialog opened from the toolbar or with "?", with the switch
 * that turns the single-key ones off. Every shortcut has a way without it (a button or a menu).
 */
import { useTranslation } from 'react-i18next'
import { Dialog } from '../components/Dialog'
import { shortcutFor } from '../editing/shortcuts'
import { setHelpOpen, setSingleKeys, useShortcuts } from '../lib/shortcutSettings'

/** Keys handled by one control rather than the board's registry, as the dialog shows them. */
const CONTROL_KEYS: Readonly<Record<string, string>> = {
  tab: 'Tab / Shift+Tab',
  pan: '← ↑ → ↓',
  zoom: '+ / − / 0',
  lift: 'Space',
  edit: 'Enter',
  delete: 'Delete',
  nextNote: '↑ / ↓',
  firstLast: 'Home / End',
  leaveText: 'Escape',
}

/** The dialog's lines: a registry shortcut's keys come from the registry, so the list cannot drift from what runs. */
const GROUPS = {
  board: ['addNote', 'tidy', 'present', 'help', 'tab', 'undo', 'selectAll', 'search', 'escape'],
  canvas: ['pan', 'zoom', 'lift', 'select', 'edit', 'delete'],
  outline: ['nextNote', 'firstLast', 'edit', 'leaveText', 'delete'],
} as const

const keysOf = (help: string) => shortcutFor(help)?.keys ?? CONTROL_KEYS[help] ?? help

export function ShortcutsButton() {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="button button--quiet shortcuts-button"
      aria-haspopup="dialog"
      onClick={() => setHelpOpen(true)}
    >
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
                {rows.map((what) => (
                  <div key={what} className="shortcuts-row">
                    <dt>
                      <kbd>{keysOf(what)}</kbd>
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

/** The list of shortcuts when open ("?" opens it: see editing/shortcuts.ts). */
export function ShortcutsHelp() {
  const open = useShortcuts((state) => state.helpOpen)
  return open ? <ShortcutsDialog /> : null
}
