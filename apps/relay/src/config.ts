/** Relay settings: defaults, and reading them from the environment for the CLI. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface RelayLimits {
  /** Largest websocket frame accepted, in bytes; larger frames close the socket with 1009. */
  maxFrameBytes: number
  /** Largest JSON body accepted by the HTTP API. */
  maxHttpBodyBytes: number
  /** How often liveness pings are sent; a socket that misses one round is dropped. */
  pingIntervalMs: number
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxFrameBytes: 2 * 1024 * 1024,
  maxHttpBodyBytes: 16 * 1024,
  pingIntervalMs: 30_000,
}

export interface RelayConfig {
  host: string
  port: number
  dataDir: string
  /** Folder of the built web app, served on the same port. */
  webRoot: string
}

const here = path.dirname(fileURLToPath(import.meta.url))
export const DEFAULT_WEB_ROOT = path.resolve(here, '../../web/dist')

export function configFromEnv(env: NodeJS.ProcessEnv): RelayConfig {
  const port = Number(env.SAMLA_PORT ?? env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SAMLA_PORT must be a port number, got ${env.SAMLA_PORT ?? env.PORT}`)
  }
  return {
    host: env.SAMLA_HOST ?? '0.0.0.0',
    port,
    // INIT_CWD is where `pnpm start` was typed, so ./data is next to the user, not inside apps/relay.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.SAMLA_DATA_DIR ?? 'data'),
    webRoot: path.resolve(env.SAMLA_WEB_ROOT ?? DEFAULT_WEB_ROOT),
  }
}
