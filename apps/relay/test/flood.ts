/**
 * A flood against a relay running as its own process, so that its memory can be read apart from the
 * clients': hostile clients on one board — facilitator links sending frames of small nested maps
 * (each new, ~1.9 MiB), participant links sending the same, viewer links sending ~1.9 MiB presence
 * entries — every one reconnecting when closed, until the flood's time is up; meanwhile an honest
 * writer on ANOTHER board types 20 keystrokes a second and an honest reader there measures each
 * keystroke's latency. The relay's resident memory is read from /proc every 100 ms. Loopback only;
 * every loop stops by itself.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { addNote, setNoteText } from '@samla/board'
import * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'
import { authorOn, connectClient, createBoard, linksOf, sleep, synced } from './helpers.js'

const here = path.dirname(fileURLToPath(import.meta.url))

export interface FloodOptions {
  /** How long the hostile clients flood. */
  readonly seconds: number
  readonly facilitators: number
  readonly participants: number
  readonly viewers: number
}

export interface FloodResult {
  readonly rssBeforeMb: number
  readonly rssPeakMb: number
  readonly rssAfterMb: number
  /** CPU time the relay used while the hostile clients ran. */
  readonly relayCpuMs: number
  readonly keystrokes: number
  readonly delivered: number
  readonly p50Ms: number
  readonly p99Ms: number
  /** Frames the hostile clients got onto the wire. */
  readonly hostileFrames: number
}

export const FRAME_TARGET_BYTES = 1.9 * 1024 * 1024

/**
 * A fresh update of small nested maps, about 1.9 MiB, under a client id of its own: written straight
 * in Yjs's update format (a Y.Doc would take seconds to build each), top-level map `junk` holding maps
 * of 500 numbers each.
 */
export function junkUpdate(seed: number): Uint8Array {
  const client = 1_000_000 + seed
  const structs = encoding.createEncoder()
  let count = 0
  for (let map = 0; encoding.length(structs) < FRAME_TARGET_BYTES; map++) {
    const mapClock = count
    // A map under a top-level key: content type (7) with a key (0x20), its parent named.
    encoding.writeUint8(structs, 7 | 0x20)
    encoding.writeVarUint(structs, 1)
    encoding.writeVarString(structs, 'junk')
    encoding.writeVarString(structs, `m${seed}.${map}`)
    encoding.writeVarUint(structs, 1) // Y.Map
    count++
    for (let k = 0; k < 500; k++) {
      // A number under a key of that map: content any (8) with a key (0x20), its parent by id.
      encoding.writeUint8(structs, 8 | 0x20)
      encoding.writeVarUint(structs, 0)
      encoding.writeVarUint(structs, client)
      encoding.writeVarUint(structs, mapClock)
      encoding.writeVarString(structs, `k${k}`)
      encoding.writeVarUint(structs, 1)
      encoding.writeAny(structs, k)
      count++
    }
  }
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, count)
  encoding.writeVarUint(update, client)
  encoding.writeVarUint(update, 0)
  encoding.writeUint8Array(update, encoding.toUint8Array(structs))
  encoding.writeVarUint(update, 0) // no deletions
  return encoding.toUint8Array(update)
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

/** CPU time the process has used, user and system (ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  // utime and stime, the 12th and 13th fields after the command, in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) * 10
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

/**
 * The hostile clients, in a process of their own so that they cannot slow the honest ones measured
 * here. Resolves `ready` once they have made their frames and start, and `sent` when they are done.
 */
function startHostiles(url: string, boardId: string, options: FloodOptions) {
  const links = linksOf(boardId)
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'flood-hostiles.ts')], {
    cwd: path.resolve(here, '..'),
    env: { ...process.env, FLOOD: JSON.stringify({ url, boardId, links, options }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  let started: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    started = resolve
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (output.includes('ready')) started()
  })
  const sent = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => {
      const frames = Number(/sent (\d+)/.exec(output)?.[1])
      if (code === 0 && Number.isInteger(frames)) resolve(frames)
      else reject(new Error(`hostile clients exited with ${code}: ${output}`))
    })
  })
  return { ready, sent }
}

export async function flood(relay: { url: string; pid: number }, options: FloodOptions): Promise<FloodResult> {
  const target = await createBoard(relay, 'Flooded')
  const quiet = await createBoard(relay, 'Quiet')
  const writer = connectClient(relay, quiet)
  const reader = connectClient(relay, quiet)
  await Promise.all([synced(writer), synced(reader)])
  const noteId = addNote(writer.doc, { x: 0, y: 0, text: '0', ...authorOn(quiet) })
  const sentAt = new Map<number, number>()
  const latencies: number[] = []
  const readText = () => (reader.doc.getMap('notes').get(noteId) as Y.Map<unknown> | undefined)?.get('text')
  reader.doc.on('afterTransaction', () => {
    const seen = Number(String(readText() ?? ''))
    // Keystrokes sent in one tick arrive merged: each up to the one shown has arrived.
    for (const [seq, at] of sentAt) {
      if (seq > seen) continue
      sentAt.delete(seq)
      latencies.push(performance.now() - at)
    }
  })
  await sleep(500)
  const rssBeforeMb = rssMb(relay.pid)
  const cpuBefore = cpuMs(relay.pid)
  let rssPeakMb = rssBeforeMb
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssMb(relay.pid))
  }, 100)
  // The hostile process makes its frames first; the honest writer types while they are sent.
  const hostiles = startHostiles(relay.url, target, options)
  await hostiles.ready
  const until = Date.now() + options.seconds * 1000
  let keystrokes = 0
  while (Date.now() < until) {
    keystrokes++
    sentAt.set(keystrokes, performance.now())
    setNoteText(writer.doc, noteId, String(keystrokes))
    await sleep(50)
  }
  const hostileFrames = await hostiles.sent
  // Keystrokes still on their way get a second to land; later than that they count as lost.
  await sleep(1000)
  clearInterval(sampler)
  const rssAfterMb = rssMb(relay.pid)
  const relayCpuMs = cpuMs(relay.pid) - cpuBefore
  writer.destroy()
  reader.destroy()
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    rssBeforeMb,
    rssPeakMb,
    rssAfterMb,
    relayCpuMs,
    keystrokes,
    delivered: latencies.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    hostileFrames,
  }
}
