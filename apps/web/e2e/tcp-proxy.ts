/**
 * A TCP proxy on loopback that a test can sever and restore, so a browser really loses its
 * websocket (Chromium's offline emulation leaves open websockets alone).
 */
import net from 'node:net'

export interface TcpProxy {
  readonly port: number
  /** Destroys every open connection and refuses new ones until restore(). */
  sever(): void
  restore(): void
  close(): Promise<void>
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<net.Socket>()
  let severed = false
  const server = net.createServer((client) => {
    if (severed) {
      client.destroy()
      return
    }
    const upstream = net.connect(targetPort, targetHost)
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const cut = () => {
    for (const socket of open) socket.destroy()
  }
  return {
    port,
    sever() {
      severed = true
      cut()
    },
    restore() {
      severed = false
    },
    close() {
      cut()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
