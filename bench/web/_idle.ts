import { execSync } from 'node:child_process'
import { launchBrowser, newBenchPage } from './src/measure/browser.ts'
import { buildExcalidrawPage, serveExcalidrawPage } from './src/excalidraw/server.ts'
import { excalidrawDriver } from './src/excalidraw/driver.ts'
import { gridNotes } from './src/notes.ts'
await buildExcalidrawPage()
const notes = gridNotes(5000)
const server = await serveExcalidrawPage(new Map([[5000, notes]]))
const browser = await launchBrowser()
const { page } = await newBenchPage(browser)
const d = excalidrawDriver(server.url, notes)
await d.warmUp(page)
console.log('interactive', await d.open(page))
await page.waitForTimeout(3000)
const cpu = () => Number(execSync("ps -eo times,args | grep '[c]hromium' | awk '{s+=$1} END {print s}'").toString())
const a = cpu(); await page.waitForTimeout(10000); const b = cpu()
console.log('chromium cpu seconds over 10 s idle:', b - a)
console.log('overview zoom', await d.showAll(page))
const a2 = cpu(); await page.waitForTimeout(10000); const b2 = cpu()
console.log('chromium cpu seconds over 10 s idle at overview:', b2 - a2)
console.log(await d.selectForDrag(page, 200))
await browser.close(); await server.close(); process.exit(0)
