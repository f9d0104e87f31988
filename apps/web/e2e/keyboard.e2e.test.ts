/**
 * A whole small session with the keyboard alone — no mouse event anywhere: a facilitator creates a
 * board from the home page, writes and edits notes, makes a group and moves a note into it (in the
 * outline), starts a vote; a participant votes in a second browser; the facilitator reveals the totals.
 * Focus moves only with Tab and the keys the app offers; the page is read, never clicked.
 */
import type { Relay } from '@samla/relay'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardLinkUrl, launchChromium, newPerson, startTestRelay } from './harness.js'
import { eventually } from './eventually.js'

const WAIT = { timeout: 15_000 }
const MAX_TABS = 120

/** The accessible name of the focused element, near enough: aria-label, its label, or its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const label = (el as HTMLInputElement).labels?.[0]?.textContent
    return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim()
  })
}

/** Presses Tab until the focused element's name matches. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text))
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab')
    if (matches(await focusedName(page))) return
  }
  throw new Error(`no focusable element named ${name} within ${MAX_TABS} tabs`)
}

/** Note texts per outline group heading, e.g. { "Transport (1 note)": ["Bikes"] }. */
function outlineGroups(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.outline-group')].map((group) => [
        group.querySelector('h2')?.textContent ?? '',
        [...group.querySelectorAll('textarea')].map((field) => (field as HTMLTextAreaElement).value),
      ]),
    ),
  )
}

describe('a session with the keyboard alone', () => {
  let relay: Relay
  let browser: Browser

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WK1] creates, writes, groups, votes and reveals without a mouse', async () => {
    const facilitator = await (await newPerson(browser)).newPage()
    await facilitator.goto(relay.url)
    await tabTo(facilitator, 'Board title')
    await facilitator.keyboard.type('Keyboard workshop')
    await facilitator.keyboard.press('Enter')
    await facilitator.locator('[role="status"][data-status="connected"]').waitFor(WAIT)

    await tabTo(facilitator, 'Outline')
    await facilitator.keyboard.press('Enter')
    await facilitator.locator('.outline').waitFor(WAIT)

    // N adds a note and puts the caret in it; Escape leaves the text for the note, ready for the next N.
    await facilitator.keyboard.press('n')
    await facilitator.keyboard.type('Bikes')
    await facilitator.keyboard.press('Escape')
    await facilitator.keyboard.press('n')
    await facilitator.keyboard.type('Buses')
    await facilitator.keyboard.press('Escape')
    // Edit the first note: arrows go from note to note, Enter edits.
    await facilitator.keyboard.press('Home')
    await facilitator.keyboard.press('Enter')
    await facilitator.keyboard.press('End')
    await facilitator.keyboard.type(' everywhere')
    await eventually(
      async () => JSON.stringify(await outlineGroups(facilitator)),
      JSON.stringify({ 'Not in a group (2 notes)': ['Bikes everywhere', 'Buses'] }),
      'two notes written',
    )

    // A new group takes focus in its name field.
    await tabTo(facilitator, 'New group')
    await facilitator.keyboard.press('Enter')
    // Typed key by key: every keystroke renames the shared group and the caret stays put.
    await facilitator.keyboard.type('Transport', { delay: 20 })
    await facilitator.keyboard.press('Escape')
    await tabTo(facilitator, /^Yellow note: Buses/)
    await tabTo(facilitator, 'Move to group')
    await facilitator.keyboard.type('Transport')
    await facilitator.keyboard.press('Tab')
    await facilitator.keyboard.press('Enter')
    await eventually(
      async () => JSON.stringify(await outlineGroups(facilitator)),
      JSON.stringify({ 'Transport (1 note)': ['Buses'], 'Not in a group (1 note)': ['Bikes everywhere'] }),
      'note moved into the group',
    )
    // Focus followed the note into its new group.
    expect(await focusedName(facilitator)).toMatch(/^Yellow note: Buses/)

    await tabTo(facilitator, 'Start the vote')
    await facilitator.keyboard.press('Enter')
    await facilitator.locator('.vote-status').waitFor(WAIT)

    // The participant's link, as the share dialog would give it (the facilitator's link is the tab's).
    const boardId = new URL(facilitator.url()).pathname.split('/').pop() ?? ''
    const token = await facilitator.evaluate((id) => sessionStorage.getItem(`samla.token.${id}`), boardId)
    const links = (await (
      await fetch(`${relay.url}/api/boards/${boardId}/links`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { participant: string }

    const participant = await (await newPerson(browser)).newPage()
    await participant.goto(boardLinkUrl(relay.url, boardId, links.participant))
    await participant.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
    await tabTo(participant, 'Outline')
    await participant.keyboard.press('Enter')
    await tabTo(participant, /^Yellow note: Buses/)
    await tabTo(participant, 'Add a dot to this note')
    await participant.keyboard.press('Enter')
    await participant.keyboard.press('Enter')
    await eventually(() => participant.locator('.vote-left').getAttribute('data-left'), '3', 'two dots placed')
    expect(await participant.locator('.vote-total').count()).toBe(0)

    await tabTo(facilitator, 'Show the totals to everyone')
    await facilitator.keyboard.press('Enter')
    await eventually(() => participant.locator('.vote-total').textContent(), '2 dots', 'totals revealed')
    await eventually(
      () => participant.getByRole('status').filter({ hasText: 'The vote totals are now shown.' }).count(),
      1,
      'reveal announced',
    )
  })
})
