/**
 * The facilitator's results and content tools in the board header: one "Files and history" button
 * that discloses export, CSV import and the board's history, each opening its dialog (one button,
 * so the header row keeps its room). Import is the facilitator's alone: it starts with a history
 * snapshot, which only a facilitator may take, so it can always be undone.
 */
import { type FocusEvent, type KeyboardEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CsvImportDialog } from './csv/CsvImportDialog'
import { ExportDialog } from './ExportDialog'
import { HistoryDialog } from './history/HistoryDialog'

type Tool = 'export' | 'import' | 'history'

const ICONS: Record<Tool, string> = {
  export: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10',
  import: 'M8 10V2M4.5 5.5 8 2l3.5 3.5M3 13h10',
  history: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.5H5M8 5v3l2 1.5',
}

export function ExchangeTools({ title }: { readonly title: string }) {
  const { t } = useTranslation()
  const listId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  const [expanded, setExpanded] = useState(false)
  const [open, setOpen] = useState<Tool | null>(null)
  const choose = (tool: Tool) => {
    setExpanded(false)
    setOpen(tool)
  }
  // The item that opened the dialog is gone once the list folds, so focus returns to the toggle.
  const close = () => {
    setOpen(null)
    toggle.current?.focus()
  }
  const menu = useRef<HTMLDivElement>(null)
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'Escape' || !expanded) return
    event.preventDefault()
    setExpanded(false)
    toggle.current?.focus()
  }
  // Focus moving out of the toggle and its list folds the list, as clicking elsewhere does.
  const onBlur = (event: FocusEvent<HTMLButtonElement>) => {
    if (!menu.current?.contains(event.relatedTarget)) setExpanded(false)
  }
  return (
    <div ref={menu} className="exchange-menu">
      <button
        ref={toggle}
        type="button"
        className="button exchange-menu-toggle"
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={() => setExpanded(!expanded)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        {t('exchange.tools.menu')}
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M4 6l4 4 4-4" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" />
        </svg>
      </button>
      <ul id={listId} className="exchange-menu-list" hidden={!expanded}>
        {(Object.keys(ICONS) as Tool[]).map((tool) => (
          <li key={tool}>
            <button
              type="button"
              className="button button--quiet"
              aria-haspopup="dialog"
              onClick={() => choose(tool)}
              onKeyDown={onKeyDown}
              onBlur={onBlur}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path
                  d={ICONS[tool]}
                  stroke="currentColor"
                  strokeWidth="1.6"
                  fill="none"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              {t(`exchange.tools.${tool}`)}
            </button>
          </li>
        ))}
      </ul>
      {open === 'export' && <ExportDialog title={title} onClose={close} />}
      {open === 'import' && <CsvImportDialog onClose={close} />}
      {open === 'history' && <HistoryDialog onClose={close} />}
    </div>
  )
}
