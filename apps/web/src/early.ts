/**
 * The page's first script. The browser takes a while to parse the app's bundle, and the app can ask
 * for nothing before it runs; this small script, loaded beside it, starts a board link's requests at
 * once, so the board's content has arrived by the time the app starts.
 */
import { prefetchPageBoard } from './board/prefetchPageBoard'

prefetchPageBoard()
