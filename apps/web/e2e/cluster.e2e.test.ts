/**
 * Several relays as one service, in the browser: three relay processes on one PostgreSQL database and
 * Redis behind HAProxy (the README's example configuration, TLS). A facilitator and a participant,
 * their sockets spread over the relays, run a short session; the relay holding most of them is killed
 * with SIGKILL; both pages reconnect through the load balancer to the others and finish the session.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cluster, startCluster } from '../../relay/test/cluster.js'
import { addNote, expectStatus, WAIT } from './editing-helpers.js'
import { eventually } from './eventually.js'
import { boardLinkUrl, CHROMIUM_ARGS, createBoardOver, newPerson } from './harness.js'

const webRoot = process.env.SAMLA_E2E_WEB_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist')

/** The texts of the notes a page shows. */
function noteTexts(page: Page): Promise<string[]> {
  return page
    .locator('[data-note-id]')
    .getByLabel('Note text')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value).sort())
}

/** Open websockets on one relay, from its metrics. */
async function connectionsOn(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text()
  return Number(/^samla_connections (\d+)$/m.exec(metrics)?.[1] ?? 0)
}

describe('a session across relays', () => {
  let cluster: Cluster
  let browser: Browser

  beforeAll(async () => {
    if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error('The web app is not built; run pnpm build')
    cluster = await startCluster({ env: { SAMLA_WEB_ROOT: webRoot } })
    // The load balancer's certificate is the test's own.
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await cluster?.stop()
  })

  it('[WW1] two people on different relays keep working when one relay is killed', async () => {
    const { id, links } = await createBoardOver(cluster.relay(0).url, 'Gemensam workshop')
    const [facilitatorDevice, participantDevice] = await Promise.all([newPerson(browser), newPerson(browser)])
    const facilitator = await facilitatorDevice.newPage()
    const participant = await participantDevice.newPage()
    await facilitator.goto(boardLinkUrl(cluster.url, id, links.facilitator))
    await participant.goto(boardLinkUrl(cluster.url, id, links.participant))
    await Promise.all([expectStatus(facilitator, 'connected'), expectStatus(participant, 'connected')])

    await addNote(participant, 200, 200, 'Före: gemensam busstrafik')
    await eventually(() => noteTexts(facilitator), ['Före: gemensam busstrafik'], 'the note on the other relay')

    // The two pages' sockets spread over the relays; the one holding most goes down hard. Round robin
    // counts every request (the pages' files too), so now and then all sockets land on one relay: the
    // participant's page is then opened again, a few times at most, until they are spread.
    const relaysInUse = async () => {
      const counts = await Promise.all(cluster.relays.map((relay) => connectionsOn(relay.url)))
      return { counts, used: counts.filter((count) => count > 0).length }
    }
    let { counts, used } = await relaysInUse()
    for (let attempt = 0; attempt < 6 && used < 2; attempt++) {
      await participant.reload()
      await expectStatus(participant, 'connected')
      await participant.waitForTimeout(300)
      ;({ counts, used } = await relaysInUse())
    }
    expect(used).toBeGreaterThanOrEqual(2)
    const busiest = counts.indexOf(Math.max(...counts))
    await cluster.kill(busiest)

    await Promise.all([expectStatus(facilitator, 'connected'), expectStatus(participant, 'connected')])
    await addNote(participant, 420, 200, 'Efter: delad cykelplan')
    await addNote(facilitator, 200, 420, 'Efter: facilitatorns sammanfattning')
    const all = ['Efter: delad cykelplan', 'Efter: facilitatorns sammanfattning', 'Före: gemensam busstrafik']
    await eventually(() => noteTexts(facilitator), all, "the facilitator's page after the kill")
    await eventually(() => noteTexts(participant), all, "the participant's page after the kill")

    // Stored by the relays that remain: a newcomer through the load balancer sees the whole session.
    const newcomer = await (await newPerson(browser)).newPage()
    await newcomer.goto(boardLinkUrl(cluster.url, id, links.viewer))
    await newcomer.locator('[data-note-id]').nth(2).waitFor(WAIT)
    await eventually(() => noteTexts(newcomer), all, "a newcomer's page")
  })
})
