/** Boards from templates and imports, and exports for facilitators, through the relay's HTTP API. */
import { addNote, assignToCluster, createCluster, listClusters, listNotes } from '@samla/board'
import { afterEach, describe, expect, it } from 'vitest'
import type { Relay } from '../src/index.js'
import { authorOn, connectClient, createBoard, linksOf, startRelay, synced, waitFor } from './helpers.js'

const author = (boardId: string) => authorOn(boardId, 'Åsa Öberg')

describe('templates, imports and exports', () => {
  const cleanup: Array<() => unknown> = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })
  async function relay(): Promise<Relay> {
    const r = await startRelay()
    cleanup.push(() => r.close())
    return r
  }
  async function create(r: Relay, body: unknown) {
    return fetch(`${r.url}/api/boards`, { method: 'POST', body: JSON.stringify(body) })
  }
  function read(r: Relay, boardId: string, token: string) {
    const client = connectClient(r, boardId, undefined, { token })
    cleanup.push(() => client.destroy())
    return client
  }
  const download = (r: Relay, boardId: string, format: string, token = linksOf(boardId).facilitator, lang = 'sv') =>
    fetch(`${r.url}/api/boards/${boardId}/export?format=${format}&lang=${lang}`, {
      headers: { authorization: `Bearer ${token}` },
    })

  it('[RX1] a board created from a template starts with its areas, in the chosen language', async () => {
    const r = await relay()
    const res = await create(r, { title: 'SWOT för biblioteket', template: 'swot', language: 'sv' })
    expect(res.status).toBe(201)
    const { id, links } = (await res.json()) as { id: string; links: { participant: string } }
    const client = read(r, id, links.participant)
    await synced(client)
    await waitFor(() => listClusters(client.doc).length === 4)
    expect(listClusters(client.doc).map((c) => c.name)).toEqual(['Styrkor', 'Svagheter', 'Möjligheter', 'Hot'])
    expect((await create(r, { title: 'x', template: 'nope' })).status).toBe(400)
    expect((await create(r, { title: 'x', template: 'swot', language: 'fi' })).status).toBe(400)
  })

  it('[RX2] export JSON → import into a new board → the same notes and clusters', async () => {
    const r = await relay()
    const boardId = await createBoard(r, 'Källa')
    const writer = connectClient(r, boardId)
    cleanup.push(() => writer.destroy())
    await synced(writer)
    const a = addNote(writer.doc, { x: 0, y: 0, text: 'Kaffe, "fika"\noch 🎉', ...author(boardId) })
    addNote(writer.doc, { x: 200, y: 0, text: 'Te', colour: 'blue' })
    assignToCluster(writer.doc, [a], createCluster(writer.doc, { name: 'Drycker' }))
    const notesIn = async () => ((await (await download(r, boardId, 'json')).json()) as { notes: unknown[] }).notes
    await waitFor(async () => (await notesIn()).length === 2)

    const exported = (await (await download(r, boardId, 'json')).json()) as Record<string, unknown>
    expect((await download(r, boardId, 'json', linksOf(boardId).participant)).status).toBe(403)
    const res = await create(r, { title: 'Kopia', import: exported })
    expect(res.status).toBe(201)
    const { id, links } = (await res.json()) as { id: string; links: { viewer: string } }
    const copy = read(r, id, links.viewer)
    await synced(copy)
    await waitFor(() => listNotes(copy.doc).length === 2)
    expect(listNotes(copy.doc)).toEqual(listNotes(writer.doc))
    expect(listClusters(copy.doc)).toEqual(listClusters(writer.doc))

    const broken = await create(r, { title: 'Trasig', import: { ...exported, notes: [{ id: '!' }] } })
    expect(broken.status).toBe(400)
    expect(await broken.json()).toMatchObject({ error: 'invalid-import' })
  })

  it('[RX3] CSV and Markdown downloads: UTF-8 with BOM, attachment names, awkward text intact', async () => {
    const r = await relay()
    const boardId = await createBoard(r, 'Möte på kommunen')
    const writer = connectClient(r, boardId)
    cleanup.push(() => writer.destroy())
    await synced(writer)
    addNote(writer.doc, { x: 0, y: 0, text: 'Rad ett, "citat"\nrad två åäö', ...author(boardId) })
    await waitFor(async () => (await (await download(r, boardId, 'md')).text()).includes('rad två'))
    const csv = await download(r, boardId, 'csv')
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toContain('filename="samla-Mote-pa-kommunen.csv"')
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('"Grupp","Text","Färg","Prickar","Skribent","Skapad"\r\n')
    expect(text).toContain('"","Rad ett, ""citat""\nrad två åäö","gul","0","Åsa Öberg"')
    const md = await (await download(r, boardId, 'md', undefined, 'en')).text()
    expect(md).toContain('## Not clustered')
    expect(md).toContain('- Rad ett, "citat" — by Åsa Öberg\n  rad två åäö')
    expect((await download(r, boardId, 'pdf')).status).toBe(400)
  })

  it('[RX4] a CSV for a Swedish office: semicolons and local times on request, bad choices refused; "prickar" in Swedish', async () => {
    const r = await relay()
    const boardId = await createBoard(r, 'Kiruna 2030')
    const writer = connectClient(r, boardId)
    cleanup.push(() => writer.destroy())
    await synced(writer)
    addNote(writer.doc, { x: 0, y: 0, text: 'Fler e-tjänster; färre blanketter', now: Date.UTC(2026, 11, 7, 8, 15) })
    const csvWith = (query: string) =>
      fetch(`${r.url}/api/boards/${boardId}/export?format=csv&lang=sv&${query}`, {
        headers: { authorization: `Bearer ${linksOf(boardId).facilitator}` },
      })
    await waitFor(async () => (await (await download(r, boardId, 'md')).text()).includes('e-tjänster'))
    const text = await (await csvWith('separator=semicolon&tz=Europe%2FStockholm')).text()
    expect(text).toBe(
      '"Grupp";"Text";"Färg";"Prickar";"Skribent";"Skapad"\r\n' +
        '"";"Fler e-tjänster; färre blanketter";"gul";"0";"";"2026-12-07 09:15 (CET)"',
    )
    const refusedSeparator = await csvWith('separator=tab')
    expect(refusedSeparator.status).toBe(400)
    expect(await refusedSeparator.json()).toMatchObject({ error: 'invalid-format' })
    const refusedZone = await csvWith('tz=Mars%2FOlympus')
    expect(refusedZone.status).toBe(400)
    expect(await refusedZone.json()).toMatchObject({ error: 'invalid-time-zone' })
    expect(await (await download(r, boardId, 'md')).text()).toContain('- Fler e-tjänster; färre blanketter\n')
  })
})
