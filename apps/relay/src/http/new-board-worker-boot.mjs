// The relay runs its TypeScript through tsx, whose loader a worker thread does not inherit: the
// import worker registers it for itself, then loads its entry.
import { register } from 'tsx/esm/api'

register()
await import('./new-board-worker.ts')
