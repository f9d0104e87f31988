/**
 * The Excalidraw reference board: `/?notes=N` fetches the bench's N notes (the same JSON grid Samla
 * gets) and shows them in <Excalidraw> as solid rectangles with bound text labels, made by
 * convertToExcalidrawElements. It then exposes `window.__bench` (see bench-api.ts).
 */
import { CaptureUpdateAction, convertToExcalidrawElements, Excalidraw, newElementWith } from '@excalidraw/excalidraw'
import '@excalidraw/excalidraw/index.css'
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types'
import type { ExcalidrawImperativeAPI, NormalizedZoomValue } from '@excalidraw/excalidraw/types'
import { createRoot } from 'react-dom/client'
import type { ExcalidrawBench } from './bench-api'

interface NoteJson {
  id: string
  x: number
  y: number
  width: number
  height: number
  text: string
  colour: string
}

/** Samla's palette names as Excalidraw's own light background swatches. */
const FILL: Record<string, string> = {
  yellow: '#ffec99',
  orange: '#ffd8a8',
  pink: '#fcc2d7',
  purple: '#d0bfff',
  blue: '#a5d8ff',
  green: '#b2f2bb',
  grey: '#e9ecef',
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)))

async function loadScene(count: number) {
  const notes: NoteJson[] = count > 0 ? await (await fetch(`/data/notes-${count}.json`)).json() : []
  const elements = convertToExcalidrawElements(
    notes.map((note) => ({
      type: 'rectangle' as const,
      id: note.id,
      x: note.x,
      y: note.y,
      width: note.width,
      height: note.height,
      backgroundColor: FILL[note.colour] ?? FILL.yellow,
      fillStyle: 'solid' as const,
      label: { text: note.text, fontSize: 16, textAlign: 'left' as const, verticalAlign: 'top' as const },
    })),
    { regenerateIds: false },
  )
  return { elements }
}

function nearestNoteToCentre(api: ExcalidrawImperativeAPI): ExcalidrawElement | undefined {
  const { scrollX, scrollY, zoom, width, height } = api.getAppState()
  const cx = width / 2 / zoom.value - scrollX
  const cy = height / 2 / zoom.value - scrollY
  const distance = (e: ExcalidrawElement) => Math.hypot(e.x + e.width / 2 - cx, e.y + e.height / 2 - cy)
  let best: ExcalidrawElement | undefined
  for (const element of api.getSceneElements()) {
    if (element.type === 'rectangle' && (!best || distance(element) < distance(best))) best = element
  }
  return best
}

function benchApi(api: ExcalidrawImperativeAPI): ExcalidrawBench {
  return {
    api,
    async fit() {
      const zoom = () => api.getAppState().zoom.value
      const before = zoom()
      api.scrollToContent(api.getSceneElements(), { fitToContent: true })
      for (let frame = 0; frame < 120 && zoom() === before; frame++) await nextFrame()
      return zoom()
    },
    setView(zoom, scrollX, scrollY) {
      api.updateScene({ appState: { zoom: { value: zoom as NormalizedZoomValue }, scrollX, scrollY } })
    },
    async select(ids) {
      api.updateScene({ appState: { selectedElementIds: Object.fromEntries(ids.map((id) => [id, true as const])) } })
      // React applies the update in a task of its own, which on a large scene can come a few frames later.
      const selected = () => Object.keys(api.getAppState().selectedElementIds).length
      for (let frame = 0; frame < 120 && selected() !== ids.length; frame++) await nextFrame()
      return selected()
    },
    async typeNearCentre(text, intervalMs) {
      const textId = nearestNoteToCentre(api)?.boundElements?.find((bound) => bound.type === 'text')?.id
      const label = api.getSceneElements().find((element) => element.id === textId)
      if (label?.type !== 'text') throw new Error('no labelled note near the centre')
      const started = performance.now()
      for (let i = 1; i <= text.length; i++) {
        const typed = text.slice(0, i)
        // As a remote update arrives in Excalidraw's collaboration: the whole scene, one element newer.
        const elements = api
          .getSceneElementsIncludingDeleted()
          .map((element) =>
            element.id === label.id && element.type === 'text'
              ? newElementWith(element, { text: label.text + typed, originalText: label.originalText + typed })
              : element,
          )
        api.updateScene({ elements, captureUpdate: CaptureUpdateAction.NEVER })
        await sleep(started + i * intervalMs - performance.now())
      }
      await nextFrame()
    },
  }
}

const count = Number(new URLSearchParams(location.search).get('notes') ?? 0)
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <Excalidraw
      initialData={loadScene(count)}
      excalidrawAPI={(api) => {
        window.__bench = benchApi(api)
      }}
    />,
  )
}
