/**
 * Access without accounts, end to end: a facilitator (context 1) creates a board on the home page
 * and shares it from the share dialog; a participant (context 2) and a viewer (context 3) join by
 * their links. Covers read-only viewing, the lock, replacing a link (4401) and deleting the board
 * (4410), against the built app served by the real relay.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'
import { eventually } from './eventually.js'

const WAIT = { timeout: 15_000 }

async function expectConnected(page: Page): Promise<void> {
  await page.locator('[role="status"][data-status="connected"]').waitFor(WAIT)
}

async function expectProblem(page: Page, problem: string, heading: string): Promise<void> {
  await page.locator(`main[data-problem="${problem}"]`).waitFor(WAIT)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading)
  expect(await page.getByRole('link', { name: 'Go to the home page' }).count()).toBe(1)
}

function noteText(page: Page): Locator {
  return page.locator('[data-note-id]').first().getByLabel('Note text')
}

function shareDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Share the board' })
}

async function linkIn(dialog: Locator, label: string): Promise<string> {
  return dialog.getByLabel(label, { exact: true }).inputValue()
}

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click()
  await field.press('End')
  await field.pressSequentially(text, { delay: 10 })
}

describe('facilitator, participant and viewer links', () => {
  let relay: Relay
  let browser: Browser
  let contexts: BrowserContext[] = []
  let facilitator: Page
  let participant: Page
  let viewer: Page
  let boardUrl = ''
  let participantLink = ''
  let viewerLink = ''

  beforeAll(async () => {
    ;({ relay } = await startTestRelay())
    browser = await launchChromium()
    contexts = await Promise.all([newPerson(browser), newPerson(browser), newPerson(browser)])
    ;[facilitator, participant, viewer] = (await Promise.all(contexts.map((context) => context.newPage()))) as [
      Page,
      Page,
      Page,
    ]
  })

  afterAll(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('[WA1] a board address without a token explains itself instead of showing a blank board', async () => {
    const { id } = await createBoardOver(relay.url, 'Utan nyckel')
    const page = await contexts[2]?.newPage()
    if (!page) throw new Error('no viewer context')
    await page.goto(`${relay.url}/b/${id}`)
    await expectProblem(page, 'missing-token', 'This link is not complete')
    expect(await page.locator('[data-note-id], .canvas').count()).toBe(0)
    await page.close()
  })

  it('[WA2] the facilitator creates a board on the home page and reads its links in the share dialog', async () => {
    await facilitator.goto(`${relay.url}/`)
    await facilitator.getByLabel('Board title').fill('Workshop Kista')
    await facilitator.getByRole('button', { name: 'Create board' }).click()
    await expectConnected(facilitator)
    expect(await facilitator.locator('.role-badge').textContent()).toBe('Your role: Facilitator')
    // The token has left the address bar (history, screen sharing) but the board stays open.
    boardUrl = facilitator.url()
    expect(new URL(boardUrl).hash).toBe('')
    expect(new URL(boardUrl).pathname).toMatch(/^\/b\/[\w-]+$/)

    await facilitator.getByRole('button', { name: 'Share' }).click()
    const dialog = shareDialog(facilitator)
    await dialog.getByLabel('Participant link', { exact: true }).waitFor(WAIT)
    participantLink = await linkIn(dialog, 'Participant link')
    viewerLink = await linkIn(dialog, 'Viewer link')
    const facilitatorLink = await linkIn(dialog, 'Facilitator link')
    for (const link of [participantLink, viewerLink, facilitatorLink]) {
      const url = new URL(link)
      expect(url.origin).toBe(relay.url)
      expect(`${url.origin}${url.pathname}`).toBe(boardUrl)
      expect(url.search).toBe('')
      expect(url.hash).toMatch(/^#token=./)
    }
    expect(new Set([participantLink, viewerLink, facilitatorLink]).size).toBe(3)
    await dialog.getByRole('img', { name: 'QR code for the participant link' }).waitFor(WAIT)

    await dialog.getByRole('button', { name: 'Copy participant link' }).click()
    await eventually(
      async () => /copied|selected/.test((await dialog.getByRole('status').textContent()) ?? ''),
      true,
      'copy announcement',
    )
    await facilitator.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden', ...WAIT })
  })

  it('[WA3] a participant joins by the participant link and adds a note', async () => {
    await participant.goto(participantLink)
    await expectConnected(participant)
    expect(await participant.locator('.role-badge').textContent()).toBe('Your role: Participant')
    expect(await participant.getByRole('button', { name: 'Share' }).count()).toBe(0)
    expect(await participant.getByRole('button', { name: 'Lock board' }).count()).toBe(0)
    expect(await participant.getByRole('button', { name: 'Delete board' }).count()).toBe(0)
    await participant.getByRole('button', { name: 'Add note' }).click()
    await typeInto(noteText(participant), 'Från deltagaren')
    await eventually(() => noteText(facilitator).inputValue(), 'Från deltagaren', 'note in the facilitator')
  })

  it('[WA4] a viewer sees the note but cannot add, type into or delete notes', async () => {
    await viewer.goto(viewerLink)
    // A viewer's link opens the presentation for a projector; on a laptop the viewer leaves it for the board.
    await viewer.getByRole('button', { name: 'Leave the presentation' }).click()
    await expectConnected(viewer)
    expect(await viewer.locator('.role-badge').textContent()).toBe('Your role: Viewer')
    await eventually(() => noteText(viewer).inputValue(), 'Från deltagaren', 'note in the viewer')
    expect(await viewer.getByRole('button', { name: 'Add note' }).count()).toBe(0)
    expect(await viewer.getByRole('button', { name: 'Delete note' }).count()).toBe(0)
    await typeInto(noteText(viewer), ' – från åskådaren')
    await viewer.getByRole('region', { name: 'Board canvas' }).focus()
    await viewer.keyboard.press('n')
    expect(await noteText(viewer).inputValue()).toBe('Från deltagaren')
    expect(await viewer.locator('[data-note-id]').count()).toBe(1)
    // The view itself still moves.
    await viewer.getByRole('button', { name: 'Zoom in' }).click()
    expect(await viewer.getByRole('button', { name: /^Reset zoom/ }).textContent()).toBe('125%')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await noteText(facilitator).inputValue()).toBe('Från deltagaren')
  })

  it('[WA5] a locked board is read-only for the participant until the facilitator unlocks it', async () => {
    await facilitator.getByRole('button', { name: 'Lock board' }).click()
    await participant.locator('.lock-banner').waitFor(WAIT)
    expect(await participant.locator('.lock-banner').textContent()).toContain('locked the board')
    await viewer.locator('.lock-banner').waitFor(WAIT)
    expect(await facilitator.locator('.lock-banner').textContent()).toContain('participants can look')
    expect(await participant.getByRole('button', { name: 'Add note' }).isDisabled()).toBe(true)
    await typeInto(noteText(participant), ' (låst)')
    expect(await noteText(participant).inputValue()).toBe('Från deltagaren')

    await facilitator.getByRole('button', { name: 'Unlock board' }).click()
    await participant.locator('.lock-banner').waitFor({ state: 'detached', ...WAIT })
    await typeInto(noteText(participant), ' igen')
    await eventually(() => noteText(facilitator).inputValue(), 'Från deltagaren igen', 'edit after unlocking')
  })

  it('[WA6] replacing the participant link disconnects the participant; only the new link works', async () => {
    await facilitator.getByRole('button', { name: 'Share' }).click()
    const dialog = shareDialog(facilitator)
    await dialog.getByRole('button', { name: 'Replace link for participants' }).click()
    const confirm = facilitator.getByRole('dialog', { name: 'Replace the participant link?' })
    await confirm.getByRole('button', { name: 'Replace link', exact: true }).click()
    await confirm.waitFor({ state: 'hidden', ...WAIT })
    await eventually(
      async () => (await linkIn(dialog, 'Participant link')) !== participantLink,
      true,
      'new participant link shown',
    )
    expect(await dialog.getByRole('status').textContent()).toContain('new participant link')
    const newLink = await linkIn(dialog, 'Participant link')
    await facilitator.keyboard.press('Escape')

    await expectProblem(participant, 'link-rotated', 'This link has been replaced')
    // Only the participant link was replaced: the viewer stays.
    await expectConnected(viewer)

    const again = await contexts[1]?.newPage()
    if (!again) throw new Error('no participant context')
    await again.goto(participantLink)
    await expectProblem(again, 'link-rotated', 'This link has been replaced')
    await again.close()

    await participant.goto(newLink)
    await expectConnected(participant)
    await typeInto(noteText(participant), '!')
    await eventually(() => noteText(facilitator).inputValue(), 'Från deltagaren igen!', 'edit with the new link')
  })

  it('[WA7] deleting the board erases it for everyone and takes the facilitator home', async () => {
    await facilitator.getByRole('button', { name: 'Delete board' }).click()
    const confirm = facilitator.getByRole('dialog', { name: 'Delete “Workshop Kista”?' })
    await confirm.getByRole('button', { name: 'Delete board' }).click()
    await facilitator.waitForURL(`${relay.url}/`, WAIT)
    await eventually(
      async () => (await facilitator.getByRole('status').first().textContent()) ?? '',
      '“Workshop Kista” was deleted, on the server and on this device.',
      'deleted message',
    )
    expect(await facilitator.getByRole('link', { name: 'Workshop Kista' }).count()).toBe(0)

    await expectProblem(viewer, 'board-deleted', 'This board has been deleted')
    await expectProblem(participant, 'board-deleted', 'This board has been deleted')
    const later = await contexts[2]?.newPage()
    if (!later) throw new Error('no viewer context')
    await later.goto(viewerLink)
    await expectProblem(later, 'board-not-found', 'Board not found')
  })
})
