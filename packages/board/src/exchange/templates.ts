/**
 * Board templates, as data in Swedish and English: areas (made as clusters, so notes can be
 * placed in them and they show up in the outline and the exports) and prompt notes.
 */
import type * as Y from 'yjs'
import { createCluster } from '../model/cluster.js'
import { BoardError } from '../model/errors.js'
import { addNote } from '../model/note.js'
import type { NoteColour } from '../model/palette.js'

export type TemplateLanguage = 'sv' | 'en'
type Words = Record<TemplateLanguage, string>

interface TemplateArea {
  name: Words
  x: number
  y: number
  width: number
  height: number
  colour: NoteColour
}

export interface BoardTemplate {
  id: 'blank' | 'brainstorm' | 'how-might-we' | 'swot' | 'retrospective' | 'impact-effort'
  name: Words
  description: Words
  areas: TemplateArea[]
  prompts: { text: Words; x: number; y: number; colour: NoteColour }[]
}

const area = (sv: string, en: string, x: number, y: number, colour: NoteColour, width = 760, height = 560) => ({
  name: { sv, en },
  x,
  y,
  width,
  height,
  colour,
})

export const TEMPLATES: readonly BoardTemplate[] = [
  {
    id: 'blank',
    name: { sv: 'Tom tavla', en: 'Blank board' },
    description: { sv: 'Börja från noll.', en: 'Start from scratch.' },
    areas: [],
    prompts: [],
  },
  {
    id: 'brainstorm',
    name: { sv: 'Fri idégenerering', en: 'Free brainstorm' },
    description: {
      sv: 'En yta för alla idéer, att gruppera efteråt.',
      en: 'One space for every idea, to group afterwards.',
    },
    areas: [area('Idéer', 'Ideas', 0, 0, 'yellow', 1200, 800)],
    prompts: [],
  },
  {
    id: 'how-might-we',
    name: { sv: 'Hur skulle vi kunna…?', en: 'How might we…?' },
    description: {
      sv: 'Formulera utmaningen som en fråga, samla idéer och sedan de första stegen.',
      en: 'Phrase the challenge as a question, gather ideas, then first steps.',
    },
    areas: [
      area('Idéer', 'Ideas', 0, 240, 'yellow', 1000, 600),
      area('Första steg', 'First steps', 1040, 240, 'green', 600, 600),
    ],
    prompts: [{ text: { sv: 'Hur skulle vi kunna…?', en: 'How might we…?' }, x: 0, y: 0, colour: 'blue' }],
  },
  {
    id: 'swot',
    name: { sv: 'SWOT', en: 'SWOT' },
    description: {
      sv: 'Styrkor, svagheter, möjligheter och hot.',
      en: 'Strengths, weaknesses, opportunities and threats.',
    },
    areas: [
      area('Styrkor', 'Strengths', 0, 0, 'green'),
      area('Svagheter', 'Weaknesses', 800, 0, 'orange'),
      area('Möjligheter', 'Opportunities', 0, 600, 'blue'),
      area('Hot', 'Threats', 800, 600, 'pink'),
    ],
    prompts: [],
  },
  {
    id: 'retrospective',
    name: { sv: 'Retrospektiv', en: 'Retrospective' },
    description: {
      sv: 'Vad gick bra, vad kan bli bättre, och vad gör vi nu?',
      en: 'What went well, what to improve, and what now?',
    },
    areas: [
      area('Gick bra', 'Went well', 0, 0, 'green', 600, 800),
      area('Kan bli bättre', 'To improve', 640, 0, 'orange', 600, 800),
      area('Åtgärder', 'Actions', 1280, 0, 'blue', 600, 800),
    ],
    prompts: [],
  },
  {
    id: 'impact-effort',
    name: { sv: 'Nytta och insats', en: 'Impact and effort' },
    description: {
      sv: 'Placera idéerna efter hur stor nytta de ger och hur mycket insats de kräver.',
      en: 'Place ideas by how much impact they have and how much effort they take.',
    },
    areas: [
      area('Stor nytta, liten insats', 'High impact, low effort', 0, 0, 'green'),
      area('Stor nytta, stor insats', 'High impact, high effort', 800, 0, 'blue'),
      area('Liten nytta, liten insats', 'Low impact, low effort', 0, 600, 'yellow'),
      area('Liten nytta, stor insats', 'Low impact, high effort', 800, 600, 'grey'),
    ],
    prompts: [],
  },
]

export function findTemplate(id: string): BoardTemplate {
  const template = TEMPLATES.find((t) => t.id === id)
  if (!template) throw new BoardError('invalid-id', `No template called ${JSON.stringify(id)}`)
  return template
}

/** Lays a template out on an empty board, in the chosen language, in one transaction. */
export function applyTemplate(doc: Y.Doc, id: string, language: TemplateLanguage): void {
  const template = findTemplate(id)
  doc.transact(() => {
    for (const a of template.areas) {
      createCluster(doc, { name: a.name[language], x: a.x, y: a.y, width: a.width, height: a.height, colour: a.colour })
    }
    for (const p of template.prompts) {
      addNote(doc, { x: p.x, y: p.y, text: p.text[language], colour: p.colour })
    }
  })
}
