/**
 * What a note shows about others and about the search: who else is editing it or has it selected
 * (a ring in their colour and their name — never the colour alone), and whether it matches the
 * current search (the note is then highlighted; a note that does not match is dimmed, by the
 * `.note:has(…)` rules in presence.css). Each part subscribes to exactly this note's answer.
 */
import { memo, useSyncExternalStore } from 'react'
import { useBoard } from '../session/BoardContext'
import { useBoardLanguage } from '../i18n/BoardLanguage'

/** Names shown on a note; more people are summed up as "and N more". */
const SHOWN_NAMES = 2

function NotePresence({ id }: { readonly id: string }) {
  const { t } = useBoardLanguage()
  const { presence } = useBoard()
  const marks = useSyncExternalStore(presence.subscribePeople, () => presence.getMarks(id))
  const first = marks[0]
  if (!first) return null
  const rest = marks.length - SHOWN_NAMES
  return (
    <>
      <span className="note-presence-ring" style={{ borderColor: first.colour }} aria-hidden="true" />
      <p className="note-presence" data-presence-kind={first.kind}>
        {marks.slice(0, SHOWN_NAMES).map((mark) => (
          <span key={mark.clientId} className="note-presence-name" style={{ background: mark.colour }}>
            {t(`editing.marks.${mark.kind}`, { name: mark.name || t('editing.marks.someone') })}
          </span>
        ))}
        {rest > 0 && <span className="note-presence-more">{t('editing.marks.more', { count: rest })}</span>}
      </p>
    </>
  )
}

function NoteSearchMark({ id }: { readonly id: string }) {
  const { t } = useBoardLanguage()
  const { search } = useBoard()
  const state = useSyncExternalStore(search.subscribe, () => {
    const { matches } = search.get()
    return matches ? (matches.has(id) ? 'match' : 'dim') : null
  })
  if (state === 'dim') return <span className="note-search-dim" hidden />
  if (state === 'match') return <span className="note-search-match visually-hidden">{t('editing.search.match')}</span>
  return null
}

export const NoteBadges = memo(function NoteBadges({ id }: { readonly id: string }) {
  return (
    <>
      <NotePresence id={id} />
      <NoteSearchMark id={id} />
    </>
  )
})
