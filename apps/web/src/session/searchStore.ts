/** The search and filter the person has set on the open board: local UI state, in zustand. */
import type { NoteColour } from '@samla/board'
import { create } from 'zustand'
import { NO_FILTER, type NoteFilter } from './match'

interface SearchActions {
  setQuery(query: string): void
  setColour(colour: NoteColour | null): void
  setAuthor(author: string | null): void
  clear(): void
}

export const useSearch = create<NoteFilter & SearchActions>()((set) => ({
  ...NO_FILTER,
  setQuery: (query) => set({ query }),
  setColour: (colour) => set({ colour }),
  setAuthor: (author) => set({ author }),
  clear: () => set(NO_FILTER),
}))
