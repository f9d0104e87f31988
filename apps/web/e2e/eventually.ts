/** Waiting in end-to-end tests: poll until a read gives the expected value, bounded in time. */

export const WAIT = { timeout: 15_000 }

/** Resolves once `read()` equals `expected` (compared as JSON); fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, expected: T, what: string, timeout = WAIT.timeout) {
  const deadline = Date.now() + timeout
  let last: T | undefined
  while (Date.now() < deadline) {
    last = await read()
    if (JSON.stringify(last) === JSON.stringify(expected)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what}: expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`)
}
