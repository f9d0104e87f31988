/** Command-line entry: starts the relay from environment settings and drains it on SIGTERM/SIGINT. */
import { configFromEnv, type RelayConfig } from './base/config.js'
import { createRelay, type Relay } from './relay.js'

let relay: Relay
let config: RelayConfig
try {
  config = configFromEnv(process.env)
  relay = await createRelay(config)
} catch (error) {
  // A plain sentence for whoever started it: a damaged database, a port in use, a bad setting.
  console.error(`Samla could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const where = config.databaseUrl ? 'data in PostgreSQL' : `data in ${config.dataDir}`
console.log(`Samla is running: open http://localhost:${relay.port}/ (${where})`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void relay.close().then(() => process.exit(0))
  })
}
