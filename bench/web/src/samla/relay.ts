/**
 * Samla under test: builds the web app with the workspace's own build script, then starts the real
 * relay in this process on 127.0.0.1:0 with a throw-away data directory. It serves a copy of the
 * build taken right after building, so a colleague rebuilding apps/web/dist mid-run changes nothing.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createRelay, type Relay } from '@samla/relay'
import { pino } from 'pino'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
const builtWeb = path.join(repoRoot, 'apps/web/dist')

/** Builds the web app and copies the result into `into`. */
async function buildSamlaWeb(into: string): Promise<void> {
  try {
    await promisify(execFile)('pnpm', ['--filter', '@samla/web', 'build'], { cwd: repoRoot, maxBuffer: 64 << 20 })
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string }
    throw new Error(`building @samla/web failed:\n${output.stdout ?? ''}${output.stderr ?? String(error)}`)
  }
  fs.cpSync(builtWeb, into, { recursive: true })
  if (!fs.existsSync(path.join(into, 'index.html'))) throw new Error(`the web build in ${builtWeb} has no index.html`)
}

export interface SamlaServer {
  readonly relay: Relay
  close(): Promise<void>
}

export async function startSamla(): Promise<SamlaServer> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-bench-web-'))
  const remove = () => fs.rmSync(tmp, { recursive: true, force: true })
  try {
    const webRoot = path.join(tmp, 'web')
    await buildSamlaWeb(webRoot)
    const relay = await createRelay({
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(tmp, 'data'),
      webRoot,
      logger: pino({ level: 'silent' }),
      limits: { boardCreationsPerAddressPerMinute: 10_000, upgradesPerAddressPerMinute: 100_000 },
    })
    return {
      relay,
      async close() {
        await relay.close()
        remove()
      },
    }
  } catch (error) {
    remove()
    throw error
  }
}
