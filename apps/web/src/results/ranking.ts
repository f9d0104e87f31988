/**
 * The notes that got dots, ranked across the whole board for the results shown on it: most dots
 * first, equal totals sharing a place (1, 1, 3), ties in board order.
 */

export interface RankedPlace {
  readonly id: string
  readonly votes: number
  /** 1 for the most dots; equal totals share a place. */
  readonly place: number
}

/** At most `limit` notes with dots, by `totals`; `order` is the board's note ids, for ties. */
export function rankPlaces(
  order: readonly string[],
  totals: ReadonlyMap<string, number>,
  limit: number,
): RankedPlace[] {
  const withDots = order
    .map((id, index) => ({ id, index, votes: totals.get(id) ?? 0 }))
    .filter((entry) => entry.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
  const places: RankedPlace[] = []
  for (const [i, { id, votes }] of withDots.slice(0, limit).entries()) {
    const previous = places[i - 1]
    places.push({ id, votes, place: previous && previous.votes === votes ? previous.place : i + 1 })
  }
  return places
}
