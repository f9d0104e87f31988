import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCluster, listClusters } from '../model/cluster.js'
import { BoardError } from '../model/errors.js'
import { initBoard } from '../model/meta.js'
import { addNote, listNotes } from '../model/note.js'
import type { NoteColour } from '../model/palette.js'
import { voteTargets } from '../model/stack.js'
import { type Ballot, tallyBallots } from '../model/vote.js'
import { exportBoardJson, importBoardJson } from './board-json.js'
import { exportCsv, importPlannedNotes, parseCsv, planCsvImport } from './csv.js'
import { escapeMarkdown, exportMarkdown } from './markdown.js'
import { isTimeZone, localTime } from './local-time.js'
import { applyTemplate, TEMPLATES } from './templates.js'

const AWKWARD = 'Kaffe, "fika" & te\nandra raden – 🎉 åäö'
const headers = {
  cluster: 'Grupp',
  text: 'Text',
  colour: 'Färg',
  votes: 'Röster',
  author: 'Skribent',
  created: 'Skapad',
}
const colourName = (c: NoteColour) => ({ yellow: 'gul', blue: 'blå' })[c as 'yellow' | 'blue'] ?? c

/** The relay's ballots of the workshop below, by participant id. */
const BALLOTS = new Map<string, Ballot>([
  ['voter-0001', new Map([['note-bbbb', 2]])],
  ['voter-0002', new Map([['note-aaaa', 1]])],
])

function workshop(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Fika # plan', now: 0 })
  const a = addNote(doc, {
    id: 'note-aaaa',
    x: 0,
    y: 0,
    text: AWKWARD,
    authorId: 'user-0001',
    authorName: 'Åsa',
    now: 1000,
  })
  const b = addNote(doc, { id: 'note-bbbb', x: 200, y: 0, text: '=SUM(A1)', colour: 'blue', now: 2000 })
  addNote(doc, { id: 'note-cccc', x: 400, y: 0, text: 'lös *idé*', authorId: 'user-0002', authorName: 'Bo', now: 3000 })
  createCluster(doc, { id: 'cluster-1', name: 'Drycker', noteIds: [a, b] })
  return doc
}

const totalsOf = (doc: Y.Doc, ballots: Iterable<Ballot>) => tallyBallots(ballots, voteTargets(doc)).totals
const sortedBallots = (votes: Record<string, Record<string, number>>) =>
  Object.values(votes).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

describe('exports', () => {
  it('[CS1][VR1] CSV: BOM, CRLF, quoted fields, ranked rows, formulas defused, golden', () => {
    const doc = workshop()
    const csv = exportCsv(doc, { headers, anonymous: false, colourName, totals: totalsOf(doc, BALLOTS.values()) })
    expect(csv).toBe(
      '\uFEFF"Grupp","Text","Färg","Röster","Skribent","Skapad"\r\n' +
        `"Drycker","'=SUM(A1)","blå","2","","1970-01-01 00:00 (UTC)"\r\n` +
        `"Drycker","Kaffe, ""fika"" & te\nandra raden – 🎉 åäö","gul","1","Åsa","1970-01-01 00:00 (UTC)"\r\n` +
        '"","lös *idé*","gul","0","Bo","1970-01-01 00:00 (UTC)"',
    )
    const anonymous = exportCsv(doc, { headers, anonymous: true, colourName, totals: new Map() })
    expect(anonymous.split('\r\n')[0]).not.toContain('Skribent')
    expect(anonymous).not.toContain('Åsa')
  })

  it('[MD1][VR1] Markdown: clusters as headings ranked by votes, escaped text, multi-line notes, golden', () => {
    const doc = workshop()
    const md = exportMarkdown(
      doc,
      { unclustered: 'Utan grupp', votes: (n) => `${n} röster`, author: (name) => `av ${name}` },
      totalsOf(doc, BALLOTS.values()),
    )
    expect(md).toBe(
      [
        '# Fika # plan',
        '',
        '## Drycker (3 röster)',
        '',
        '- =SUM(A1) — 2 röster',
        '- Kaffe, "fika" & te — 1 röster, av Åsa',
        '  andra raden – 🎉 åäö',
        '',
        '## Utan grupp',
        '',
        '- lös \\*idé\\* — av Bo',
        '',
      ].join('\n'),
    )
  })

  it('[CS4] CSV: semicolons for a Swedish spreadsheet, times local to the reader with the zone named', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Kiruna 2030', now: 0 })
    // 2026-12-07 08:15 UTC is 09:15 in Stockholm (winter time); 2026-07-07 08:15 UTC is 10:15 (summer time).
    addNote(doc, {
      id: 'note-aaaa',
      x: 0,
      y: 0,
      text: 'Fler e-tjänster; färre blanketter',
      now: Date.UTC(2026, 11, 7, 8, 15),
    })
    addNote(doc, { id: 'note-bbbb', x: 200, y: 0, text: '3,5 timmar', now: Date.UTC(2026, 6, 7, 8, 15) })
    const csv = exportCsv(doc, {
      headers,
      anonymous: true,
      colourName,
      totals: new Map([['note-bbbb', 2]]),
      separator: ';',
      timeZone: 'Europe/Stockholm',
    })
    expect(csv).toBe(
      '\uFEFF"Grupp";"Text";"Färg";"Röster";"Skapad"\r\n' +
        '"";"3,5 timmar";"gul";"2";"2026-07-07 10:15 (CEST)"\r\n' +
        '"";"Fler e-tjänster; färre blanketter";"gul";"0";"2026-12-07 09:15 (CET)"',
    )
    // The import reads either separator back.
    expect(parseCsv(csv).rows.map((row) => row.cells.Text)).toEqual(['3,5 timmar', 'Fler e-tjänster; färre blanketter'])
    expect(localTime(Date.UTC(2026, 11, 7, 8, 15), 'America/New_York')).toBe('2026-12-07 03:15 (GMT-5)')
    expect(isTimeZone('Europe/Stockholm')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(() => localTime(0, 'Mars/Olympus')).toThrow(BoardError)
  })

  it('[MD2] Markdown escapes only what it would read as syntax: "e-tjänster" stays as written', () => {
    const kept = [
      'e-tjänster',
      '(se ovan)',
      '#hashtag',
      '2026 blir bra',
      'snake_case',
      'a < b',
      'AT&T',
      '5.5 + 3',
      'C:\\Users',
    ]
    for (const text of kept) expect(escapeMarkdown(text)).toBe(text)
    expect(escapeMarkdown('- lista')).toBe('\\- lista')
    expect(escapeMarkdown('+ plus')).toBe('\\+ plus')
    expect(escapeMarkdown('# rubrik')).toBe('\\# rubrik')
    expect(escapeMarkdown('> citat')).toBe('\\> citat')
    expect(escapeMarkdown('1. först')).toBe('1\\. först')
    expect(escapeMarkdown('---')).toBe('\\---')
    expect(escapeMarkdown('===')).toBe('\\===')
    expect(escapeMarkdown('*fet* _kursiv_ `kod` ~~struken~~')).toBe(
      '\\*fet\\* \\_kursiv\\_ \\`kod\\` \\~\\~struken\\~\\~',
    )
    expect(escapeMarkdown('[länk](x) <b> &amp; \\*')).toBe('\\[länk\\](x) \\<b> \\&amp; \\\\\\*')
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Plan #', now: 0 })
    addNote(doc, { id: 'note-aaaa', x: 0, y: 0, text: 'Fler e-tjänster\n- och färre blanketter', now: 0 })
    expect(exportMarkdown(doc, { unclustered: 'Utan grupp', votes: (n) => `${n} prickar` }, new Map())).toBe(
      '# Plan \\#\n\n## Utan grupp\n\n- Fler e-tjänster\n  \\- och färre blanketter\n',
    )
  })

  it('[JS1] JSON round trip: export → import into a new board → identical notes, clusters, votes', () => {
    const source = workshop()
    const exported = JSON.parse(JSON.stringify(exportBoardJson(source, BALLOTS.values(), 5)))
    const target = new Y.Doc()
    initBoard(target, { title: 'Kopia' })
    const imported = importBoardJson(target, exported)
    expect(listNotes(target)).toEqual(listNotes(source))
    expect(listClusters(target)).toEqual(listClusters(source))
    expect(tallyBallots(imported.values(), voteTargets(target))).toEqual(
      tallyBallots(BALLOTS.values(), voteTargets(source)),
    )
    const again = exportBoardJson(target, imported.values(), 5)
    expect({ ...again, votes: sortedBallots(again.votes) }).toEqual({
      ...exported,
      title: 'Kopia',
      createdAt: again.createdAt,
      votes: sortedBallots(exported.votes),
    })
    // The anonymous note stays without an author: the field is absent, not empty.
    expect(Object.keys(target.getMap<Y.Map<unknown>>('notes').get('note-bbbb')?.toJSON() ?? {})).not.toContain(
      'authorId',
    )
  })

  it('[JS2] a damaged JSON file is refused with a clear error and changes nothing', () => {
    const exported = exportBoardJson(workshop(), BALLOTS.values())
    const bad = [
      null,
      { ...exported, format: 'other' },
      { ...exported, version: 9 },
      { ...exported, notes: 'x' },
      { ...exported, notes: [...exported.notes, { ...exported.notes[0], id: 'x y', x: Number.NaN }] },
      { ...exported, clusters: [{ ...exported.clusters[0], colour: 'ultraviolet' }] },
      { ...exported, votes: { 'voter-0001': { 'note-aaaa': -2 } } },
      { ...exported, votes: { 'voter-0001': { 'note-aaaa': 101 } } },
    ]
    for (const data of bad) {
      const target = new Y.Doc()
      const before = Y.encodeStateAsUpdate(target)
      expect(() => importBoardJson(target, data)).toThrow(BoardError)
      expect(Y.encodeStateAsUpdate(target)).toEqual(before)
    }
    const notEmpty = workshop()
    expect(() => importBoardJson(notEmpty, exported)).toThrow(/must be empty/)
  })

  it('[JS3] ballots are exported under fresh ids that name nobody, and imported under fresh ids again', () => {
    const doc = workshop()
    const first = exportBoardJson(doc, BALLOTS.values())
    const second = exportBoardJson(doc, BALLOTS.values())
    const ids = [...Object.keys(first.votes), ...Object.keys(second.votes)]
    expect(new Set(ids).size).toBe(4)
    for (const id of ids) expect(BALLOTS.has(id)).toBe(false)
    expect(sortedBallots(first.votes)).toEqual([{ 'note-aaaa': 1 }, { 'note-bbbb': 2 }])
    const imported = importBoardJson(new Y.Doc(), first)
    for (const id of imported.keys()) expect(ids).not.toContain(id)
  })
})

describe('CSV import', () => {
  const file =
    '\uFEFFIdé,Färg,Övrigt\r\n"Cykelbibliotek, i centrum",gul,x\r\n"Två\nrader",,y\r\n,blå,z\r\nSolpaneler,lila,w\r\n'

  it('[CS2] parses with line numbers that count multi-line fields', () => {
    const table = parseCsv(file)
    expect(table.columns).toEqual(['Idé', 'Färg', 'Övrigt'])
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 5, 6])
    expect(table.rows[1]?.cells.Idé).toBe('Två\nrader')
  })

  it('[CS3] bad rows are reported by line and nothing is imported until all are good', () => {
    const table = parseCsv(file)
    const byName = (name: string) => ({ gul: 'yellow', blå: 'blue' })[name] as NoteColour | undefined
    const plan = planCsvImport(table, { text: 'Idé', colour: 'Färg' }, byName)
    expect(plan.errors).toEqual([
      { line: 5, message: 'The text is empty' },
      { line: 6, message: '"lila" is not a note colour' },
    ])
    expect(planCsvImport(table, { text: 'Saknas' }, byName).errors).toEqual([
      { line: 1, message: 'There is no column "Saknas"' },
    ])
    const good = planCsvImport(parseCsv('Idé,Färg\nA,gul\nB,\n'), { text: 'Idé', colour: 'Färg' }, byName)
    expect(good.errors).toEqual([])
    const doc = new Y.Doc()
    const cluster = createCluster(doc, { name: 'Förberedda idéer' })
    const ids = importPlannedNotes(doc, good.notes, { x: 0, y: 0, clusterId: cluster })
    expect(listNotes(doc).map((n) => [n.text, n.colour, n.clusterId])).toEqual([
      ['A', 'yellow', cluster],
      ['B', 'yellow', cluster],
    ])
    expect(ids).toHaveLength(2)
  })
})

describe('templates', () => {
  it('[TM1] every template has both languages and lays out in one transaction', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'blank',
      'brainstorm',
      'how-might-we',
      'swot',
      'retrospective',
      'impact-effort',
    ])
    for (const template of TEMPLATES) {
      for (const language of ['sv', 'en'] as const) {
        const doc = new Y.Doc()
        let transactions = 0
        doc.on('afterTransaction', () => transactions++)
        applyTemplate(doc, template.id, language)
        expect(transactions).toBe(1)
        expect(listClusters(doc).map((c) => c.name)).toEqual(template.areas.map((a) => a.name[language]))
        expect(template.name[language]).not.toBe('')
      }
    }
    const swot = new Y.Doc()
    applyTemplate(swot, 'swot', 'en')
    expect(listClusters(swot).map((c) => c.name)).toEqual(['Strengths', 'Weaknesses', 'Opportunities', 'Threats'])
  })
})
