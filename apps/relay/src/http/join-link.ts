/**
 * Short join links, `/j/<code>`: a code a room can type from the projector that sends the browser on
 * to the board's current participant link. The link's token goes into the redirect's fragment, as in
 * every board link, so it is never sent to a server. A code that leads nowhere answers a page in
 * Swedish and English (whoever typed it has no app yet to explain it), and each such miss counts
 * against the address, so codes cannot be guessed quickly.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { JOIN_CODE_LENGTH, joinCodeFrom, normaliseJoinCode } from '@samla/board'
import type { ClientAddress } from '../access/client-address.js'
import type { RateLimits } from '../access/rate-limits.js'
import { signToken } from '../access/tokens.js'
import type { Storage } from '../storage/storage.js'

export const newJoinCode = () => joinCodeFrom(randomBytes(JOIN_CODE_LENGTH))

const PAGES = {
  404: {
    sv: [
      'Ingen tavla har den här koden',
      'Kontrollera koden på skärmen och skriv in den igen; bindestrecket behövs inte. Har processledaren bytt deltagarlänken gäller bara den nya koden.',
    ],
    en: [
      'No board has this code',
      'Check the code on the screen and type it again; the dash is optional. If the facilitator replaced the participant link, only the new code works.',
    ],
  },
  429: {
    sv: [
      'För många försök',
      'Härifrån har det provats för många koder som inte leder till någon tavla. Vänta en minut och försök igen, eller skanna QR-koden.',
    ],
    en: [
      'Too many tries',
      'Too many codes that lead to no board were tried from here. Wait a minute and try again, or scan the QR code.',
    ],
  },
} as const

function sendPage(res: ServerResponse, status: keyof typeof PAGES): void {
  const { sv, en } = PAGES[status]
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(
    '<!doctype html><html lang="sv"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Samla</title></head>' +
      `<body><main><h1>${sv[0]}</h1><p>${sv[1]}</p>` +
      `<section lang="en"><h2>${en[0]}</h2><p>${en[1]}</p></section></main></body></html>\n`,
  )
}

export function createJoinLinks(options: {
  storage: Storage
  secret: Buffer
  rateLimits: RateLimits
  clientAddress: ClientAddress
}) {
  const { storage, secret, rateLimits } = options
  /** Answers `GET /j/<typed>`: a redirect to the board as a participant, or a page that says why not. */
  return async function followJoinLink(req: IncomingMessage, res: ServerResponse, typed: string): Promise<void> {
    const address = options.clientAddress(req)
    if (!(await rateLimits.allowJoinCodeLookup(address))) return sendPage(res, 429)
    const code = normaliseJoinCode(typed)
    const boardId = code === null ? undefined : await storage.boardOfJoinCode(code)
    const board = boardId === undefined ? undefined : await storage.getBoard(boardId)
    if (!board) {
      await rateLimits.countJoinCodeMiss(address)
      return sendPage(res, 404)
    }
    const token = signToken(secret, {
      boardId: board.id,
      role: 'participant',
      generation: board.generations.participant,
    })
    res.writeHead(302, {
      location: `/b/${board.id}#${new URLSearchParams({ token })}`,
      'cache-control': 'no-store',
    })
    res.end()
  }
}
