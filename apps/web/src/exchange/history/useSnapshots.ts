/** The board's history list, loaded when the dialog opens and again on `reload` (after a save or restore). */
import { useCallback, useEffect, useState } from 'react'
import { useBoard } from '../../session/BoardContext'
import { listSnapshots, type SnapshotEntry } from '../../api/exchange'

export type SnapshotsState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly entries: readonly SnapshotEntry[] }

export function useSnapshots(): { readonly state: SnapshotsState; readonly reload: () => void } {
  const { boardId, token } = useBoard()
  const [generation, setGeneration] = useState(0)
  const [state, setState] = useState<SnapshotsState>({ status: 'loading' })
  // A reload keeps the current list on screen until the new one arrives.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation is what asks for a reload.
  useEffect(() => {
    const controller = new AbortController()
    listSnapshots(boardId, token, controller.signal).then(
      (entries) => setState({ status: 'ready', entries }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [boardId, token, generation])
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  return { state, reload }
}
