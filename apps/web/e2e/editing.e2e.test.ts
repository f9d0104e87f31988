/**
 * Fluent editing for two people on one board, each reaching the real relay through a TCP proxy that
 * the test can cut: undo of one's own changes only, multi-select (rubber band, one move, nudge,
 * recolour), search, copy and paste, both people offline at once, and a relay restart mid-session.
 */
import type { Relay } from '@samla/relay'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addNote,
  dragNote,
  eventually,
  expectStatus,
  noteById,
  noteText,
  onCanvas,
  topLeft,
  WAIT,
} from './editing-helpers.js'
import { boardLinkUrl, createBoardOver, launchChromium, newPerson, startTestRelay } from './harness.js'
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js'

function unconfirmed(page: Page): Promise<string | null> {
  return page.locator('[data-unconfirmed]').getAttribute('data-unconfirmed')
}

/**
 * Moves focus to the empty canvas (which also clears the selection), away from any field: clicks the
 * free spot nearest (1100, 500), since new notes go wherever there is room and may lie anywhere.
 */
async function clickCanvas(page: Page): Promise<void> {
  const near = await onCanvas(page, 1100, 500)
  const point = await page.evaluate(({ x, y }) => {
    const free = (px: number, py: number) => {
      const hit = document.elementFromPoint(px, py)
      return hit?.closest('#board-canvas') && !hit.closest('[data-note-id], [data-cluster-id]')
    }
    for (let ring = 0; ring <= 10; ring++) {
      for (let i = -ring; i <= ring; i++) {
        for (const [dx, dy] of [
          [i, -ring],
          [i, ring],
          [-ring, i],
          [ring, i],
        ] as const) {
          if (free(x + dx * 40, y + dy * 40)) return { x: x + dx * 40, y: y + dy * 40 }
        }
      }
    }
    return null
  }, near)
  if (!point) throw new Error('no empty spot on the canvas')
  await page.mouse.click(point.x, point.y)
}

describe('fluent editing between two people', () => {
  let relay: Relay
  let dataDir: string
  let proxies: TcpProxy[] = []
  let browser: Browser
  let contexts: BrowserContext[] = []
  let a: Page
  let b: Page
  let mine: string
  let theirs: string
  let group: string[] = []

  beforeAll(async () => {
    ;({ relay, dataDir } = await startTestRelay())
    proxies = await Promise.all([startTcpProxy(relay.port), startTcpProxy(relay.port)])
    browser = await launchChromium()
    const { id, links } = await createBoardOver(relay.url, 'Redigera tillsammans')
    // Positions are read off the screen: without reduced motion, others' moves glide there over 300 ms.
    const still = { reducedMotion: 'reduce' } as const
    contexts = await Promise.all([
      newPerson(browser, 'en-GB', { name: 'Anna', organisation: 'SKR' }, still),
      newPerson(browser, 'en-GB', { name: 'Bo', organisation: 'SKR' }, still),
    ])
    await contexts[0]?.grantPermissions(['clipboard-read', 'clipboard-write'])
    ;[a, b] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page]
    await a.goto(boardLinkUrl(`http://127.0.0.1:${proxies[0]?.port}`, id, links.participant))
    await b.goto(boardLinkUrl(`http://127.0.0.1:${proxies[1]?.port}`, id, links.participant))
    await Promise.all([expectStatus(a, 'connected'), expectStatus(b, 'connected')])
  })

  afterAll(async () => {
    await browser?.close()
    for (const proxy of proxies) await proxy.close()
    await relay?.close()
  })

  it('[WE1] undo in A takes back A’s move and leaves B’s edit alone; redo puts it back', async () => {
    mine = await addNote(a, 450, 200, 'Annas lapp')
    theirs = await addNote(b, 1000, 200, 'Bos lapp')
    await noteById(a, theirs).waitFor(WAIT)
    await noteById(b, mine).waitFor(WAIT)
    const before = await topLeft(b, mine)
    await dragNote(a, mine, 150, 0)
    await eventually(async () => (await topLeft(b, mine)) !== before, true, 'A’s move seen in B')
    const moved = await topLeft(b, mine)
    const field = noteById(b, theirs).getByLabel('Note text')
    await field.click()
    await field.press('End')
    await field.pressSequentially(' + mer', { delay: 5 })
    await eventually(() => noteText(a, theirs), 'Bos lapp + mer', 'B’s edit in A')

    await clickCanvas(a)
    await a.keyboard.press('Control+z')
    await eventually(() => topLeft(b, mine), before, 'A’s move undone, seen in B')
    expect(await noteText(a, theirs)).toBe('Bos lapp + mer')
    expect(await noteText(b, theirs)).toBe('Bos lapp + mer')
    expect(await noteText(b, mine)).toBe('Annas lapp')

    const redo = a.getByRole('button', { name: 'Redo' })
    expect(await redo.isEnabled()).toBe(true)
    await a.keyboard.press('Control+Shift+Z')
    await eventually(() => topLeft(b, mine), moved, 'A’s move redone, seen in B')
    expect(await redo.isDisabled()).toBe(true)
    expect(await a.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true)
  })

  it('[WE2] a rubber band selects several notes; one drag, a nudge and a recolour move them all for B', async () => {
    group = [
      await addNote(a, 450, 440, 'Får i hagen'),
      await addNote(a, 650, 440, 'Far och mor'),
      await addNote(a, 850, 440, 'Cykelvägar i Malmö'),
    ]
    for (const id of group) await noteById(b, id).waitFor(WAIT)
    await clickCanvas(a)
    const start = await onCanvas(a, 330, 330)
    const end = await onCanvas(a, 960, 540)
    await a.keyboard.down('Shift')
    await a.mouse.move(start.x, start.y)
    await a.mouse.down()
    await a.mouse.move(end.x, end.y, { steps: 8 })
    await a.mouse.up()
    await a.keyboard.up('Shift')
    const toolbar = a.getByRole('region', { name: 'Selected notes' })
    await eventually(() => toolbar.locator('[data-selected-count]').textContent(), '3 notes selected', 'band')

    const positions = async () => Promise.all(group.map((id) => topLeft(b, id)))
    const shifted = (list: string[], dx: number, dy: number) =>
      list.map((at) => {
        const [x, y] = at.split(',').map(Number)
        return `${(x ?? 0) + dx},${(y ?? 0) + dy}`
      })
    const before = await positions()
    await dragNote(a, group[1] ?? '', 0, -40)
    await eventually(positions, shifted(before, 0, -40), 'the whole selection moved in B')

    await noteById(a, group[0] ?? '').focus()
    await a.keyboard.press('ArrowRight')
    await a.keyboard.press('Shift+ArrowDown')
    await eventually(positions, shifted(before, 10, 10), 'the selection nudged in B')

    await toolbar.getByLabel('Colour of the selected notes').selectOption({ label: 'Green' })
    await eventually(
      () => Promise.all(group.map((id) => noteById(b, id).getAttribute('data-colour'))),
      ['green', 'green', 'green'],
      'the selection recoloured in B',
    )
    await a.keyboard.press('Escape')
    await toolbar.waitFor({ state: 'hidden', ...WAIT })
    await clickCanvas(a)
    await a.keyboard.press('Control+a')
    await eventually(() => toolbar.locator('[data-selected-count]').textContent(), '5 notes selected', 'select all')
    await a.keyboard.press('Escape')
    await toolbar.waitFor({ state: 'hidden', ...WAIT })
    // From the keyboard: Shift+Space on a focused note adds it to the selection (Space alone lifts it).
    for (const id of group.slice(0, 2)) {
      await noteById(a, id).focus()
      await a.keyboard.press('Shift+Space')
    }
    await eventually(() => toolbar.locator('[data-selected-count]').textContent(), '2 notes selected', 'keyboard')
    expect(await a.locator('.note.is-dragging').count()).toBe(0)
    await a.keyboard.press('Escape')
  })

  it('[WE3] search highlights and counts matches, Swedish letters apart, and dims the rest', async () => {
    await clickCanvas(a)
    await a.keyboard.press('Control+f')
    const search = a.getByRole('searchbox', { name: 'Search the board' })
    expect(await search.evaluate((field) => field === document.activeElement)).toBe(true)
    await search.pressSequentially('FÅR', { delay: 5 })
    const count = a.locator('.search-count')
    await eventually(() => count.textContent(), '1 of 5 notes', 'count for "får"')
    expect(
      await noteById(a, group[0] ?? '')
        .locator('.note-search-match')
        .count(),
    ).toBe(1)
    expect(
      await noteById(a, group[1] ?? '')
        .locator('.note-search-dim')
        .count(),
    ).toBe(1)
    expect(await noteById(a, group[1] ?? '').evaluate((note) => getComputedStyle(note).opacity)).toBe('0.35')
    await search.fill('lapp')
    await eventually(() => count.textContent(), '2 of 5 notes', 'count for "lapp"')
    await search.press('Escape')
    await eventually(() => a.locator('.note-search-dim').count(), 0, 'no note dimmed once cleared')
    expect(await count.textContent()).toBe('')
  })

  it('[WE4] copied notes paste as new notes, and pasted lines become notes, seen in B', async () => {
    await noteById(a, mine).click({ position: { x: 80, y: 6 } })
    await a.keyboard.press('Control+c')
    const point = await onCanvas(a, 700, 250)
    await a.mouse.move(point.x, point.y)
    await a.keyboard.press('Control+v')
    await eventually(() => b.locator('[data-note-id]').count(), 6, 'pasted copy in B')
    await eventually(
      () =>
        b
          .getByLabel('Note text')
          .evaluateAll(
            (fields) => fields.map((f) => (f as HTMLTextAreaElement).value).filter((v) => v === 'Annas lapp').length,
          ),
      2,
      'copy text',
    )

    await a.evaluate(() => navigator.clipboard.writeText('Rad ett\n\nRad två\n'))
    await clickCanvas(a)
    await a.keyboard.press('Control+v')
    await eventually(() => b.locator('[data-note-id]').count(), 8, 'one note per pasted line in B')
  })

  it('[WE5] A and B offline at the same time both edit; after reconnecting both edits survive', async () => {
    for (const proxy of proxies) proxy.sever()
    await Promise.all([expectStatus(a, 'offline'), expectStatus(b, 'offline')])
    const field = noteById(a, mine).getByLabel('Note text')
    await field.click()
    await field.press('End')
    await field.pressSequentially(' offline', { delay: 5 })
    await a.keyboard.press('Escape')
    const added = await addNote(b, 200, 300, 'Bo utan nät')
    await eventually(() => a.locator('[data-sync]').getAttribute('data-sync'), 'waiting', 'A’s changes waiting')
    expect(Number(await unconfirmed(a))).toBeGreaterThan(0)
    expect(Number(await unconfirmed(b))).toBeGreaterThan(0)
    expect(await noteById(a, added).count()).toBe(0)

    for (const proxy of proxies) proxy.restore()
    await Promise.all([expectStatus(a, 'connected'), expectStatus(b, 'connected')])
    await eventually(() => noteText(b, mine), 'Annas lapp offline', 'A’s offline edit in B')
    await eventually(() => noteText(a, added), 'Bo utan nät', 'B’s offline note in A')
    await eventually(() => Promise.all([unconfirmed(a), unconfirmed(b)]), ['0', '0'], 'all confirmed')
  })

  it('[WE6] the relay restarts mid-session: both reconnect by themselves and nothing typed is lost', async () => {
    const field = noteById(a, theirs).getByLabel('Note text')
    await field.click()
    await field.press('End')
    await field.pressSequentially(' före', { delay: 5 })
    const port = relay.port
    await relay.close()
    await Promise.all([expectStatus(a, 'offline'), expectStatus(b, 'offline')])
    await field.pressSequentially(' under', { delay: 5 })
    ;({ relay } = await startTestRelay(dataDir, port))
    await Promise.all([expectStatus(a, 'connected'), expectStatus(b, 'connected')])
    await eventually(() => noteText(b, theirs), 'Bos lapp + mer före under', 'text typed around the restart, in B')
    await eventually(() => unconfirmed(a), '0', 'A’s changes confirmed by the new relay')
  })

  it('[WE7] zoomed out, a carried selection is drawn on one canvas; the drop moves it and puts it on top', async () => {
    await clickCanvas(a)
    for (let i = 0; i < 4; i++) await a.getByRole('button', { name: 'Zoom out' }).click()
    const zoom = await a
      .locator('.notes-layer')
      .evaluate((layer) => new DOMMatrixReadOnly(getComputedStyle(layer).transform).a)
    expect(zoom).toBeLessThan(0.5)
    await a.keyboard.down('Shift')
    for (const id of group) await noteById(a, id).click({ position: { x: 20, y: 4 } })
    await a.keyboard.up('Shift')
    const count = a.getByRole('region', { name: 'Selected notes' }).locator('[data-selected-count]')
    await eventually(() => count.textContent(), '3 notes selected', 'only the three notes selected')
    const positions = async () => Promise.all(group.map((id) => topLeft(b, id)))
    const before = await positions()

    const box = await noteById(a, group[0] ?? '').boundingBox()
    if (!box) throw new Error('note not visible')
    const from = { x: box.x + box.width / 2, y: box.y + 4 }
    await a.mouse.move(from.x, from.y)
    await a.mouse.down()
    for (let step = 1; step <= 10; step++) await a.mouse.move(from.x + step * 4, from.y + step * 2)
    const layer = a.locator('.notes-drag-layer')
    await eventually(() => layer.locator('canvas').count(), 1, 'the carried notes drawn on one canvas')
    expect(await layer.locator('.note').count()).toBe(0)
    await a.mouse.up()
    await eventually(() => layer.locator('canvas').count(), 0, 'the canvas gone after the drop')

    const dx = Math.round(40 / zoom)
    const dy = Math.round(20 / zoom)
    const moved = before.map((at) => {
      const [x, y] = at.split(',').map(Number)
      return `${(x ?? 0) + dx},${(y ?? 0) + dy}`
    })
    await eventually(positions, moved, 'the carried notes moved in B')
    // The drop also raised them: in B they are now stacked above every other note.
    const stacking = () =>
      b.evaluate((ids) => {
        const z = (element: Element) => Number((element as HTMLElement).style.zIndex)
        const notes = [...document.querySelectorAll('[data-note-id]')]
        const carried = notes.filter((note) => ids.includes(note.getAttribute('data-note-id') ?? ''))
        const others = notes.filter((note) => !carried.includes(note))
        return others.length > 0 && Math.min(...carried.map(z)) > Math.max(...others.map(z))
      }, group)
    await eventually(stacking, true, 'the carried notes on top in B')
  })

  it('[WE8] a note’s delete button removes it, with no notice (its click does not also restack the note)', async () => {
    await a.getByRole('button', { name: /^Reset zoom/ }).click()
    const gone = group[2] ?? ''
    await noteById(a, gone).scrollIntoViewIfNeeded()
    await noteById(a, gone).getByRole('button', { name: 'Delete note' }).click()
    await eventually(() => noteById(b, gone).count(), 0, 'the note gone in B')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await a.locator('.notice').count()).toBe(0)
  })
})
