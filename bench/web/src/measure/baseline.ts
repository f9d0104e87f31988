/**
 * The machine's floor: a trivial page (one transformed box moved by a non-passive wheel listener,
 * as both apps pan) wheel-panned exactly like the boards. Whatever it cannot reach, no app can.
 */
import { launchBrowser, newBenchPage } from './browser.js'
import { type FrameStats, measureFrames } from './frames.js'
import { wheelPan } from './gestures.js'

const PAGE = `<!doctype html><div id="area" style="position:fixed;inset:0;overflow:hidden">
<div id="box" style="width:160px;height:160px;background:#ffec99;will-change:transform"></div></div>`

export async function measureBaseline(): Promise<FrameStats> {
  const browser = await launchBrowser()
  try {
    const { page } = await newBenchPage(browser)
    await page.goto('about:blank')
    await page.setContent(PAGE)
    await page.evaluate(() => {
      let x = 0
      let y = 0
      const box = document.getElementById('box')
      document.getElementById('area')?.addEventListener(
        'wheel',
        (event) => {
          event.preventDefault()
          x -= event.deltaX
          y -= event.deltaY
          if (box) box.style.transform = `translate(${x}px, ${y}px)`
        },
        { passive: false },
      )
    })
    return await measureFrames(page, () => wheelPan(page, { x: 640, y: 400 }, 1))
  } finally {
    await browser.close()
  }
}
