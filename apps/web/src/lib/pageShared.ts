/**
 * State the page's two scripts share. The early script (src/early.ts) is built as a classic script of
 * its own (see vite.config.ts), so that it runs while the page is still being parsed, and it carries
 * its own copy of the modules it uses; what it starts must be found by the app's copy, so such state
 * is kept on the page's global object (under a registered symbol) rather than in a module.
 */
const SHARED = Symbol.for('samla.pageShared')

type WithShared = typeof globalThis & { [SHARED]?: Map<string, unknown> }

/** The page's one `name` value, made by `create` on first use by either script. */
export function pageShared<T>(name: string, create: () => T): T {
  const page = globalThis as WithShared
  page[SHARED] ??= new Map<string, unknown>()
  const shared = page[SHARED]
  if (!shared.has(name)) shared.set(name, create())
  return shared.get(name) as T
}
