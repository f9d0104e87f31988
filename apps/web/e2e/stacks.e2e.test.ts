/**
 * Issue #21's whole scenario, end to end: two facilitators run a board each — Kiruna's in Swedish,
 * Haparanda–Tornio's in English — where participants write notes; a third facilitator merges the two
 * from the home page, looks for similar notes, confirms the stack the two boards' "Fler cykelbanor"
 * make, and opens a vote; a participant of each board votes on the merged board, the stack counting as
 * one note (one total, one cap per person) whichever of its notes the dot is placed on.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addNote, eventually, expectStatus, WAIT } from './editing-helpers.js'
import { type BoardLinks, boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'
import { axeViolations } from './phone-helpers.js'

const KIRUNA = 'Kiruna'
const TORNIO = 'Haparanda–Tornio'
const SHARED = 'Fler cykelbanor'

/** The outline's item of a note with this text copied from the board with this title (the list shows every note, none culled). */
function item(page: Page, text: string, from: string): Locator {
  return page
    .locator('[data-outline-note]')
    .filter({ hasText: text })
    .filter({ has: page.locator('.note-origin', { hasText: from }) })
}

describe('merging boards, stacking near-duplicates and voting on the merged board', () => {
  let relay: Relay
  let browser: Browser
  const contexts: BrowserContext[] = []
  let kiruna: { id: string; links: BoardLinks }
  let tornio: { id: string; links: BoardLinks }

  async function visit(locale: string, url: string): Promise<Page> {
    // bypassCSP: axe is added to the page as a script, which the app's policy would refuse.
    const context = await newPerson(browser, locale, undefined, { bypassCSP: true })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(url)
    return page
  }

  async function open(locale: string, url: string): Promise<Page> {
    const page = await visit(locale, url)
    await expectStatus(page, 'connected')
    return page
  }

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    kiruna = await createBoardOver(relay.url, KIRUNA)
    tornio = await createBoardOver(relay.url, TORNIO)
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await relay?.close()
  })

  it('[WZ3] two boards run apart, merged by a third facilitator, a stack confirmed and voted on by both boards’ participants', async () => {
    // Each board is run by its own facilitator, in its own language; its participants write.
    await open('sv-SE', boardLinkUrl(relay.url, kiruna.id, kiruna.links.facilitator))
    await open('en-GB', boardLinkUrl(relay.url, tornio.id, tornio.links.facilitator))
    const anna = await open('sv-SE', boardLinkUrl(relay.url, kiruna.id, kiruna.links.participant))
    const ben = await open('en-GB', boardLinkUrl(relay.url, tornio.id, tornio.links.participant))
    await addNote(anna, 200, 200, SHARED)
    await addNote(anna, 500, 200, 'Billigare busskort')
    await addNote(ben, 200, 200, 'fler cykelbanor!')
    await addNote(ben, 500, 200, 'Snow cleared before seven')

    // A third facilitator merges both boards from the home page with their facilitator links.
    const carin = await visit('sv-SE', `${relay.url}/`)
    const form = carin.locator('form.merge-boards')
    await form
      .getByLabel('Processledarlänkar till andra tavlor')
      .fill([kiruna, tornio].map((board) => boardLinkUrl(relay.url, board.id, board.links.facilitator)).join('\n'))
    await form.getByLabel('Namn på den nya tavlan').fill('Norrbotten tillsammans')
    await form.getByRole('button', { name: 'Slå ihop' }).click()
    await carin.waitForURL((url) => url.pathname.startsWith('/b/'), WAIT)
    await expectStatus(carin, 'connected')
    const mergedId = new URL(carin.url()).pathname.split('/')[2] ?? ''

    // She looks for similar notes: the two boards' "Fler cykelbanor" are proposed, nothing else.
    // The panel is open on a laptop from the start.
    await carin.locator('#facilitator-panel').waitFor(WAIT)
    const stacks = carin.getByRole('region', { name: 'Liknande lappar' })
    await stacks.getByRole('button', { name: 'Leta efter liknande lappar' }).click()
    await stacks.getByText('Ett förslag på stapel.').waitFor(WAIT)
    const proposal = stacks.locator('.stack-proposal')
    expect(await proposal.locator('.stack-notes li').allTextContents()).toEqual(
      expect.arrayContaining([`${SHARED} från ${KIRUNA}`, `fler cykelbanor! från ${TORNIO}`]),
    )
    expect(await axeViolations(carin)).toEqual([])
    await proposal.getByRole('button', { name: 'Lägg i stapel' }).click()
    await stacks.getByText('Inga liknande lappar hittades.').waitFor(WAIT)
    await stacks.getByRole('button', { name: /^Dela upp stapeln ”fler cykelbanor!?”$/i }).waitFor(WAIT)

    // Both copies show the stack and all its origins, on the canvas and in their accessible names.
    await carin.getByRole('button', { name: 'Lista', exact: true }).click()
    for (const [text, from] of [
      [SHARED, KIRUNA],
      ['fler cykelbanor!', TORNIO],
    ] as const) {
      const copy = item(carin, text, from)
      await copy.locator('.note-stack').waitFor(WAIT)
      expect(await copy.locator('.note-stack').textContent()).toBe('Stapel med 2 lappar')
      // The origins in the order of the stack's notes, which is the order they were proposed in.
      expect([
        `I en stapel med 2 lappar från ${KIRUNA} och ${TORNIO}`,
        `I en stapel med 2 lappar från ${TORNIO} och ${KIRUNA}`,
      ]).toContain((await copy.getAttribute('aria-label'))?.replace(/^.*\. (?=I en stapel)/, ''))
    }

    // The vote: two dots a person, at most two on one note.
    await carin.getByLabel('Prickar per person').fill('2')
    await carin.getByLabel('Högst per lapp').fill('2')
    await carin.getByRole('button', { name: 'Starta röstningen' }).click()

    // A participant of each board opens the merged board with its participant link, in their language.
    const carinToken = await carin.evaluate((id) => sessionStorage.getItem(`samla.token.${id}`), mergedId)
    const participant = (
      (await (
        await fetch(`${relay.url}/api/boards/${mergedId}/links`, { headers: { authorization: `Bearer ${carinToken}` } })
      ).json()) as BoardLinks
    ).participant
    const annaMerged = await open('sv-SE', boardLinkUrl(relay.url, mergedId, participant))
    const benMerged = await open('en-GB', boardLinkUrl(relay.url, mergedId, participant))
    await annaMerged.getByRole('button', { name: 'Lista', exact: true }).click()
    await benMerged.getByRole('button', { name: 'Outline', exact: true }).click()

    // Anna's dot on Kiruna's copy and Ben's on Tornio's count on the one stack.
    await item(annaMerged, SHARED, KIRUNA).getByRole('button', { name: 'Lägg en prick på lappen' }).click()
    await eventually(() => annaMerged.locator('.vote-left').textContent(), '1 av 2 prickar kvar', 'Anna’s dot')
    const benOwn = item(benMerged, 'fler cykelbanor!', TORNIO)
    const benOther = item(benMerged, SHARED, KIRUNA)
    await benOwn.getByRole('button', { name: 'Add a dot to this note' }).click()
    // Ben's dot shows on both notes of the stack: one note in the vote.
    await eventually(() => benOther.locator('.vote-mine').textContent(), '●Yours: 1', 'Ben’s dot on the whole stack')
    await benOther.getByRole('button', { name: 'Add a dot to this note' }).click()
    await eventually(() => benMerged.locator('.vote-left').textContent(), '0 of 2 dots left', 'Ben’s second dot')
    // Two dots on the stack is the cap, whichever of its notes he tries.
    expect(await benOwn.getByRole('button', { name: 'Add a dot to this note' }).isDisabled()).toBe(true)
    expect(await benOther.getByRole('button', { name: 'Add a dot to this note' }).isDisabled()).toBe(true)
    await item(annaMerged, 'Billigare busskort', KIRUNA)
      .getByRole('button', { name: 'Lägg en prick på lappen' })
      .click()
    await eventually(() => annaMerged.locator('.vote-left').textContent(), '0 av 2 prickar kvar', 'Anna’s second dot')

    // The facilitator sees the stack's total, 3, on both its notes, and it leads her tally once.
    for (const [text, from] of [
      [SHARED, KIRUNA],
      ['fler cykelbanor!', TORNIO],
    ] as const) {
      await eventually(
        () => item(carin, text, from).locator('.vote-total').textContent(),
        '3 prickar',
        `the stack's total on the copy from ${from}`,
      )
    }
    // The stack is one line of the tally, under the text of whichever of its notes it counts on.
    const tally = carin.locator('.vote-tally-list li')
    await eventually(
      async () => (await tally.allTextContents()).map((line) => line.replace(/^fler cykelbanor!? /i, 'STACK ')),
      ['STACK 3 prickar', 'Billigare busskort 1 prick'],
      'tally',
    )
    await carin.getByRole('button', { name: 'Visa resultatet för alla' }).click()
    await eventually(
      () => benOther.locator('.vote-total').textContent(),
      '3 dots',
      'the revealed total on the stack for Ben',
    )
    expect(await axeViolations(benMerged)).toEqual([])
    // In the results the stack wins, one line naming every board that had the idea.
    await benMerged.getByRole('button', { name: 'Results' }).click()
    const podium = benMerged.getByRole('dialog', { name: 'Results' }).locator('.results-podium li')
    await podium.first().waitFor(WAIT)
    expect(await podium.first().locator('.results-votes').textContent()).toBe('3 dots')
    expect([`2 notes from ${KIRUNA} and ${TORNIO}`, `2 notes from ${TORNIO} and ${KIRUNA}`]).toContain(
      await podium.first().locator('.stack-summary').textContent(),
    )
  })
})
