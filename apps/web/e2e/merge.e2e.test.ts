/**
 * Merging boards from the home page ([WJ5], [WJ6], issue #21): a facilitator chooses a board this
 * tab holds the facilitator link of, pastes another's, and lands on the new board as its facilitator
 * with the notes of both. A participant's link is turned away before anything is sent, and a link the
 * relay refuses is named, both in plain Swedish.
 */
import { addNote } from '@samla/board'
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { eventually, expectStatus, WAIT } from './editing-helpers.js'
import {
  type BoardLinks,
  boardLinkUrl,
  createBoardOver,
  launchChromium,
  newPerson,
  noteTexts,
  startTestRelay,
  stockClient,
} from './harness.js'

/** Writes notes into a board with its facilitator link, each signed by a name. */
async function writeNotes(relay: Relay, boardId: string, token: string, texts: string[]): Promise<void> {
  const writer = await stockClient(relay, boardId, token)
  texts.forEach((text, index) => {
    addNote(writer.doc, {
      x: 80 + index * 240,
      y: 120,
      text,
      authorId: `author-${index}`,
      authorName: `Skribent ${index}`,
    })
  })
  // Sent once the relay has everything: a second client sees the notes.
  const reader = await stockClient(relay, boardId, token)
  await eventually(async () => reader.doc.getMap('notes').size, texts.length, 'the notes to reach the relay')
  reader.destroy()
  writer.destroy()
}

/** The author names on a board's notes, as a stock client reads them. */
async function authorNames(relay: Relay, boardId: string, token: string): Promise<unknown[]> {
  const reader = await stockClient(relay, boardId, token)
  const names = [...reader.doc.getMap<Y.Map<unknown>>('notes').values()].map((note) => note.get('authorName'))
  reader.destroy()
  return names
}

describe('merging boards from the home page', () => {
  let relay: Relay
  let browser: Browser
  const contexts: BrowserContext[] = []
  let traffic: { id: string; links: BoardLinks }
  let school: { id: string; links: BoardLinks }

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    traffic = await createBoardOver(relay.url, 'Trafik')
    school = await createBoardOver(relay.url, 'Skolan')
    await writeNotes(relay, traffic.id, traffic.links.facilitator, ['Fler cykelbanor', 'Tätare busstrafik'])
    await writeNotes(relay, school.id, school.links.facilitator, ['Längre raster', 'Bättre skolmat'])
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await relay?.close()
  })

  /** A Swedish facilitator's tab that opened the traffic board by its link, back on the home page. */
  async function homeKnowingTraffic(): Promise<Page> {
    const context = await newPerson(browser, 'sv-SE')
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(boardLinkUrl(relay.url, traffic.id, traffic.links.facilitator))
    await expectStatus(page, 'connected')
    await page.goto(`${relay.url}/`)
    await page.getByRole('heading', { name: 'Slå ihop tavlor' }).waitFor(WAIT)
    return page
  }

  it('[WJ5] merges a board chosen among the recent ones with a pasted one, names left out, refusing a participant link first', async () => {
    const page = await homeKnowingTraffic()
    const form = page.locator('form.merge-boards')
    const list = form.getByRole('group', { name: 'Dina tavlor på den här enheten' })
    await list.getByRole('checkbox', { name: 'Trafik' }).check()
    const links = form.getByLabel('Processledarlänkar till andra tavlor')
    const other = await createBoardOver(relay.url, 'Deltagarnas tavla')
    await links.fill(
      `${boardLinkUrl(relay.url, school.id, school.links.facilitator)}\n${boardLinkUrl(relay.url, other.id, other.links.participant)}`,
    )
    await form.getByRole('button', { name: 'Slå ihop' }).click()
    await expect
      .poll(() => form.getByRole('alert').textContent(), WAIT)
      .toBe('Länken på rad 2 är en deltagarlänk. Bara processledarlänken ger rätt att slå ihop tavlan.')
    expect(await links.getAttribute('aria-invalid')).toBe('true')
    expect(await links.evaluate((field) => field === document.activeElement)).toBe(true)
    expect(page.url()).toBe(`${relay.url}/`)

    await links.fill(boardLinkUrl(relay.url, school.id, school.links.facilitator))
    const title = form.getByLabel('Namn på den nya tavlan')
    expect(await title.inputValue()).toBe('Sammanslagen tavla')
    await title.fill('Trafik och skola')
    await form.getByLabel('Ta inte med namnen').check()
    await form.getByRole('button', { name: 'Slå ihop' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/b/') && !url.pathname.includes(traffic.id), WAIT)
    await expectStatus(page, 'connected')
    // Opened as its facilitator, as a board created here is.
    await page.getByRole('button', { name: 'Dela' }).waitFor(WAIT)
    await page.getByRole('button', { name: 'Lista', exact: true }).click()
    await eventually(
      async () => (await noteTexts(page)).sort(),
      ['Bättre skolmat', 'Fler cykelbanor', 'Längre raster', 'Tätare busstrafik'],
      'the notes of both boards on the merged board',
    )
    // The names were left out, as asked; the sources keep theirs.
    const merged = new URL(page.url()).pathname.split('/')[2] ?? ''
    const token = await page.evaluate((id) => sessionStorage.getItem(`samla.token.${id}`), merged)
    expect(await authorNames(relay, merged, token ?? '')).toEqual([undefined, undefined, undefined, undefined])
    expect(await authorNames(relay, school.id, school.links.facilitator)).toEqual(['Skribent 0', 'Skribent 1'])
  })

  it('[WJ6] a link the relay refuses is named by its line, the boards left unmerged', async () => {
    const replaced = await createBoardOver(relay.url, 'Bytt länk')
    const rotated = await fetch(`${relay.url}/api/boards/${replaced.id}/links/facilitator/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${replaced.links.facilitator}` },
    })
    expect(rotated.status).toBe(200)
    const page = await homeKnowingTraffic()
    const form = page.locator('form.merge-boards')
    await form.getByRole('checkbox', { name: 'Trafik' }).check()
    await form
      .getByLabel('Processledarlänkar till andra tavlor')
      .fill(boardLinkUrl(relay.url, replaced.id, replaced.links.facilitator))
    await form.getByRole('button', { name: 'Slå ihop' }).click()
    await expect
      .poll(() => form.getByRole('alert').textContent(), WAIT)
      .toBe(
        'Tavlan i länken på rad 1 gick inte att öppna. Länken är ingen processledarlänk, eller så har den bytts ut.',
      )
    expect(page.url()).toBe(`${relay.url}/`)
  })
})
