/**
 * The mark on a note in a confirmed stack (issue #21): "Stack · 3" in the note's header, naming every
 * board the stack's notes came from in its title and in the note's accessible name, so that a stack's
 * origins are shown on each of its notes (they stay where they were laid out, often in different regions).
 */
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useBoardLanguage } from '../i18n/BoardLanguage'
import { useBoard } from '../session/BoardContext'
import { useNoteStack } from './stackIndex'
import { stackOrigins } from './stackOrigins'

export interface StackInfo {
  readonly count: number
  readonly titles: readonly string[]
}

/** The stack the note is in, with its size and origins, or null for a note in no stack. */
export function useStackInfo(id: string): StackInfo | null {
  const { t } = useBoardLanguage()
  const { reader } = useBoard()
  const stack = useNoteStack(id)
  return useMemo(() => {
    if (!stack) return null
    const words = { untitled: t('regions.untitled'), thisBoard: t('stacks.thisBoard') }
    const titles = stackOrigins(stack.noteIds, (noteId) => reader.getNote(noteId)?.origin, words)
    return { count: stack.noteIds.length, titles }
  }, [stack, t, reader])
}

/** The note's accessible name with its stack added, or the name unchanged for a note in no stack. */
export function withStack(t: TFunction, label: string, stack: StackInfo | null): string {
  return stack ? t('stacks.noteLabel', { label, count: stack.count, titles: stack.titles }) : label
}

export function StackMark({ stack }: { readonly stack: StackInfo }) {
  const { t } = useBoardLanguage()
  return (
    // aria-hidden: the note's accessible name says it in full (withStack).
    <p
      className="note-stack"
      title={t('stacks.markTitle', { count: stack.count, titles: stack.titles })}
      aria-hidden="true"
    >
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path d="M3 5.5h8v8H3zM5 3.5h8v8" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      {t('stacks.mark', { count: stack.count })}
    </p>
  )
}
