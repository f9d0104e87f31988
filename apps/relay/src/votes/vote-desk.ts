/**
 * One board's dot vote over its connections (@samla/protocol's vote messages). A connection asks to
 * watch the vote and for dots; the desk checks each ask against the asker's own ballot (the board's
 * rules, @samla/board's refuseDot), stores it, and answers. Whoever watches is sent what they may see
 * whenever it changes: the number of voters and their own ballot, and the totals only when their role
 * may see them (before the reveal, the facilitator alone). No ballot by person ever leaves the relay
 * (with several relays serving as one: the service, whose relays hear of each other's stored dots).
 *
 * Asks are decided one at a time, each checked and stored before the next is checked, so asks racing
 * from several tabs of one person (one participant id) are decided one after the other against the
 * ballot as the last left it.
 */
import {
  type Ballot,
  ballotChange,
  type ControlState,
  countedDots,
  type DotChange,
  refuseDot,
  type Tally,
  tallyBallots,
  type VoteTarget,
  voteTargets,
  watchVoteTargets,
} from '@samla/board'
import {
  decodeVoteRequest,
  encodeVoteReply,
  mayEdit,
  type Role,
  seesVoteTotals,
  type VoteRefusal,
  type VoteRequest,
  type VoteView,
} from '@samla/protocol'
import type * as decoding from 'lib0/decoding'
import type * as Y from 'yjs'
import type { StoredBallots } from '../storage/storage.js'
import type { BallotBox } from './ballot-box.js'

/** A connection as the desk sees it: who it is, and how to send it a message. */
export interface VoteWatcher {
  readonly identity: { readonly role: Role; readonly participant: string | null }
  send(message: Uint8Array): void
}

const NO_DOTS: Ballot = new Map()

export class VoteDesk {
  /** Connections that asked to watch the vote, with the view last sent to each. */
  private readonly watchers = new Map<VoteWatcher, Uint8Array | null>()
  /**
   * Which note each note's dots count on (a stack's first note): forgotten when notes or stacks
   * change, and read again when next needed (targetNow).
   */
  private target: VoteTarget | null = null
  private readonly stopWatchingTargets: () => void
  private tallied: Tally | null = null
  private refreshQueued = false
  /** The asks being decided, in order of arrival. */
  private deciding: Promise<void> = Promise.resolve()

  constructor(
    private readonly doc: Y.Doc,
    private readonly box: BallotBox,
    /** The board's control state now: the vote's settings and the lock. */
    private readonly control: () => ControlState,
  ) {
    // A note coming or going changes what counts (a deleted note's dots go back to their voters), and
    // so does a stack confirmed or taken back (its notes' dots count as one).
    this.stopWatchingTargets = watchVoteTargets(doc, () => {
      this.target = null
      if (!this.box.isEmpty) this.changed()
    })
  }

  /** Reads one vote message (its type already read); throws on a malformed one. */
  read(decoder: decoding.Decoder): VoteRequest {
    return decodeVoteRequest(decoder)
  }

  /** Decides one ask after those before it; rejects (a StorageFailure) when its dots could not be stored. */
  receive(watcher: VoteWatcher, request: VoteRequest): Promise<void> {
    const decided = this.deciding.then(() => this.decide(watcher, request))
    this.deciding = decided.catch(() => undefined)
    return decided
  }

  private async decide(watcher: VoteWatcher, request: VoteRequest): Promise<void> {
    if (request.kind === 'watch') {
      this.watchers.set(watcher, null)
      this.sendView(watcher)
      return
    }
    const refusal = this.refusal(watcher, request.kind, request.noteId)
    const voter = watcher.identity.participant
    if (refusal === null && voter !== null) {
      const writes = ballotChange(this.box.ballotOf(voter), request.kind, request.noteId, this.targetNow())
      for (const [noteId, dots] of writes) await this.box.set(voter, noteId, dots)
      if (writes.size > 0) this.changed()
    }
    const view = this.viewFor(watcher)
    const message = encodeVoteReply({ kind: 'answer', request: request.request, refusal, view })
    watcher.send(message)
    // What the answer showed is what a push would: the asker is not sent it twice.
    if (this.watchers.has(watcher)) this.watchers.set(watcher, encodeVoteReply({ kind: 'view', view }))
  }

  forget(watcher: VoteWatcher): void {
    this.watchers.delete(watcher)
  }

  /** The control doc changed: the vote may have opened, closed or been revealed. */
  controlChanged(): void {
    this.queueRefresh()
  }

  /** Dots another relay of the service stored. */
  heard(voter: string, noteId: string, dots: number): void {
    this.box.heard(voter, noteId, dots)
    this.changed()
  }

  /** The board's ballots read again from storage. */
  reloaded(ballots: Map<string, Map<string, number>>): void {
    this.box.replace(ballots)
    this.changed()
  }

  /** Takes in the ballots the board kept in its doc (see BallotBox.adopt). */
  async adopt(ballots: StoredBallots): Promise<void> {
    await this.box.adopt(ballots)
    this.changed()
  }

  destroy(): void {
    this.stopWatchingTargets()
    this.watchers.clear()
  }

  private refusal(watcher: VoteWatcher, change: DotChange, noteId: string): VoteRefusal | null {
    const { role, participant } = watcher.identity
    const control = this.control()
    if (!mayEdit(role, control.locked)) return 'vote-not-allowed'
    if (participant === null) return 'vote-no-participant'
    const target = this.targetNow()
    const ballot = countedDots(this.box.ballotOf(participant), target)
    return refuseDot(ballot, change, noteId, control.vote, target)
  }

  /** The vote's targets as the doc stands, read only when something needs them. */
  private targetNow(): VoteTarget {
    this.target ??= voteTargets(this.doc)
    return this.target
  }

  private tally(): Tally {
    this.tallied ??= tallyBallots(this.box.all(), this.targetNow())
    return this.tallied
  }

  private viewFor(watcher: VoteWatcher): VoteView {
    const { role, participant } = watcher.identity
    const { totals, voters } = this.tally()
    const mine = participant === null ? NO_DOTS : countedDots(this.box.ballotOf(participant), this.targetNow())
    return { voters, mine, totals: seesVoteTotals(role, this.control().vote.revealed) ? totals : null }
  }

  private changed(): void {
    this.tallied = null
    this.queueRefresh()
  }

  /** Changes made in one tick reach each watcher as one message, after the tick. */
  private queueRefresh(): void {
    if (this.refreshQueued || this.watchers.size === 0) return
    this.refreshQueued = true
    setImmediate(() => {
      this.refreshQueued = false
      for (const watcher of this.watchers.keys()) this.sendView(watcher)
    })
  }

  /** Sends the watcher its view, unless it is the one it was sent last. */
  private sendView(watcher: VoteWatcher): void {
    const message = encodeVoteReply({ kind: 'view', view: this.viewFor(watcher) })
    const last = this.watchers.get(watcher)
    if (last && Buffer.from(last).equals(message)) return
    this.watchers.set(watcher, message)
    watcher.send(message)
  }
}
