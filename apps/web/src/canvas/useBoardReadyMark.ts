/**
 * Marks the first render of the board after the relay's first sync with a User Timing mark,
 * `samla:board-ready` (detail: how many notes), for benchmarks and for anyone profiling a load.
 * The mark is set when that render is committed to the DOM, ahead of the frame that paints it.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react'
import { useBoard } from '../session/BoardContext'

export const BOARD_READY_MARK = 'samla:board-ready'

/** Returns whether the relay's first sync has arrived. */
export function useBoardReadyMark(): boolean {
  const { connection, reader } = useBoard()
  const synced = useSyncExternalStore(connection.subscribe, () => connection.getState().status === 'connected')
  useLayoutEffect(() => {
    if (!synced || performance.getEntriesByName(BOARD_READY_MARK).length > 0) return
    performance.mark(BOARD_READY_MARK, { detail: { notes: reader.getLayout().length } })
  }, [synced, reader])
  return synced
}
