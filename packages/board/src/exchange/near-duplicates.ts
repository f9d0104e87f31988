/**
 * Near-duplicate notes for merging several boards into one (#21): notes that say the same thing in
 * one language are proposed as stacks, which the facilitator confirms or dismisses. Two notes are alike
 * when their texts are equal once case, punctuation and spacing are set aside, or when their stemmed
 * content words nearly coincide (Snowball's Swedish stemmer and Porter's English one, as @orama/stemmers
 * ships them: small, pure JavaScript, one module per language). These are proposals, so the rules
 * lean towards proposing few wrong stacks rather than finding every duplicate. Pure (no Yjs, no DOM, no
 * I/O), so the web app can run it as well as anything on a server.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english'
import { stemmer as stemSwedish } from '@orama/stemmers/swedish'

export type NoteLanguage = 'sv' | 'en'

export interface ComparedNote {
  id: string
  text: string
  language: NoteLanguage
}

export interface Stack {
  /** In the order the notes were given. */
  noteIds: string[]
  /** `same-text`: all the notes' normalised texts are equal; `same-words`: their content words nearly are. */
  kind: 'same-text' | 'same-words'
}

// Format characters (a soft hyphen, a zero-width joiner) vanish, and so does an apostrophe, so that
// "don't" stays one word; any other punctuation mark or symbol, with the marks that modify it (an
// emoji's variation selector), becomes a space, so that "buss/tåg" is two words.
const FORMAT_CHARACTERS = /\p{Cf}/gu
const APOSTROPHES = /['’ʼ]/gu
const PUNCTUATION_AND_SYMBOLS = /[\p{P}\p{S}]\p{M}*/gu
const SPACES = /\s+/gu

/** NFKC, lower case (the same in every locale), no punctuation or symbols, single spaces, trimmed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(FORMAT_CHARACTERS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(PUNCTUATION_AND_SYMBOLS, ' ')
    .replace(SPACES, ' ')
    .trim()
}

const wordsOf = (normalised: string): string[] => (normalised === '' ? [] : normalised.split(' '))

// The glue of each language: articles, pronouns, prepositions, conjunctions and the auxiliary and
// wishing verbs that notes are phrased with ("vi behöver", "there should be"). They are dropped before
// comparing, and tell the languages apart in noteLanguage. Words that carry a note's direction stay
// content words: more/fewer (fler, färre), not/no/without (inte, ingen, utan).
const FUNCTION_WORDS: Record<NoteLanguage, ReadonlySet<string>> = {
  sv: new Set(
    (
      'och att det som en ett den de är var vara blir bli blev har hade ha finns finnas i på av för med ' +
      'till från om vid hos mot under över efter genom mellan in ut upp så då där här när nu också samt ' +
      'eller men sig sin sina sitt vi jag du ni han hon man vår våra vårt er era denna detta dessa kan ' +
      'kunde ska skulle vill bör borde måste behöver behövs'
    ).split(' '),
  ),
  en: new Set(
    (
      'a an the and or but of to in on at by for with from into onto about near under over as than is are ' +
      'was were be been being am it its this that these those there here we our us i you your they their ' +
      'them he she his her can could will would shall should must may might need needs want wants have ' +
      'has had do does did so also too very please some any get let'
    ).split(' '),
  ),
}

// A negation turns a note around ("Inte fler bilar i centrum", "No parking in the centre"), so notes
// alike in words but not in this are kept apart.
const NEGATIONS: Record<NoteLanguage, ReadonlySet<string>> = {
  sv: new Set('inte ej icke ingen inget inga aldrig utan'.split(' ')),
  en: new Set('not no never none nor without dont doesnt didnt cant cannot wont shouldnt isnt arent'.split(' ')),
}

const SWEDISH_LETTERS = /[åäö]/

/**
 * A guess at a note's language: each word that is a Swedish function word or negation or has å, ä or
 * ö counts for Swedish, each English function word or negation for English, and the larger count wins.
 * A tie (a single noun, a word of both languages such as "i", or no words) is `fallback`, typically the
 * language of the note's board.
 */
export function noteLanguage(text: string, fallback: NoteLanguage): NoteLanguage {
  let swedish = 0
  let english = 0
  for (const word of wordsOf(normaliseText(text))) {
    if (FUNCTION_WORDS.sv.has(word) || NEGATIONS.sv.has(word) || SWEDISH_LETTERS.test(word)) swedish++
    if (FUNCTION_WORDS.en.has(word) || NEGATIONS.en.has(word)) english++
  }
  if (swedish === english) return fallback
  return swedish > english ? 'sv' : 'en'
}

// Snowball's Swedish stemmer leaves two endings that keep forms of one noun apart: the definite "-an"
// of a noun in -a (skolan, cykelbanan against skola, cykelbana), and an "-s" of the word itself once
// "-er" is gone (busshållplatser → busshållplats against busshållplats → busshållplat). Both are
// trimmed from every word alike ("-an" from five letters on, so that plan and man stay whole); the
// price is a rare miss, such as organ against organen.
function stemSwedishWord(word: string): string {
  const stem = stemSwedish(word.length >= 5 && word.endsWith('an') ? word.slice(0, -1) : word)
  return stem.endsWith('s') ? stem.slice(0, -1) : stem
}

const STEMMERS: Record<NoteLanguage, (word: string) => string> = { sv: stemSwedishWord, en: stemEnglish }

/** Notes whose content words stem the same (or, with no content words, whose texts are equal). */
interface Group {
  /** Its place among the groups, which are in the order of their first notes. */
  position: number
  /** Its content words' stems, each tagged with the language ("sv buss"), so languages never meet. */
  stems: ReadonlySet<string>
  negated: boolean
  /** Indexes into the notes, ascending. */
  notes: number[]
  /** Whether all its notes have the same normalised text. */
  oneText: boolean
}

function groupNotes(notes: ReadonlyArray<ComparedNote>): Group[] {
  const groups: Group[] = []
  const byKey = new Map<string, { group: Group; text: string }>()
  const stemOf = { sv: new Map<string, string>(), en: new Map<string, string>() }
  notes.forEach((note, index) => {
    const text = normaliseText(note.text)
    if (text === '') return
    const words = wordsOf(text)
    const cache = stemOf[note.language]
    const stems = new Set<string>()
    for (const word of words) {
      if (FUNCTION_WORDS[note.language].has(word)) continue
      let stem = cache.get(word)
      if (stem === undefined) {
        stem = `${note.language} ${STEMMERS[note.language](word)}`
        cache.set(word, stem)
      }
      stems.add(stem)
    }
    const key = stems.size > 0 ? [...stems].sort().join('|') : `${note.language} text ${text}`
    const known = byKey.get(key)
    if (known) {
      known.group.notes.push(index)
      known.group.oneText &&= known.text === text
      return
    }
    const negated = words.some((word) => NEGATIONS[note.language].has(word))
    const group: Group = { position: groups.length, stems, negated, notes: [index], oneText: true }
    groups.push(group)
    byKey.set(key, { group, text })
  })
  return groups
}

// Two notes' sets of content words are alike when each has at least two words and they share at least
// three quarters of their union (Jaccard ≥ 3/4): two-word notes must then be equal, a three-word note may
// meet a four-word one that adds a word, and a word swapped for another needs six shared. In a short
// note one other word is usually another idea ("fler" or "ny" busshållplats, "bygg" or "farlig"). Notes
// of a single word are alike only when it stems the same, which their grouping already covers, so "Buss"
// never meets "Buss till skolan".
const MIN_WORDS = 2
const SHARED = 3
const OF_UNION = 4

function alike(a: Group, b: Group): boolean {
  if (a.negated !== b.negated) return false
  let shared = 0
  for (const stem of a.stems) if (b.stems.has(stem)) shared++
  return OF_UNION * shared >= SHARED * (a.stems.size + b.stems.size - shared)
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key)
  if (values) values.push(value)
  else map.set(key, [value])
}

/**
 * For each group, the earlier groups alike to it, found without comparing every pair (prefix filtering,
 * as in Bayardo, Ma and Srikant's All-Pairs). With each set's words ordered rarest first, two sets that
 * share at least k words share one among each set's first n − k + 1. A set alike to a smaller or equal
 * one shares at least ⌈3n/4⌉ of its own n words, and the smaller one at least ⌈6n/7⌉ of its own n, so
 * groups are taken smallest first, each looks up its first n − ⌈3n/4⌉ + 1 words and is then indexed
 * under its first n − ⌈6n/7⌉ + 1 only. Common words such as "buss" thus seldom bring candidates, and
 * 10,000 notes made to one pattern ("Fler bussar i centrum …") are not compared pair by pair.
 */
function earlierAlike(groups: readonly Group[]): Map<Group, Group[]> {
  const frequency = new Map<string, number>()
  for (const group of groups) for (const stem of group.stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1)
  const rarestFirst = (a: string, b: string) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : 1)
  const index = new Map<string, Group[]>()
  const lastProbedBy = new Map<Group, Group>()
  const found = new Map<Group, Group[]>()
  const bySize = groups
    .filter((group) => group.stems.size >= MIN_WORDS)
    .sort((a, b) => a.stems.size - b.stems.size || a.position - b.position)
  for (const group of bySize) {
    const n = group.stems.size
    const ordered = [...group.stems].sort(rarestFirst)
    for (const stem of ordered.slice(0, n - Math.ceil((SHARED * n) / OF_UNION) + 1)) {
      for (const other of index.get(stem) ?? []) {
        if (lastProbedBy.get(other) === group) continue
        lastProbedBy.set(other, group)
        if (!alike(group, other)) continue
        const [earlier, later] = other.position < group.position ? [other, group] : [group, other]
        append(found, later, earlier)
      }
    }
    for (const stem of ordered.slice(0, n - Math.ceil((2 * SHARED * n) / (OF_UNION + SHARED)) + 1)) {
      append(index, stem, group)
    }
  }
  return found
}

/** A stack being formed: its groups, and the position of the first, which opened it. */
interface Proposal {
  opener: number
  members: Group[]
}

/**
 * Stacks of notes that say the same thing, never across languages, in the order of each stack's first
 * note; notes whose text normalises to nothing are never stacked. Groups join stacks by complete
 * linkage: a stack holds only groups that are all alike to one another, so "a b c" ~ "a b c d" ~ "b c d"
 * does not chain the first to the last. Groups are taken in the order of their first notes, and each
 * joins the earliest stack whose every member it is alike to, so the result follows the notes' order.
 */
export function proposeStacks(notes: ReadonlyArray<ComparedNote>): Stack[] {
  const groups = groupNotes(notes)
  const alikeBefore = earlierAlike(groups)
  const stacks: Proposal[] = []
  const stackOf = new Map<Group, Proposal>()
  for (const group of groups) {
    const alikeGroups = new Set(alikeBefore.get(group))
    const joined = [...new Set([...alikeGroups].map((other) => stackOf.get(other)))]
      .filter((stack) => stack !== undefined)
      .sort((a, b) => a.opener - b.opener)
      .find((stack) => stack.members.every((member) => alikeGroups.has(member)))
    const stack = joined ?? { opener: group.position, members: [] }
    stack.members.push(group)
    stackOf.set(group, stack)
    if (!joined) stacks.push(stack)
  }
  // Stacks were opened in the order of their first groups, which is the order of their first notes.
  return stacks.flatMap(({ members }) => {
    const indexes = members.flatMap((member) => member.notes).sort((a, b) => a - b)
    if (indexes.length < 2) return []
    const oneText = members.length === 1 && members[0]?.oneText === true
    const noteIds = indexes.map((i) => (notes[i] as ComparedNote).id)
    return [{ noteIds, kind: oneText ? 'same-text' : 'same-words' } satisfies Stack]
  })
}
