/**
 * The server secret that signs capability tokens: SAMLA_SECRET if configured, else a random
 * one generated into the data directory on first start (readable by the relay's user only).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const MIN_SECRET_LENGTH = 32

export function loadOrCreateSecret(dataDir: string, configured?: string): Buffer {
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(`SAMLA_SECRET must be at least ${MIN_SECRET_LENGTH} characters`)
    }
    return Buffer.from(configured, 'utf8')
  }
  const file = path.join(dataDir, 'secret.key')
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const secret = fs.readFileSync(file, 'utf8').trim()
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${file} is damaged: it holds no usable secret`)
  return Buffer.from(secret, 'utf8')
}
