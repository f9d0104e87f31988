/**
 * Who is on the board right now: a button with the count that opens the list of names, grouped by
 * organisation. It is a disclosure (not a dialog): the board stays usable, Escape or a click
 * elsewhere closes it, and focus goes back to the button.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../session/BoardContext'
import type { OrganisationGroup } from '../session/peers'
import { requestProfileEdit } from './profile'

function Group({ group }: { readonly group: OrganisationGroup }) {
  const { t } = useTranslation()
  const headingId = useId()
  const organisation = group.organisation || t('editing.people.noOrganisation')
  return (
    <li className="people-group">
      <h3 id={headingId} className="people-organisation">
        {t('editing.people.group', { organisation, count: group.people.length })}
      </h3>
      <ul aria-labelledby={headingId}>
        {group.people.map((person) => (
          <li key={person.id} className="people-person">
            <span className="presence-swatch" style={{ background: person.colour }} aria-hidden="true" />
            <span>
              {person.name || t('editing.people.anonymous')}
              {person.self && <span className="muted"> ({t('editing.people.you')})</span>}
            </span>
          </li>
        ))}
      </ul>
    </li>
  )
}

export function ParticipantList() {
  const { t } = useTranslation()
  const { presence, connection } = useBoard()
  const people = useSyncExternalStore(presence.subscribePeople, presence.getPeople)
  const online = useSyncExternalStore(connection.subscribe, () => connection.getState().status === 'connected')
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
      if (event.key !== 'Escape' || !root.current?.contains(document.activeElement)) return
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
    <div ref={root} className="people">
      <button
        ref={button}
        type="button"
        className="button button--quiet people-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="5" r="3" fill="currentColor" />
          <path d="M2 15c0-3.3 2.7-6 6-6s6 2.7 6 6z" fill="currentColor" />
        </svg>
        <span className="visually-hidden">{t('editing.people.label')}: </span>
        <span data-people-count={people.count}>{t('editing.people.here', { count: people.count })}</span>
      </button>
      <div id={panelId} className="people-panel" hidden={!open}>
        <h2 className="people-heading">{t('editing.people.heading')}</h2>
        {!online && <p className="muted">{t('editing.people.offline')}</p>}
        <ul className="people-groups">
          {people.groups.map((group) => (
            <Group key={group.organisation.toLocaleLowerCase('sv')} group={group} />
          ))}
        </ul>
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(false)
            requestProfileEdit(true)
          }}
        >
          {t('editing.people.editProfile')}
        </button>
      </div>
    </div>
  )
}
