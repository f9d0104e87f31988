/**
 * Whose request this is, for the per-address limits. Behind a TLS-terminating reverse proxy every
 * request comes from the proxy, so the limits would lump everyone together; the proxy names the
 * client in X-Forwarded-For. That header is read only when the direct peer is one of the trusted
 * proxies, and then the right-most address not itself a trusted proxy is taken (anything to its left
 * the client could have written). Without trusted proxies the header is never read.
 */
import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'

export type ClientAddress = (req: IncomingMessage) => string

/** `trustedProxies`: addresses and CIDR ranges (or proxy-addr's names such as `loopback`). */
export function createClientAddress(trustedProxies: readonly string[]): ClientAddress {
  if (trustedProxies.length === 0) return (req) => req.socket.remoteAddress ?? 'unknown'
  // Throws on a malformed address, so a bad setting stops the relay at start rather than trusting nothing.
  const trust = proxyAddr.compile([...trustedProxies])
  return (req) => (req.socket.remoteAddress ? proxyAddr(req, trust) : 'unknown')
}
