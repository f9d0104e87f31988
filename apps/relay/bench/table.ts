/** Renders the results as one markdown table (a column per server) plus Samla-vs-reference ratios. */
import type { ServerKind } from './ipc.js'

const ROWS = {
  fanOutP50Ms: ['fan-out: p50 latency, writer change → receiver (ms)', 1],
  fanOutP99Ms: ['fan-out: p99 latency (ms)', 1],
  fanOutServerCpuMs: ['fan-out: server CPU while typing (ms)', 0],
  fanOutClientBusy: ['fan-out: client process busy (% of one core)', 0],
  burstDeliveriesPerSec: ['burst: keystroke deliveries/s', 0],
  burstCpuPer1k: ['burst: server CPU ms per 1,000 deliveries', 2],
  burstClientBusy: ['burst: client process busy (% of one core)', 0],
  stormMs: ['join storm: time until all joiners have every note (ms)', 0],
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

export function renderReport(columns: Column[], notes: string[]): string {
  const lines = [row(['metric', ...columns.map((c) => c.label)]), row(['---', ...columns.map(() => '---:')])]
  for (const [metric, [label, digits]] of Object.entries(ROWS) as [Metric, readonly [string, number]][]) {
    lines.push(row([label, ...columns.map((c) => formatValue(c.results[metric], digits))]))
  }
  const ratios = ratioTable(columns)
  if (ratios.length > 0) lines.push('', '**Ratios**', '', ...ratios)
  const errors = columns.flatMap((c) => c.errors.map((e) => `- ${c.label}: ${e}`))
  if (errors.length > 0) lines.push('', '**Failures** (those cells show –)', '', ...errors)
  lines.push('', '**Notes**', '', ...notes.map((n) => `- ${n}`))
  return lines.join('\n')
}
