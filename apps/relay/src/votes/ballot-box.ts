/**
 * One board's ballots, as the relay keeps them: in memory while the board is loaded, and in storage,
 * which every change reaches before it is made in memory. Ballots are keyed by participant id (per
 * board, derived from a device key at the websocket upgrade); the ids never leave the relay (or,
 * with several relays serving as one, the service: each tells the others of the dots it stored).
 */
import type { Ballot } from '@samla/board'
import type { Storage, StoredBallots } from '../storage/storage.js'

const EMPTY: Ballot = new Map()

export class BallotBox {
  constructor(
    private readonly boardId: string,
    private readonly storage: Storage,
    /** The board's ballots as loaded from storage. */
    private ballots: Map<string, Map<string, number>>,
    /** Tells the other relays of dots this one stored. */
    private readonly tell: (voter: string, noteId: string, dots: number) => void = () => {},
  ) {}

  get isEmpty(): boolean {
    return this.ballots.size === 0
  }

  /** The voter's dots as stored, on every note (counting leaves out notes off the board). */
  ballotOf(voter: string): Ballot {
    return this.ballots.get(voter) ?? EMPTY
  }

  all(): Iterable<Ballot> {
    return this.ballots.values()
  }

  /** Sets the voter's dots on the note (0 takes them away), in storage first. */
  async set(voter: string, noteId: string, dots: number): Promise<void> {
    await this.storage.setDots(this.boardId, voter, noteId, dots)
    this.heard(voter, noteId, dots)
    this.tell(voter, noteId, dots)
  }

  /** Dots stored by another relay of the service. */
  heard(voter: string, noteId: string, dots: number): void {
    const ballot = this.ballots.get(voter) ?? new Map<string, number>()
    if (dots > 0) ballot.set(noteId, dots)
    else ballot.delete(noteId)
    if (ballot.size > 0) this.ballots.set(voter, ballot)
    else this.ballots.delete(voter)
  }

  /** Every ballot as storage holds it now (read again after news may have been missed). */
  replace(ballots: Map<string, Map<string, number>>): void {
    this.ballots = ballots
  }

  /** Takes in the ballots the board kept in its doc; from now on the relay keeps them. */
  async adopt(ballots: StoredBallots): Promise<void> {
    await this.storage.adoptBallots(this.boardId, ballots)
    for (const [voter, ballot] of ballots) {
      const mine = this.ballots.get(voter) ?? new Map<string, number>()
      for (const [noteId, dots] of ballot) mine.set(noteId, dots)
      this.ballots.set(voter, mine)
    }
  }
}
