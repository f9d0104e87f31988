/**
 * Prometheus metrics for one relay. Each relay has its own registry, so several relays can run
 * in one process (as the tests do) without sharing counters.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export type RejectReason =
  | 'malformed'
  | 'too-big'
  | 'board-too-large'
  | 'unresolved'
  | 'invalid-change'
  | 'read-only'
  | 'unauthorised'
  | 'rate-limited'
  | 'awareness-not-own'
  | 'awareness-cap'
  | 'awareness-too-big'
  | 'board-count-limit'
  | 'room-full'
  | 'address-limit'
  | 'storage-failing'

export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'samla_' })
  const registers = [registry]
  return {
    registry,
    rooms: new Gauge({ name: 'samla_rooms', help: 'Boards loaded in memory', registers }),
    connections: new Gauge({ name: 'samla_connections', help: 'Open websocket connections', registers }),
    messagesIn: new Counter({ name: 'samla_messages_in_total', help: 'Websocket messages received', registers }),
    messagesOut: new Counter({ name: 'samla_messages_out_total', help: 'Websocket messages sent', registers }),
    bytesIn: new Counter({ name: 'samla_bytes_in_total', help: 'Websocket bytes received', registers }),
    bytesOut: new Counter({ name: 'samla_bytes_out_total', help: 'Websocket bytes sent', registers }),
    updateApplySeconds: new Histogram({
      name: 'samla_update_apply_seconds',
      help: 'Time to apply the Yjs updates received in one tick for one board',
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1],
      registers,
    }),
    storageWriteSeconds: new Histogram({
      name: 'samla_storage_write_seconds',
      help: 'Time to commit one batch of updates to storage',
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5],
      registers,
    }),
    compactions: new Counter({ name: 'samla_compactions_total', help: 'Update logs folded into snapshots', registers }),
    slowConsumersDropped: new Counter({
      name: 'samla_slow_consumers_dropped_total',
      help: 'Connections closed because their send buffer passed the high-water mark',
      registers,
    }),
    throttled: new Counter({
      name: 'samla_throttled_total',
      help: 'Connections paused for going over their budget of board messages or presence',
      labelNames: ['budget'] as const,
      registers,
    }),
    rejected: new Counter({
      name: 'samla_rejected_total',
      help: 'Frames and connections refused, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
