/** Helpers for the presence and editing end-to-end tests: waiting, notes by id, and the canvas. */
import type { Locator, Page } from 'playwright-core'

export { eventually } from './eventually.js'

export const WAIT = { timeout: 15_000 }

export async function expectStatus(page: Page, status: 'connected' | 'offline' | 'connecting'): Promise<void> {
  await page.locator(`[role="status"][data-status="${status}"]`).waitFor(WAIT)
}

export function noteById(page: Page, id: string): Locator {
  return page.locator(`[data-note-id="${id}"]`)
}

export function noteText(page: Page, id: string): Promise<string> {
  return noteById(page, id).getByLabel('Note text').inputValue()
}

/** A point on the canvas, in page coordinates, from one relative to the canvas's top left corner. */
export async function onCanvas(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('#board-canvas').boundingBox()
  if (!box) throw new Error('no canvas')
  return { x: box.x + x, y: box.y + y }
}

/** Adds a note by double-clicking the canvas, types its text, and leaves the field; returns its id. */
export async function addNote(page: Page, x: number, y: number, text: string): Promise<string> {
  const point = await onCanvas(page, x, y)
  await page.mouse.dblclick(point.x, point.y)
  return typeIntoNewNote(page, text)
}

/** Types `text` into the note just made (its field has focus) and leaves the field; returns its id. */
export async function typeIntoNewNote(page: Page, text: string): Promise<string> {
  const field = page.locator('[data-note-id] textarea:focus')
  await field.waitFor(WAIT)
  await field.pressSequentially(text, { delay: 5 })
  const id = await field.evaluate((element) => element.closest<HTMLElement>('[data-note-id]')?.dataset.noteId ?? '')
  await page.keyboard.press('Escape')
  return id
}

/** The note's position relative to where it is in another page, as "dx,dy". */
export async function topLeft(page: Page, id: string): Promise<string> {
  const box = await noteById(page, id).boundingBox()
  return box ? `${Math.round(box.x)},${Math.round(box.y)}` : 'gone'
}

/** Drags a note by its top edge (away from its text field) by the given offset. */
export async function dragNote(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = await noteById(page, id).boundingBox()
  if (!box) throw new Error(`note ${id} not visible`)
  const startX = box.x + box.width / 2
  const startY = box.y + 6
  await page.mouse.move(startX, startY)
  await page.mouse.down()
  for (let step = 1; step <= 10; step++) await page.mouse.move(startX + (dx * step) / 10, startY + (dy * step) / 10)
  await page.mouse.up()
}
