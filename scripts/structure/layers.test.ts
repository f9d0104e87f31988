/**
 * Keeps the dependency direction of every source tree: no folder cycles, and no folder importing from
 * a layer above its own (README, "Architecture"). Each list runs from the top layer down.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { folderCycles, folderImports, upwardImports } from './folderGraph'

const RELAY_LAYERS = [
  // the entry: the command line, the package's exports and the assembly of one relay
  ['.'],
  // the two doors: the HTTP API (with the web app) and the websocket upgrades and connections
  ['http', 'websocket'],
  // board history: snapshots taken over time, and restores made as live changes
  ['history'],
  // the boards loaded in memory, and who may open which (tokens, authorisation, rate limits, board ids)
  ['rooms', 'access'],
  // a board's dot vote: the ballots the relay keeps, asks for dots and who is sent what
  ['votes'],
  // where boards are kept (the storage interface, SQLite and PostgreSQL), and how relays serving as
  // one hear each other (Redis)
  ['storage', 'cluster'],
  // the relay's settings and metrics
  ['base'],
]

const BOARD_LAYERS = [
  // the package's exports
  ['.'],
  // boards in and out: JSON, CSV, Markdown, ranked results, templates
  ['exchange'],
  // the board model: the Yjs schema, validated operations, readers, restoring a snapshot
  ['model'],
]

const TREES = {
  'apps/web/src': [
    // the app shell and its routes
    ['.'],
    // pages: the board screen (with its toolbar, notices and refusals) and the home page
    ['board', 'home'],
    // features, each a part of the board; they may use one another without a cycle, never the screen
    [
      'canvas',
      'outline',
      'facilitate',
      'notes',
      'exchange',
      'editing',
      'voting',
      'timer',
      'render',
      'clusters',
      'presence',
      'private',
      'search',
      'results',
      'announce',
      'regions',
      'stacks',
    ],
    // one open board: its docs, connection, commands, undo, presence, unconfirmed changes, search
    ['session'],
    // shared parts with no open board in them: widgets, words, the relay's API, links, utilities
    ['components', 'i18n', 'api', 'access', 'lib'],
  ],
  'apps/relay/src': RELAY_LAYERS,
  'packages/board/src': BOARD_LAYERS,
} as const

describe('[ST] folder structure', () => {
  for (const [tree, layers] of Object.entries(TREES)) {
    const imports = folderImports(new URL(`../../${tree}`, import.meta.url).pathname)

    it(`[ST1] ${tree} has no folder cycles`, () => {
      expect(folderCycles(imports)).toEqual([])
    })

    it(`[ST2] ${tree} imports only from its own layer or below`, () => {
      expect(upwardImports(imports, layers)).toEqual([])
    })
  }

  it('[ST4] no two files of the repository differ only in the case of their names', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    }).split('\n')
    const seen = new Map<string, string>()
    const clashes = files.filter(Boolean).flatMap((file) => {
      const other = seen.get(file.toLowerCase())
      seen.set(file.toLowerCase(), file)
      return other ? [[other, file]] : []
    })
    expect(clashes).toEqual([])
  })

  it('[ST3] the graph sees a cycle and an upward import when there is one', () => {
    const imports = [
      { from: 'a', to: 'b', file: 'a/x.ts', specifier: '../b/y' },
      { from: 'b', to: 'a', file: 'b/y.ts', specifier: '../a/x' },
    ]
    expect(folderCycles(imports)).toEqual([['a', 'b']])
    expect(upwardImports(imports, [['a'], ['b']])).toEqual(['b/y.ts imports ../a/x: a/ is in a layer above b/'])
  })
})
