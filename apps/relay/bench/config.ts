/**
 * Benchmark sizes and selection. Full scale is the brief's numbers; BENCH_SCALE (e.g. 0.1) shrinks
 * every count for a smoke run; BENCH_SERVERS and BENCH_SCENARIOS (comma-separated) pick a subset.
 */
import { SERVER_KINDS, type ServerKind } from './ipc.js'

export const SCALE = Number(process.env.BENCH_SCALE ?? 1)
if (!(SCALE > 0)) throw new Error(`BENCH_SCALE must be a positive number, got ${process.env.BENCH_SCALE}`)

const scaled = (full: number, min: number) => Math.max(min, Math.round(full * SCALE))

export const SIZES = {
  fanOut: { clients: scaled(200, 3), notes: scaled(30, 2), keystrokes: scaled(300, 10), perSecond: 50 },
  burst: { receivers: scaled(50, 2), keystrokes: scaled(2000, 50), notes: 20 },
  joinStorm: { notes: scaled(5000, 50), clients: scaled(200, 3) },
  manyBoards: { boards: scaled(500, 5), notesPerBoard: scaled(100, 5) },
}

export type Sizes = typeof SIZES

/** Worker threads the light clients of the burst and the join storm are spread over (BENCH_CLIENT_THREADS). */
export const CLIENT_THREADS = Number(process.env.BENCH_CLIENT_THREADS ?? 2)
if (!Number.isInteger(CLIENT_THREADS) || CLIENT_THREADS < 1) {
  throw new Error(`BENCH_CLIENT_THREADS must be a positive integer, got ${process.env.BENCH_CLIENT_THREADS}`)
}

/** An untimed pass at these sizes warms this process's JIT, which the first server measured would otherwise pay for. */
export const WARM_UP_SIZES: Pick<Sizes, 'fanOut' | 'burst' | 'joinStorm'> = {
  fanOut: { clients: 20, notes: 5, keystrokes: 95, perSecond: 100 },
  burst: { receivers: 10, keystrokes: 500, notes: 5 },
  joinStorm: { notes: 500, clients: 20 },
}

export const SCENARIO_NAMES = ['fan-out', 'burst', 'join-storm', 'many-boards'] as const
export type ScenarioName = (typeof SCENARIO_NAMES)[number]

function pick<T extends string>(variable: string, known: readonly T[]): T[] {
  const names = process.env[variable]?.split(',').map((name) => name.trim()) ?? [...known]
  return names.map((name) => {
    const found = known.find((k) => k === name)
    if (!found) throw new Error(`${variable}: unknown name ${name}; known: ${known.join(', ')}`)
    return found
  })
}

export const SERVERS: ServerKind[] = pick('BENCH_SERVERS', SERVER_KINDS)
export const SCENARIOS: ScenarioName[] = pick('BENCH_SCENARIOS', SCENARIO_NAMES)
