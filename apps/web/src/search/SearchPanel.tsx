/**
 * Search and filter on the board: a search field (Ctrl/Cmd+F goes to it), and behind "Filters" a
 * colour and an author to narrow it down. Matching notes are highlighted and the rest dimmed; how
 * many match ("3 av 40 lappar") is said in a polite live region. Escape in the field clears it.
 */
import { type BoardReader, NOTE_COLOURS, type NoteColour, type NoteLayout } from '@samla/board'
import { type KeyboardEvent, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useSearch } from '../session/BoardContext'
import { CloseIcon } from '../components/CloseIcon'
import { isFiltering } from '../session/match'

export const SEARCH_FIELD_ID = 'board-search'
/** Select value for "no author": option values must be non-empty to tell them from "anyone". */
const NO_AUTHOR = '\u0000'

function authorsOf(layout: readonly NoteLayout[], reader: BoardReader): string[] {
  const names = new Set(layout.map(({ id }) => reader.getNote(id)?.authorName.trim() ?? ''))
  const collator = new Intl.Collator('sv')
  return [...names].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
}

function Filters() {
  const { t } = useTranslation()
  const { reader, searchFilter } = useBoard()
  const layout = useSyncExternalStore(reader.subscribeLayout, reader.getLayout)
  const authors = useMemo(() => authorsOf(layout, reader), [layout, reader])
  const colour = useSearch((state) => state.colour)
  const author = useSearch((state) => state.author)
  const colourId = useId()
  const authorId = useId()
  return (
    <div className="search-filters">
      <label htmlFor={colourId}>{t('editing.search.colour')}</label>
      <select
        id={colourId}
        value={colour ?? ''}
        onChange={(event) =>
          searchFilter.getState().setColour((event.currentTarget.value || null) as NoteColour | null)
        }
      >
        <option value="">{t('editing.search.anyColour')}</option>
        {NOTE_COLOURS.map((name) => (
          <option key={name} value={name}>
            {t(`colours.${name}`)}
          </option>
        ))}
      </select>
      <label htmlFor={authorId}>{t('editing.search.author')}</label>
      <select
        id={authorId}
        value={author === null ? '' : author || NO_AUTHOR}
        onChange={(event) => {
          const value = event.currentTarget.value
          searchFilter.getState().setAuthor(value === '' ? null : value === NO_AUTHOR ? '' : value)
        }}
      >
        <option value="">{t('editing.search.anyAuthor')}</option>
        {authors.map((name) => (
          <option key={name || NO_AUTHOR} value={name || NO_AUTHOR}>
            {name || t('editing.search.noAuthor')}
          </option>
        ))}
      </select>
    </div>
  )
}

export function SearchPanel() {
  const { t } = useTranslation()
  const { search, searchFilter } = useBoard()
  const filter = useSearch((state) => state)
  const results = useSyncExternalStore(search.subscribe, search.get)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const filtersId = useId()
  const active = isFiltering(filter)
  // A search belongs to the board it was made on.
  useEffect(() => () => searchFilter.getState().clear(), [searchFilter])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape' || filter.query === '') return
    event.preventDefault()
    filter.setQuery('')
  }

  return (
    <search className="search-panel">
      <div className="search-row">
        <label htmlFor={SEARCH_FIELD_ID} className="visually-hidden">
          {t('editing.search.label')}
        </label>
        <input
          id={SEARCH_FIELD_ID}
          type="search"
          value={filter.query}
          placeholder={t('editing.search.placeholder')}
          aria-keyshortcuts="Control+F Meta+F"
          autoComplete="off"
          onChange={(event) => filter.setQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          {t('editing.search.filters')}
        </button>
        {active && (
          <button
            type="button"
            className="icon-button search-clear"
            aria-label={t('editing.search.clear')}
            title={t('editing.search.clear')}
            onClick={() => {
              filter.clear()
              document.getElementById(SEARCH_FIELD_ID)?.focus()
            }}
          >
            <CloseIcon />
          </button>
        )}
      </div>
      <div id={filtersId} hidden={!filtersOpen}>
        {filtersOpen && <Filters />}
      </div>
      <p className="search-count" role="status">
        {results.matches && t('editing.search.count', { matches: results.matches.size, count: results.total })}
      </p>
    </search>
  )
}
