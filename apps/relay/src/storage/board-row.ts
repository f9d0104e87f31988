/** A board's row as both databases store it (the same columns), and the board it stands for. */
import type { StoredBoard } from './storage.js'

export interface BoardRow {
  id: string
  title: string
  created_at: number
  facilitator_generation: number
  participant_generation: number
  viewer_generation: number
}

export function storedBoard(row: BoardRow): StoredBoard {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    generations: {
      facilitator: row.facilitator_generation,
      participant: row.participant_generation,
      viewer: row.viewer_generation,
    },
  }
}
