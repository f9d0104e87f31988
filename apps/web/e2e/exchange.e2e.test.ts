/**
 * Results out, content in, end to end: a facilitator (context 1) exports CSV and PNG, imports notes
 * from CSV (a bad row first), creates boards from a template and from an exported JSON file, and
 * restores a saved version and undoes it; a participant (context 2) sees the changes live, and no
 * author line on a template's question the facilitator edited.
 */
import fs from 'node:fs/promises'
import { addNote, exportBoardJson, initBoard } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardLinkUrl, launchChromium, newPerson, startTestRelay } from './harness.js'
import { eventually } from './eventually.js'

const WAIT = { timeout: 15_000 }
const AWKWARD = 'Hej, "världen"\nrad två 🎉 åäö'
const TITLE = 'Framtid för Kiruna'
/** The title as export file names begin, before the local date and time. */
const STEM = 'framtid-för-kiruna'
const STAMP = String.raw`\d{4}-\d{2}-\d{2}-\d{4}`

async function expectConnected(page: Page): Promise<void> {
  await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
}

/** Every note's text on the page, sorted, for comparing boards regardless of layout. */
function noteTexts(page: Page): Promise<string[]> {
  return page
    .locator('[data-note-id]')
    .getByLabel('Note text')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value).sort())
}

/** A board with one awkward note, made as an exported board so the relay imports it. */
function exportedBoard(): unknown {
  const doc = new Y.Doc()
  initBoard(doc, { title: TITLE })
  addNote(doc, { x: 0, y: 0, text: AWKWARD, colour: 'green', authorId: 'author-0123456789ab', authorName: 'Åsa' })
  return exportBoardJson(doc, [])
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent('download', WAIT), click()])
  const path = await event.path()
  return { name: event.suggestedFilename(), bytes: await fs.readFile(path) }
}

function csvFile(text: string) {
  return { name: 'enkat.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }
}

describe('export, import, templates and history', () => {
  let relay: Relay
  let browser: Browser
  let contexts: BrowserContext[] = []
  let facilitator: Page
  let participant: Page

  function dialog(name: string): Locator {
    return facilitator.getByRole('dialog', { name })
  }

  async function openTool(name: string, heading: string): Promise<Locator> {
    await facilitator.getByRole('button', { name: 'Files and history' }).click()
    await facilitator.getByRole('button', { name, exact: true }).click()
    const opened = dialog(heading)
    await opened.waitFor(WAIT)
    return opened
  }

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    const res = await fetch(`${relay.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ title: TITLE, import: exportedBoard() }),
    })
    const { id, links } = (await res.json()) as { id: string; links: Record<string, string> }
    // The facilitator works in Stockholm: the CSV's times are theirs, whatever zone the relay runs in.
    contexts = await Promise.all([
      newPerson(browser, 'en-GB', undefined, { timezoneId: 'Europe/Stockholm' }),
      newPerson(browser),
    ])
    ;[facilitator, participant] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page]
    await facilitator.goto(boardLinkUrl(relay.url, id, links.facilitator ?? ''))
    await participant.goto(boardLinkUrl(relay.url, id, links.participant ?? ''))
    await Promise.all([expectConnected(facilitator), expectConnected(participant)])
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WX1] exports CSV with a BOM and awkward text intact', async () => {
    const exporting = await openTool('Export…', 'Export the board')
    const file = await download(facilitator, () => exporting.getByRole('button', { name: 'CSV (spreadsheet)' }).click())
    expect(file.name).toMatch(new RegExp(`^${STEM}-${STAMP}\\.csv$`))
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = file.bytes.toString('utf8')
    // In English the separator is a comma by default; the times are this device's, naming the zone.
    expect(text).toContain('"Cluster","Text","Colour","Dots","Author","Created"\r\n')
    expect(text).toMatch(/"Hej, ""världen""\nrad två 🎉 åäö","green","0","Åsa","\d{4}-\d\d-\d\d \d\d:\d\d \(CES?T\)"/)
    await exporting.getByText(`Done: ${file.name} has been downloaded.`).waitFor(WAIT)
    const semicolons = await download(facilitator, async () => {
      await exporting.getByRole('radio', { name: /Semicolon/ }).check()
      await exporting.getByRole('button', { name: 'CSV (spreadsheet)' }).click()
    })
    expect(semicolons.bytes.toString('utf8')).toContain('"Cluster";"Text";"Colour";"Dots";"Author";"Created"\r\n')
  })

  it('[WX2] exports the whole board as a PNG drawn in the browser', async () => {
    const exporting = dialog('Export the board')
    const file = await download(facilitator, () =>
      exporting.getByRole('button', { name: 'Whole board as an image' }).click(),
    )
    expect(file.name).toMatch(new RegExp(`^${STEM}-${STAMP}\\.png$`))
    expect([...file.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    // The note (160 units) with a 40-unit margin, at twice the detail.
    expect(file.bytes.readUInt32BE(16)).toBe(480)
    expect(file.bytes.readUInt32BE(20)).toBe(480)
    expect(file.bytes.length).toBeGreaterThan(5_000)
    // The view's image gets a name of its own.
    const view = await download(facilitator, () =>
      exporting.getByRole('button', { name: 'Current view as an image' }).click(),
    )
    expect(view.name).toMatch(new RegExp(`^${STEM}-view-${STAMP}\\.png$`))
    await exporting.getByRole('button', { name: 'Close' }).click()
  })

  it('[WX3] refuses a CSV with a bad row by line number, then imports a good one seen by the participant', async () => {
    const importing = await openTool('Import CSV…', 'Import notes from CSV')
    const file = importing.getByLabel('CSV file')
    await file.setInputFiles(csvFile('Text,Colour\nGood idea,blue\n,green\nOdd colour,turquoise\n'))
    await importing.getByText('Line 3: the text is empty.').waitFor(WAIT)
    await importing.getByText('Line 4: “turquoise” is not a colour Samla knows.').waitFor(WAIT)
    const refused = importing.getByRole('button', { name: 'Import 1 note' })
    expect(await refused.getAttribute('aria-disabled')).toBe('true')
    // The button stays focusable and explains itself; activating it anyway imports nothing.
    await refused.click({ force: true })
    await importing.getByText(/^2 rows need fixing in the file/).waitFor(WAIT)

    await file.setInputFiles(csvFile(`Text;Färg\nBättre idé;blå\n"Komma, ""citat""\nny rad 🎉";Grön\n`))
    await importing.getByRole('table').getByText('Bättre idé').waitFor(WAIT)
    await importing.getByRole('radio', { name: 'Into a new cluster named:' }).check()
    await importing.getByLabel('Name of the new cluster').fill('Enkäten')
    await importing.getByRole('button', { name: 'Import 2 notes' }).click()
    await importing.getByText('2 notes have been imported.').waitFor(WAIT)
    await importing.getByRole('button', { name: 'Close' }).click()

    await participant.getByRole('button', { name: 'Show all notes' }).click()
    await eventually(() => noteTexts(participant), [AWKWARD, 'Bättre idé', 'Komma, "citat"\nny rad 🎉'].sort(), 'notes')
  })

  it('[WX4] restores a saved version for everyone and undoes it', async () => {
    const history = await openTool('History…', 'Board history')
    const before = history.getByRole('row').filter({ hasText: 'Before an import' })
    await before.getByRole('button', { name: /^Preview/ }).click()
    const preview = history.getByRole('region', { name: /^The version from/ })
    await preview.getByText('1 note, 0 clusters.').waitFor(WAIT)
    await preview.getByText(AWKWARD).waitFor(WAIT)

    await before.getByRole('button', { name: /^Restore/ }).click()
    const confirm = facilitator.getByRole('dialog', { name: /^Restore the board to the version from/ })
    await confirm.getByRole('button', { name: 'Restore the board' }).click()
    await history.getByText(/^The board has been restored to the version from/).waitFor(WAIT)
    await eventually(() => noteTexts(participant), [AWKWARD], 'notes after the restore')

    await history.getByRole('button', { name: 'Undo restore' }).click()
    await history.getByText('The restore has been undone.').waitFor(WAIT)
    await participant.getByRole('button', { name: 'Show all notes' }).click()
    await eventually(
      () => noteTexts(participant),
      [AWKWARD, 'Bättre idé', 'Komma, "citat"\nny rad 🎉'].sort(),
      'notes after the undo',
    )
    await history.getByRole('button', { name: 'Close', exact: true }).click()
  })

  it('[WX5] creates a board from the SWOT template showing its four areas', async () => {
    const home = await contexts[0]?.newPage()
    if (!home) throw new Error('no context')
    await home.goto(`${relay.url}/`)
    await home.getByLabel('Board title').fill('SWOT för biblioteket')
    await home.getByRole('radio', { name: 'SWOT' }).check()
    await home.getByRole('button', { name: 'Create board' }).click()
    await expectConnected(home)
    await eventually(() => home.locator('[data-cluster-id]').count(), 4, 'areas on the canvas')

    await home.getByRole('button', { name: 'Files and history' }).click()
    await home.getByRole('button', { name: 'Import CSV…' }).click()
    const importing = home.getByRole('dialog', { name: 'Import notes from CSV' })
    await importing.getByLabel('CSV file').setInputFiles(csvFile('Text\nStark kultur\n'))
    await importing.getByRole('radio', { name: 'Into an existing cluster:' }).check()
    const areas = await importing
      .getByLabel('Cluster', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((option) => option.textContent))
    expect(areas).toEqual(['Strengths', 'Weaknesses', 'Opportunities', 'Threats'])
    await home.close()
  })

  it('[WX6] creates a board from an exported JSON file, with the relay’s words for a bad one', async () => {
    const home = await contexts[0]?.newPage()
    if (!home) throw new Error('no context')
    await home.goto(`${relay.url}/`)
    const file = home.getByLabel('Exported board (JSON)')
    const bad = { format: 'samla-board', version: 99, notes: [] }
    await file.setInputFiles({
      name: 'gammal.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    })
    await home.getByRole('button', { name: 'Create board from file' }).click()
    await home.getByText('The server could not use the file.').waitFor(WAIT)
    await home.getByText(/^The server's explanation: /).waitFor(WAIT)

    const good = JSON.stringify(exportedBoard())
    await file.setInputFiles({ name: 'samla-Kiruna.json', mimeType: 'application/json', buffer: Buffer.from(good) })
    expect(await home.getByLabel('Name of the new board').inputValue()).toBe(TITLE)
    await home.getByRole('button', { name: 'Create board from file' }).click()
    await expectConnected(home)
    await eventually(() => noteTexts(home), [AWKWARD], 'imported notes')
    await home.close()
  })

  it('[WX9] a template’s question, edited by the facilitator, shows no author line', async () => {
    const res = await fetch(`${relay.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ title: 'Bussarna', template: 'how-might-we', language: 'en' }),
    })
    const { id, links } = (await res.json()) as { id: string; links: Record<string, string> }
    const [lead, guest] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page]
    await lead.goto(boardLinkUrl(relay.url, id, links.facilitator ?? ''))
    await guest.goto(boardLinkUrl(relay.url, id, links.participant ?? ''))
    await Promise.all([expectConnected(lead), expectConnected(guest)])
    // The template's only note: its question, written by nobody.
    await eventually(() => noteTexts(guest), ['How might we…?'], 'the question')
    const question = 'How might we shorten the wait for the bus?'
    await lead.locator('.canvas [data-note-id]').getByLabel('Note text').fill(question)
    await lead.keyboard.press('Escape')
    await eventually(() => noteTexts(guest), [question], 'the question as edited')
    // A note the participant writes is signed, so bylines are shown on this board at all.
    await guest.getByRole('button', { name: 'Add note' }).click()
    await guest.locator('textarea:focus').fill('Fler bussar')
    await guest.keyboard.press('Escape')
    for (const page of [lead, guest]) {
      await eventually(
        async () => (await page.locator('.canvas [data-note-id] .note-author').allTextContents()).sort(),
        ['', 'by Testperson'],
        'author lines',
      )
      expect(await page.locator('.canvas').getByText('Anonymous').count()).toBe(0)
    }
    await Promise.all([lead.close(), guest.close()])
  })
})
