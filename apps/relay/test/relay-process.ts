/** Runs the relay's command-line entry as a child process, for tests that kill or signal it. */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const relayDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface RelayProcess {
  readonly port: number
  readonly url: string
  readonly child: ChildProcess
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  readonly exited: Promise<number | string>
}

export function spawnRelay(dataDir: string, port = 0, extraEnv: Record<string, string> = {}): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: relayDir,
    env: {
      ...process.env,
      ...extraEnv,
      SAMLA_HOST: '127.0.0.1',
      SAMLA_PORT: String(port),
      SAMLA_DATA_DIR: dataDir,
      INIT_CWD: relayDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('relay process did not start within 15 s')), 15_000)
    let output = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /open http:\/\/localhost:(\d+)\//.exec(output)
      if (!match) return
      clearTimeout(timer)
      const listening = Number(match[1])
      resolve({ port: listening, url: `http://127.0.0.1:${listening}`, child, exited })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`relay process exited with ${code} before listening:\n${output}`))
    })
  })
}
