/**
 * Renders the results as one markdown table (a column per server) plus ratios: Samla vs the
 * reference servers, or, with --cluster, a Samla cluster vs one relay.
 */
import type { ServerKind } from './ipc.js'

const ROWS = {
  fanOutP50Ms: ['fan-out: p50 latency, writer change → receiver (ms)', 1],
  fanOutP99Ms: ['fan-out: p99 latency (ms)', 1],
  fanOutCrossP50Ms: ['fan-out: p50 latency, cross-relay receivers only (ms)', 1],
  fanOutCrossP99Ms: ['fan-out: p99 latency, cross-relay receivers only (ms)', 1],
  fanOutServerCpuMs: ['fan-out: server CPU while typing (ms)', 0],
  fanOutClientBusy: ['fan-out: client process busy (% of one core)', 0],
  burstDeliveriesPerSec: ['burst: keystroke deliveries/s', 0],
  burstCpuPer1k: ['burst: server CPU ms per 1,000 deliveries', 2],
  burstClientBusy: ['burst: client process busy (% of one core)', 0],
  stormMs: ['join storm: time until all joiners have every note (ms)', 0],
  stormColdMs: ['join storm, board open on the first relay only (the others load it cold) (ms)', 0],
  stormServerCpuMs: ['join storm: server CPU during the storm (ms)', 0],
  stormClientBusy: ['join storm: client process busy (% of one core)', 0],
  boardsBaselineMb: ['many boards: server RSS before connecting (MB)', 1],
  boardsRssPerBoardKb: ['many boards: server RSS per open board (KB)', 1],
  boardsRoomsOpen: ['many boards: rooms open while connected', 0],
  boardsGraceS: ['many boards: waited after disconnecting (s)', 0],
  boardsRoomsAfter: ['many boards: rooms open after that wait', 0],
  boardsRssAfterMb: ['many boards: server RSS after that wait (MB)', 1],
} as const

export type Metric = keyof typeof ROWS
/** Only a server of several processes has cross-relay receivers. */
const CLUSTER_ONLY: Metric[] = ['fanOutCrossP50Ms', 'fanOutCrossP99Ms', 'stormColdMs']
export type Results = Partial<Record<Metric, number>>

export interface Column {
  kind: ServerKind
  label: string
  results: Results
  errors: string[]
}

const RATIOS: { label: string; metric: Metric; samlaOverRef: boolean }[] = [
  {
    label: 'join storm speed-up (reference time / Samla time; >1: Samla faster)',
    metric: 'stormMs',
    samlaOverRef: false,
  },
  {
    label: 'burst deliveries/s (Samla / reference; >1: Samla faster)',
    metric: 'burstDeliveriesPerSec',
    samlaOverRef: true,
  },
  { label: 'fan-out p99 latency (Samla / reference; <1: Samla faster)', metric: 'fanOutP99Ms', samlaOverRef: true },
  {
    label: 'RSS per open board (Samla / reference; <1: Samla leaner)',
    metric: 'boardsRssPerBoardKb',
    samlaOverRef: true,
  },
]

const row = (cells: string[]) => `| ${cells.join(' | ')} |`

function formatValue(value: number | undefined, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '–'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

function ratioTable(columns: Column[]): string[] {
  const samla = columns.find((c) => c.kind === 'samla')
  const references = columns.filter((c) => c.kind !== 'samla')
  if (!samla || references.length === 0) return []
  const lines = [
    row(['ratio', ...references.map((c) => `vs ${c.label}`)]),
    row(['---', ...references.map(() => '---:')]),
  ]
  for (const { label, metric, samlaOverRef } of RATIOS) {
    const cells = references.map((ref) => {
      const ours = samla.results[metric]
      const theirs = ref.results[metric]
      if (ours === undefined || theirs === undefined) return '–'
      return `${formatValue(samlaOverRef ? ours / theirs : theirs / ours, 2)}×`
    })
    lines.push(row([label, ...cells]))
  }
  return lines
}

/** The cluster's ratios, and one relay on PostgreSQL's, to one relay on SQLite; with issue #20's targets. */
export function clusterRatioTable(sqlite: Column, postgres: Column, cluster: Column): string[] {
  const lines = [row(['ratio', 'value', 'target']), row(['---', '---:', '---'])]
  const add = (label: string, [a, top]: [Column, Metric], [b, bottom]: [Column, Metric], target?: number) => {
    const [x, y] = [a.results[top], b.results[bottom]]
    const value = x === undefined || y === undefined ? undefined : x / y
    let goal = ''
    if (target !== undefined)
      goal = `≤ ${target}×${value === undefined ? '' : value <= target ? ' (met)' : ' (missed)'}`
    lines.push(row([label, `${formatValue(value, 2)}×`, goal]))
  }
  const vs = `${cluster.label} / ${sqlite.label}`
  add(`join storm time, board open on every relay: ${vs}`, [cluster, 'stormMs'], [sqlite, 'stormMs'], 2)
  add(`join storm time, board cold on all relays but one: ${vs}`, [cluster, 'stormColdMs'], [sqlite, 'stormMs'])
  add(`join storm time: ${postgres.label} / ${sqlite.label}`, [postgres, 'stormMs'], [sqlite, 'stormMs'])
  add(`fan-out p99, cross-relay receivers: ${vs}`, [cluster, 'fanOutCrossP99Ms'], [sqlite, 'fanOutP99Ms'], 2)
  add(`fan-out p99, all receivers: ${vs}`, [cluster, 'fanOutP99Ms'], [sqlite, 'fanOutP99Ms'])
  add(`fan-out p99: ${postgres.label} / ${sqlite.label}`, [postgres, 'fanOutP99Ms'], [sqlite, 'fanOutP99Ms'])
  return lines
}

export interface ReportOptions {
  /** Instead of Samla vs the reference servers. */
  ratios?: string[]
  /** Leave out the rows no column has a value for (scenarios not run). */
  measuredOnly?: boolean
}

export function renderReport(columns: Column[], notes: string[], options: ReportOptions = {}): string {
  const lines = [row(['metric', ...columns.map((c) => c.label)]), row(['---', ...columns.map(() => '---:')])]
  for (const [metric, [label, digits]] of Object.entries(ROWS) as [Metric, readonly [string, number]][]) {
    const measured = columns.some((c) => c.results[metric] !== undefined)
    if (!measured && (options.measuredOnly || CLUSTER_ONLY.includes(metric))) continue
    lines.push(row([label, ...columns.map((c) => formatValue(c.results[metric], digits))]))
  }
  const ratios = options.ratios ?? ratioTable(columns)
  if (ratios.length > 0) lines.push('', '**Ratios**', '', ...ratios)
  const errors = columns.flatMap((c) => c.errors.map((e) => `- ${c.label}: ${e}`))
  if (errors.length > 0) lines.push('', '**Failures** (those cells show –)', '', ...errors)
  lines.push('', '**Notes**', '', ...notes.map((n) => `- ${n}`))
  return lines.join('\n')
}
