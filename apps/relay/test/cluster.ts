/**
 * Several relay processes serving as one service, as an organisation would run them: one fresh
 * PostgreSQL database, one Redis (the machine's, or one the test starts for itself so it can restart
 * it), the same secret, and HAProxy from Debian in front with the README's example configuration,
 * terminating TLS and balancing websockets and API calls over them with health checks on /readyz.
 * Relays are real processes, so a test can SIGKILL one.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, listening, waitFor } from './helpers.js'
import { createTestDatabase } from './postgres-database.js'
import { type RelayProcess, spawnRelay } from './relay-process.js'

export const HAPROXY = '/usr/sbin/haproxy'
const HAPROXY_EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../deploy/haproxy.cfg')
const REDIS_SERVER = '/usr/bin/redis-server'
const MACHINE_REDIS = process.env.SAMLA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A Redis server of the test's own, on a free port, keeping nothing on disk (as the machine's). */
export interface OwnRedis {
  readonly url: string
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort()
  let server: ChildProcess | null = null
  const start = async () => {
    server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    await waitFor(() => listening(port), 5000, 'redis to listen')
  }
  const stop = async () => {
    const running = server
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
    server = null
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, start, stop }
}

export interface Cluster {
  /** The load balancer (HTTPS): what clients and API calls go through. */
  readonly url: string
  /** The certificate the load balancer presents, for clients to trust. */
  readonly ca: string
  readonly relays: RelayProcess[]
  /** The relay at `index` (as it runs now: a restart replaces it). */
  relay(index: number): RelayProcess
  /** The settings every relay of the service runs with. */
  readonly env: Record<string, string>
  /** Ends a relay with SIGKILL: no drain, no goodbye. */
  kill(index: number): Promise<void>
  /** Stops a relay as systemd would, with SIGTERM: it drains (its sockets closed with 1012) and exits. */
  drain(index: number): Promise<void>
  /** Starts a relay again on its port (after `kill` or `drain`). */
  restart(index: number): Promise<void>
  stop(): Promise<void>
}

export interface ClusterOptions {
  relays?: number
  /** Extra settings for every relay (limits). */
  env?: Record<string, string>
  redisUrl?: string
}

export async function startCluster({
  relays = 3,
  env = {},
  redisUrl = MACHINE_REDIS,
}: ClusterOptions = {}): Promise<Cluster> {
  const database = await createTestDatabase()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-cluster-'))
  const service = {
    SAMLA_DATABASE_URL: database.url,
    SAMLA_REDIS_URL: redisUrl,
    SAMLA_REDIS_PREFIX: `samla-test-${randomBytes(6).toString('hex')}`,
    SAMLA_SECRET: randomBytes(32).toString('hex'),
    ...env,
  }
  // One after the other: the first applies the database's migrations, the rest find them done.
  const running: RelayProcess[] = []
  for (let i = 0; i < relays; i++) running.push(await spawnRelay(dataDir, 0, service))
  const proxy = await startHaproxy(running.map((relay) => relay.port))

  const kill = async (index: number) => {
    const relay = running[index]
    if (!relay || relay.child.exitCode !== null) return
    relay.child.kill('SIGKILL')
    await relay.exited
  }
  return {
    url: proxy.url,
    ca: proxy.ca,
    relays: running,
    relay(index) {
      const relay = running[index]
      if (!relay) throw new Error(`no relay ${index}`)
      return relay
    },
    env: service,
    kill,
    async drain(index) {
      const relay = running[index]
      if (!relay || relay.child.exitCode !== null) return
      relay.child.kill('SIGTERM')
      await relay.exited
    },
    async restart(index) {
      const relay = running[index]
      if (!relay) throw new Error(`no relay ${index}`)
      running[index] = await spawnRelay(dataDir, relay.port, service)
    },
    async stop() {
      await proxy.stop()
      await Promise.all(
        running.map(async (relay) => {
          if (relay.child.exitCode !== null) return
          relay.child.kill('SIGTERM')
          await relay.exited
        }),
      )
      await database.drop()
    },
  }
}

/**
 * HAProxy with the example configuration of the README (deploy/haproxy.cfg): TLS with a certificate
 * made for the test, balancing over the relays, taking one out once /readyz fails or it stops answering.
 */
async function startHaproxy(relayPorts: number[]): Promise<{ url: string; ca: string; stop(): Promise<void> }> {
  if (relayPorts.length !== 3) throw new Error('deploy/haproxy.cfg names three relays')
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-haproxy-'))
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=samla-test'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' },
  )
  const ca = fs.readFileSync(cert, 'utf8')
  const pem = path.join(dir, 'samla.pem')
  fs.writeFileSync(pem, ca + fs.readFileSync(key, 'utf8'))
  const haproxy = spawn(HAPROXY, ['-db', '-f', HAPROXY_EXAMPLE], {
    stdio: 'ignore',
    env: {
      ...process.env,
      SAMLA_PROXY_BIND: `127.0.0.1:${port}`,
      SAMLA_PROXY_CERT: pem,
      ...Object.fromEntries(relayPorts.map((relayPort, i) => [`SAMLA_RELAY_${i + 1}`, `127.0.0.1:${relayPort}`])),
    },
  })
  const exited = new Promise<void>((resolve) => haproxy.once('exit', () => resolve()))
  await waitFor(() => listening(port), 5000, 'haproxy to listen')
  return {
    url: `https://127.0.0.1:${port}`,
    ca,
    async stop() {
      haproxy.kill()
      await exited
    },
  }
}

/** An HTTPS request through the proxy, trusting the test's certificate. */
export function requestThrough(
  cluster: Pick<Cluster, 'url' | 'ca'>,
  pathname: string,
  { method = 'GET', token, body }: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${cluster.url}${pathname}`,
      {
        method,
        ca: cluster.ca,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString()
        })
        response.on('end', () => {
          let json: unknown = null
          try {
            json = text ? JSON.parse(text) : null
          } catch {
            json = text
          }
          resolve({ status: response.statusCode ?? 0, json })
        })
      },
    )
    request.once('error', reject)
    request.end(body === undefined ? undefined : JSON.stringify(body))
  })
}
