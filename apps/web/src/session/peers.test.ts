/** Tests for reading others' presence and deriving the participant list and note marks from it. */
import { describe, expect, it } from 'vitest'
import { PRESENCE_COLOURS } from './colours'
import { cursorInterval, groupPeople, MAX_SHARED_SELECTION, marksByNote, readPeer } from './peers'

const collator = new Intl.Collator('sv', { sensitivity: 'base' })
const colour = PRESENCE_COLOURS[0]

function peer(clientId: number, name: string, organisation: string, extra: Record<string, unknown> = {}) {
  const read = readPeer(clientId, { user: { id: `user-${name}`, name, organisation, colour }, ...extra })
  if (!read) throw new Error('unreadable peer')
  return read
}

describe('reading presence', () => {
  it('ignores clients without presence and bounds everything else', () => {
    expect(readPeer(1, null)).toBeNull()
    expect(readPeer(1, { viewport: { x: 0, y: 0, zoom: 1 } })).toBeNull()
    const odd = readPeer(7, {
      user: { name: 'x'.repeat(500), colour: 'red; background: url(evil)' },
      cursor: { x: Number.NaN, y: 1 },
      selection: [...Array.from({ length: 80 }, (_, i) => `note-${String(i).padStart(4, '0')}`), 'bad id!'],
      editing: 42,
    })
    expect(odd?.user.name).toHaveLength(80)
    expect(PRESENCE_COLOURS).toContain(odd?.user.colour)
    expect(odd?.user.id).toBe('client-7')
    expect(odd?.cursor).toBeNull()
    expect(odd?.selection).toHaveLength(MAX_SHARED_SELECTION)
    expect(odd?.editing).toBeNull()
  })
})

describe('participant list', () => {
  it('groups people by organisation in Swedish order, without an organisation last', () => {
    const groups = groupPeople(
      [
        peer(1, 'Örjan', 'Östersunds kommun'),
        peer(2, 'Anna', ''),
        peer(3, 'Åsa', 'Region Skåne'),
        peer(4, 'Bo', 'region skåne'),
        peer(5, 'Ärla', 'Östersunds kommun'),
      ],
      3,
      collator,
    )
    expect(groups.map((group) => group.organisation)).toEqual(['region skåne', 'Östersunds kommun', ''])
    expect(groups[0]?.people.map((person) => [person.name, person.self])).toEqual([
      ['Bo', false],
      ['Åsa', true],
    ])
    expect(groups[1]?.people.map((person) => person.name)).toEqual(['Ärla', 'Örjan'])
  })

  it('counts a person with several tabs once', () => {
    const groups = groupPeople([peer(1, 'Anna', 'SKR'), peer(2, 'Anna', 'SKR')], 2, collator)
    expect(groups[0]?.people).toHaveLength(1)
    expect(groups[0]?.people[0]?.self).toBe(true)
  })
})

describe('marks on notes', () => {
  it('shows who else edits or has selected a note, editing first for the same person', () => {
    const marks = marksByNote(
      [
        peer(1, 'Anna', 'SKR', { selection: ['note-aaaa', 'note-bbbb'], editing: 'note-aaaa' }),
        peer(2, 'Bo', 'SKR', { selection: ['note-bbbb'] }),
        peer(3, 'Jag', 'SKR', { selection: ['note-aaaa'], editing: 'note-aaaa' }),
      ],
      3,
    )
    expect(marks.get('note-aaaa')).toEqual([{ clientId: 1, name: 'Anna', colour, kind: 'editing' }])
    expect(marks.get('note-bbbb')?.map((mark) => mark.name)).toEqual(['Anna', 'Bo'])
  })
})

describe('cursor pace', () => {
  it('is 20 per second in a small group and slows down as the room fills, to at least one per second', () => {
    expect(cursorInterval(1)).toBe(50)
    expect(cursorInterval(25)).toBe(50)
    expect(cursorInterval(100)).toBe(200)
    expect(cursorInterval(300)).toBe(600)
    expect(cursorInterval(10_000)).toBe(1000)
  })
})
