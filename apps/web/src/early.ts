/**
 * The page's first script, a classic script of its own (see vite.config.ts): it runs while the page
 * is still being parsed, long before the app's bundle has been compiled, and starts a board link's
 * requests at once, so the board's content has arrived by the time the app starts. What it starts
 * reaches the app through lib/pageShared.ts.
 */
import { prefetchPageBoard } from './session/prefetchPageBoard'

prefetchPageBoard()
