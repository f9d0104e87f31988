/**
 * The colours people are shown in (cursor, name label, marks on notes). Each carries white text at
 * well above 4.5:1, and stands out from the canvas; a colour is never the only sign of who it is —
 * a name always goes with it.
 */
export const PRESENCE_COLOURS = [
  '#1f4fb8',
  '#a4261d',
  '#1e7d3a',
  '#7a3ea8',
  '#9a4d00',
  '#00697a',
  '#b0246e',
  '#5b3fd1',
  '#7a5c00',
  '#0b6e99',
] as const

export type PresenceColour = (typeof PRESENCE_COLOURS)[number]

export function isPresenceColour(value: unknown): value is PresenceColour {
  return typeof value === 'string' && (PRESENCE_COLOURS as readonly string[]).includes(value)
}

/** The same person gets the same colour on every board and every device that knows their id. */
export function colourFor(seed: string | number): PresenceColour {
  const text = String(seed)
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0
  return PRESENCE_COLOURS[Math.abs(hash) % PRESENCE_COLOURS.length] ?? PRESENCE_COLOURS[0]
}
