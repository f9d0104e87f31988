/** Messages between the benchmark (parent) and a server child process (server-child.ts). */
export const SERVER_KINDS = ['samla', 'y-websocket', 'hocuspocus'] as const
export type ServerKind = (typeof SERVER_KINDS)[number]

/** Where a Samla server child keeps its data when not in SQLite: the settings every relay of a service shares. */
export interface SamlaService {
  databaseUrl: string
  secret: string
  /** Redis, for several relays on the database serving as one. */
  cluster?: { redisUrl: string; prefix: string }
}

export interface ChildStats {
  /** User + system CPU time of the whole child process since it started. */
  cpuMs: number
  rssBytes: number
  /** Documents the server holds in memory. */
  rooms: number
}

export type ParentMessage = { type: 'stats'; id: number; gc: boolean } | { type: 'stop' }

export type ChildMessage =
  | {
      type: 'ready'
      port: number
      version: string
      /** How long an empty room stays loaded before the server unloads it (null: never). */
      idleGraceMs: number | null
    }
  | ({ type: 'stats'; id: number } & ChildStats)
