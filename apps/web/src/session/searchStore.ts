/** The search and filter the person has set on one open board: local UI state, in a zustand store the session creates. */
import type { NoteColour } from '@samla/board'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { NO_FILTER, type NoteFilter } from './match'

interface SearchActions {
  setQuery(query: string): void
  setColour(colour: NoteColour | null): void
  setAuthor(author: string | null): void
  clear(): void
}

export type SearchFilter = NoteFilter & SearchActions
export type SearchFilterStore = StoreApi<SearchFilter>

export const createSearchFilterStore = (): SearchFilterStore =>
  createStore<SearchFilter>()((set) => ({
    ...NO_FILTER,
    setQuery: (query) => set({ query }),
    setColour: (colour) => set({ colour }),
    setAuthor: (author) => set({ author }),
    clear: () => set(NO_FILTER),
  }))
