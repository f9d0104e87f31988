/** Command-line entry: starts the relay from environment settings and drains it on SIGTERM/SIGINT. */
import { configFromEnv } from './config.js'
import { createRelay } from './relay.js'

const config = configFromEnv(process.env)
const relay = await createRelay(config)
console.log(`Samla is running: open http://localhost:${relay.port}/ (data in ${config.dataDir})`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void relay.close().then(() => process.exit(0))
  })
}
