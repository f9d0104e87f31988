/**
 * The flood's hostile clients (flood.ts), run as a process of their own: facilitator and participant
 * links sending ~1.9 MiB frames of small nested maps, viewer links sending ~1.9 MiB presence entries,
 * each reconnecting whenever it is closed, for the time given. Prints `ready` once its frames are
 * made and it starts, and `sent <frames>` at the end.
 */
import { WebSocket } from 'ws'
import { FRAME_TARGET_BYTES, type FloodOptions, junkUpdate } from './flood.js'
import { awarenessFrame, type Links, sleep, updateFrame } from './helpers.js'

interface Plan {
  readonly url: string
  readonly boardId: string
  readonly links: Links
  readonly options: FloodOptions
}

/** One hostile link: connects, sends frames while it may, reconnects when closed, until `until`. */
async function hostile(url: string, boardId: string, token: string, frames: () => Uint8Array, until: number) {
  let sent = 0
  while (Date.now() < until) {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/${boardId}?token=${encodeURIComponent(token)}`)
    const closed = new Promise<void>((resolve) => {
      ws.once('close', () => resolve())
      ws.once('error', () => resolve())
    })
    await Promise.race([new Promise((resolve) => ws.once('open', resolve)), closed])
    while (ws.readyState === ws.OPEN && Date.now() < until) {
      // As fast as the socket drains: the relay decides how fast it reads.
      if (ws.bufferedAmount < 4 * 1024 * 1024) {
        ws.send(frames())
        sent++
      }
      await sleep(5)
    }
    ws.terminate()
    await closed
    await sleep(20)
  }
  return sent
}

async function main(plan: Plan): Promise<void> {
  const { url, boardId, links, options } = plan
  // Each facilitator frame is new (a client id and keys of its own), so that a relay taking them keeps them all.
  const pool = Array.from({ length: options.facilitators * 3 }, (_, seed) => updateFrame(junkUpdate(seed)))
  let next = 0
  const junk = () => pool[next++ % pool.length] as Uint8Array
  const shared = junk()
  let clock = 0
  const bigPresence = () =>
    awarenessFrame([
      { clientId: 424242 + (clock % 1000), clock: ++clock, state: { user: { name: 'x'.repeat(FRAME_TARGET_BYTES) } } },
    ])
  console.log('ready')
  const until = Date.now() + options.seconds * 1000
  const sent = await Promise.all([
    ...Array.from({ length: options.facilitators }, () => hostile(url, boardId, links.facilitator, junk, until)),
    ...Array.from({ length: options.participants }, () =>
      hostile(url, boardId, links.participant, () => shared, until),
    ),
    ...Array.from({ length: options.viewers }, () => hostile(url, boardId, links.viewer, bigPresence, until)),
  ])
  console.log(`sent ${sent.reduce((sum, n) => sum + n, 0)}`)
}

await main(JSON.parse(process.env.FLOOD ?? '{}') as Plan)
