/**
 * The session tests' real relay: one on port 0 with a throw-away data directory and a board on it,
 * stock y-websocket providers to it (Node's WebSocket stands in for the browser's), and a bounded
 * wait. Everything made is undone by `cleanUp`, which each test file runs after each test.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEVICE_KEY_PARAM } from '@samla/protocol'
import { createRelay, type RelayOptions } from '@samla/relay'
import { pino } from 'pino'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const undo: (() => unknown)[] = []

/** Something a test made that `cleanUp` is to undo after it. */
export function onCleanUp(step: () => unknown): void {
  undo.push(step)
}

export async function cleanUp(): Promise<void> {
  for (const step of undo.splice(0).reverse()) await step()
}

export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export interface ConnectOptions {
  readonly deviceKey?: string
  readonly room?: string
  readonly doc?: Y.Doc
  /** Connect at once (the default), or leave it to the test. */
  readonly connect?: boolean
}

/** A relay with a board on it; `options` for the relay (its storage, its limits). */
export async function startBoard(title: string, options: RelayOptions = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-session-'))
  const relay = await createRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logger: pino({ level: 'silent' }),
    ...options,
  })
  onCleanUp(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  onCleanUp(() => relay.close())
  const response = await fetch(`${relay.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title }) })
  const { id, links } = (await response.json()) as { id: string; links: Record<'facilitator' | 'participant', string> }
  const connect = (token: string, { deviceKey, room = id, doc = new Y.Doc(), connect = true }: ConnectOptions = {}) => {
    const params: Record<string, string> = deviceKey ? { token, [DEVICE_KEY_PARAM]: deviceKey } : { token }
    const provider = new WebsocketProvider(`${relay.url.replace(/^http/, 'ws')}/ws`, room, doc, {
      connect,
      params,
      disableBc: true,
    })
    onCleanUp(() => provider.destroy())
    return provider
  }
  return { boardId: id, links, connect }
}
