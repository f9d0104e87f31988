/**
 * What the shared measuring sequence needs from each app: open a board, say where its drawing area
 * is, show all notes, select notes and say where to press to drag them, and let a remote
 * collaborator type into a visible note.
 */
import type { Page } from 'playwright-core'
import type { Point } from './gestures.js'

export interface OverviewInfo {
  readonly zoom: number
  /** Notes the app keeps drawn (Samla: DOM notes; Excalidraw: every element is on its canvas). */
  readonly notesDrawn: number | null
}

export interface DragSetup {
  /** Where to press: the centre of one of the selected notes. */
  readonly from: Point
  readonly selected: number
}

export interface AppDriver {
  readonly name: string
  /** A first visit that fills the HTTP cache with the app's code, so the measured load is a returning visitor's. */
  warmUp(page: Page): Promise<void>
  /** Opens the board and resolves with ms from navigation start to interactive. */
  open(page: Page): Promise<number>
  /** Puts away whatever the app asks of someone who just arrived, so the gestures reach the board. */
  afterOpen(page: Page): Promise<void>
  /** Centre of the drawing area, clear of toolbars, in page pixels. */
  canvasCentre(page: Page): Promise<Point>
  /** Fits the whole board in view with the app's own command. */
  showAll(page: Page): Promise<OverviewInfo>
  /** Selects `count` notes at the drag zoom and says where to press to drag them. */
  selectForDrag(page: Page, count: number): Promise<DragSetup>
  /** A collaborator types into a note in view; resolves once the last keystroke is on screen. */
  remoteTyping(page: Page): Promise<void>
}
