/**
 * The board screen's keyboard shortcuts in one registry: their keys as the shortcuts dialog shows
 * them, what they do, where they apply, and the action. One keydown listener (useBoardShortcuts)
 * runs them; keys that belong to one control (a note's Enter and Delete, the canvas's arrows, a
 * dialog's Escape) stay with that control, and the dialog lists them beside these.
 */
import { mayCluster, tidySelectionOrBoard } from '../clusters/clusterCommands'
import { setHelpOpen } from '../lib/shortcutSettings'
import { SEARCH_FIELD_ID } from '../search/SearchPanel'
import { addNoteInView } from '../session/commands'
import { presentingStore } from '../session/presenting'
import { type BoardSession, mayEditBoard } from '../session/session'
import { nudgeSelection, redoOwnChange, selectAll, undoOwnChange } from './editCommands'
import { hasCommandKey } from './keyTargets'
import { actionTargets } from './selection'

/**
 * Where a shortcut applies: `anywhere` on the board screen, text fields included; `board` outside
 * text fields; `note` on a focused note (before the note's own handlers, where Space would lift it).
 */
export type ShortcutScope = 'anywhere' | 'board' | 'note'

export interface Shortcut {
  /** The key of its line in the shortcuts dialog (`shortcuts.keys.<help>`). */
  readonly help: string
  /** The keys as the dialog shows them. */
  readonly keys: string
  readonly scope: ShortcutScope
  /** A plain key that the person can switch off with the other single-key shortcuts (WCAG 2.1.4). */
  readonly singleKey?: boolean
  matches(event: KeyboardEvent): boolean
  /** Does what the shortcut does; false when it does not apply now, so the key goes on to others. */
  run(session: BoardSession, event: KeyboardEvent, noteId: string | null): boolean
}

const key = (event: KeyboardEvent) => event.key.toLowerCase()
const commandKey = (letter: string) => (event: KeyboardEvent) => hasCommandKey(event) && key(event) === letter

/** Escape clears the selection from the board itself; elsewhere (a menu in the header) it is theirs. */
function onBoard(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.closest('.board-stage') !== null)
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    help: 'select',
    keys: 'Shift+Space',
    scope: 'note',
    matches: (event) => event.key === ' ' && event.shiftKey && !hasCommandKey(event),
    run: (session, _event, noteId) => {
      if (noteId) session.ui.getState().toggleSelected(noteId)
      return noteId !== null
    },
  },
  {
    help: 'nudge',
    keys: '← ↑ → ↓',
    scope: 'note',
    matches: (event) => event.key.startsWith('Arrow') && !hasCommandKey(event),
    run: (session, event, noteId) => {
      if (!noteId || !mayEditBoard(session)) return false
      const ui = session.ui.getState()
      const targets = actionTargets(ui.selection, noteId)
      if (targets !== ui.selection) ui.select(targets)
      return nudgeSelection(session, event.key, event.shiftKey)
    },
  },
  {
    help: 'addNote',
    keys: 'N',
    scope: 'board',
    singleKey: true,
    matches: (event) => key(event) === 'n' && !event.repeat,
    run: (session) => {
      if (!mayEditBoard(session)) return false
      addNoteInView(session)
      return true
    },
  },
  {
    help: 'tidy',
    keys: 'Shift+T',
    scope: 'board',
    singleKey: true,
    matches: (event) => key(event) === 't' && event.shiftKey && !hasCommandKey(event) && !event.repeat,
    run: (session) => {
      if (!mayCluster(session)) return false
      tidySelectionOrBoard(session)
      return true
    },
  },
  {
    help: 'help',
    keys: '?',
    scope: 'board',
    singleKey: true,
    matches: (event) => event.key === '?',
    run: () => {
      setHelpOpen(true)
      return true
    },
  },
  {
    help: 'present',
    keys: 'P',
    scope: 'board',
    singleKey: true,
    matches: (event) => key(event) === 'p' && !event.repeat,
    run: (session) => {
      // Participants write on their own screens; presenting is for a projector's viewer or the facilitator.
      if (session.role === 'participant') return false
      const presenting = presentingStore(session)
      presenting.getState().setPresenting(!presenting.getState().presenting)
      return true
    },
  },
  {
    help: 'undo',
    keys: 'Ctrl+Z / Ctrl+Shift+Z',
    scope: 'board',
    matches: (event) => commandKey('z')(event) || (event.ctrlKey && key(event) === 'y'),
    run: (session, event) => {
      if (key(event) === 'y' || event.shiftKey) redoOwnChange(session)
      else undoOwnChange(session)
      return true
    },
  },
  {
    help: 'selectAll',
    keys: 'Ctrl+A',
    scope: 'board',
    matches: commandKey('a'),
    run: (session) => {
      selectAll(session)
      return true
    },
  },
  {
    help: 'search',
    keys: 'Ctrl+F',
    scope: 'anywhere',
    matches: commandKey('f'),
    run: () => {
      document.getElementById(SEARCH_FIELD_ID)?.focus()
      return true
    },
  },
  {
    help: 'escape',
    keys: 'Escape',
    scope: 'board',
    matches: (event) => event.key === 'Escape' && !hasCommandKey(event),
    run: (session, event) => {
      const ui = session.ui.getState()
      if (!onBoard(event.target) || ui.selection.length === 0) return false
      ui.select([])
      return true
    },
  },
]

/** The registry's entry for a line of the shortcuts dialog. */
export function shortcutFor(help: string): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.help === help)
}
