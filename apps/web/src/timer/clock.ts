/**
 * The relay's clock, as seen from here. Each client's own clock may be minutes off, so timers are
 * shown against the relay's: a few `GET /api/time` round trips, and the one with the shortest
 * round trip gives the offset (its midpoint is the best guess of when the relay read its clock).
 */

export interface ClockSample {
  /** Local time when the request left, in ms. */
  readonly sent: number
  /** Local time when the answer arrived, in ms. */
  readonly received: number
  /** The relay's clock in its answer. */
  readonly relayNow: number
}

/** Relay time minus local time, from the sample with the lowest round-trip time; 0 with no samples. */
export function estimateOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null
  for (const sample of samples) {
    if (!best || sample.received - sample.sent < best.received - best.sent) best = sample
  }
  return best ? Math.round(best.relayNow - (best.sent + best.received) / 2) : 0
}

const ROUND_TRIPS = 5
const REQUEST_TIMEOUT_MS = 3000

let offset = 0

/** The relay's current time, by the last estimate (the local clock until one succeeds). */
export function relayNow(): number {
  return Date.now() + offset
}

async function sample(): Promise<ClockSample | null> {
  const sent = Date.now()
  try {
    const response = await fetch('/api/time', { cache: 'no-store', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    const received = Date.now()
    const now = ((await response.json()) as { now?: unknown } | null)?.now
    return typeof now === 'number' && Number.isFinite(now) ? { sent, received, relayNow: now } : null
  } catch {
    return null
  }
}

/** Measures the offset again; keeps the previous one if the relay cannot be reached. */
export async function syncClock(): Promise<void> {
  const samples: ClockSample[] = []
  // One after another: parallel requests would queue behind each other and skew the round trips.
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const next = await sample()
    if (next) samples.push(next)
  }
  if (samples.length > 0) offset = estimateOffset(samples)
}
