/**
 * Local UI state of the facilitation features of one open board, in a zustand store the session
 * creates beside its UI store: which
 * panels are open, whether this person follows the facilitator or hears the timer, and a cluster
 * drag or rename in progress. Never board data: the docs own that.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import { readStored, writeStored } from '../lib/storage'
import { isNarrowScreen } from '../lib/useNarrowScreen'

const SOUND_KEY = 'samla.timerSound'

export interface ClusterDrag {
  readonly id: string
  /** Offset so far, in world units. */
  readonly dx: number
  readonly dy: number
  /** The cluster whose header it is over: dropped there, the two merge. */
  readonly mergeInto: string | null
}

interface FacilitationUiState {
  readonly panelOpen: boolean
  readonly resultsOpen: boolean
  readonly following: boolean
  readonly soundOn: boolean
  readonly clusterDrag: ClusterDrag | null
  /** A cluster whose name field should take focus once rendered (one just made). */
  readonly nameFocusRequest: string | null
  /** A cluster with focus inside it: kept rendered when scrolled out of view. */
  readonly activeCluster: string | null
  /** The cluster whose tools dialog is open. */
  readonly toolsFor: string | null
}

interface FacilitationUiActions {
  setPanelOpen(open: boolean): void
  setResultsOpen(open: boolean): void
  setFollowing(following: boolean): void
  setSoundOn(on: boolean): void
  setClusterDrag(drag: ClusterDrag | null): void
  requestNameFocus(id: string | null): void
  setActiveCluster(id: string | null): void
  setToolsFor(id: string | null): void
}

export type FacilitationUi = FacilitationUiState & FacilitationUiActions
export type FacilitationUiStore = StoreApi<FacilitationUi>

const initial = {
  resultsOpen: false,
  following: false,
  clusterDrag: null,
  nameFocusRequest: null,
  activeCluster: null,
  toolsFor: null,
}

export const createFacilitationUiStore = (): FacilitationUiStore =>
  createStore<FacilitationUi>()((set) => ({
    ...initial,
    // On a phone or portrait tablet the open panel would cover half the board: it opens on request.
    panelOpen: !isNarrowScreen(),
    soundOn: readStored(SOUND_KEY) === 'on',
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    setResultsOpen: (resultsOpen) => set({ resultsOpen }),
    setFollowing: (following) => set({ following }),
    setSoundOn: (soundOn) => {
      writeStored(SOUND_KEY, soundOn ? 'on' : 'off')
      set({ soundOn })
    },
    setClusterDrag: (clusterDrag) => set({ clusterDrag }),
    requestNameFocus: (nameFocusRequest) => set({ nameFocusRequest }),
    setActiveCluster: (activeCluster) => set({ activeCluster }),
    setToolsFor: (toolsFor) => set({ toolsFor }),
  }))
