/** Measuring helpers: percentiles, how busy this client process was, and waiting for both sides to go idle. */
import { sleep } from './clients.js'
import type { ServerUnderTest } from './servers.js'

/** `p`th percentile (0–100) of ascending-sorted samples, nearest rank. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

/** Starts a stopwatch of this process's CPU; calling the result gives % of one core used since. */
export function clientBusy(): () => number {
  const cpu = process.cpuUsage()
  const started = performance.now()
  return () => {
    const used = process.cpuUsage(cpu)
    return ((used.user + used.system) / 1000 / (performance.now() - started)) * 100
  }
}

/**
 * Waits (at most `timeoutMs`) until a 250 ms window in which the server used under 2% of a core
 * and this client process under 10%, so a measurement does not start behind leftover work (such
 * as the awareness messages of a few hundred clients that just joined).
 */
export async function settle(server: ServerUnderTest, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  let before = await server.stats()
  while (performance.now() < deadline) {
    const client = process.cpuUsage()
    await sleep(250)
    const clientUsed = process.cpuUsage(client)
    const now = await server.stats()
    if (now.cpuMs - before.cpuMs < 5 && (clientUsed.user + clientUsed.system) / 1000 < 25) return
    before = now
  }
}
