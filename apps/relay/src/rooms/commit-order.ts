/**
 * Which of a doc's committed updates a room holds. With one relay on the embedded database every
 * update is the relay's own, and the highest sequence number is all there is to know. With several
 * relays on one database each doc has one contiguous order (1, 2, 3, …) and updates arrive from the
 * others out of order or not at all: the room holds the order up to `through`, plus some ahead of
 * it; a gap is read from the database.
 */
export class CommitOrder {
  private held: number
  private readonly ahead = new Set<number>()

  constructor(
    loadedThrough: number,
    /** Whether the database numbers each doc's updates without gaps (several relays share it). */
    private readonly contiguous: boolean,
  ) {
    this.held = loadedThrough
  }

  /** Every update up to this one is in the room's doc. */
  get through(): number {
    return this.held
  }

  /** Whether updates are missing below one the room holds. */
  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  /** The doc was read whole from storage, through `seq`: everything up to it is held. */
  heldThrough(seq: number): void {
    this.held = Math.max(this.held, seq)
    for (const ahead of this.ahead) if (ahead <= this.held) this.ahead.delete(ahead)
    while (this.ahead.delete(this.held + 1)) this.held++
  }

  /** Marks an update as held; false when it already was (a repeat, or one read while it was published). */
  take(seq: number): boolean {
    if (seq <= this.held || this.ahead.has(seq)) return false
    if (!this.contiguous) {
      this.held = seq
      return true
    }
    this.ahead.add(seq)
    while (this.ahead.delete(this.held + 1)) this.held++
    return true
  }
}
