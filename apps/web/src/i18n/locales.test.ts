/**
 * Guards the translations: both languages have exactly the same keys, no empty texts, the same
 * placeholders, and every count goes through i18next plurals with both forms in both languages.
 */
import { describe, expect, it } from 'vitest'
import { resources } from './resources'

type Tree = { readonly [key: string]: unknown }

function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [leaf, leafValue] of leaves(value as Tree, path)) out.set(leaf, leafValue)
    } else {
      out.set(path, value)
    }
  }
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort()
}

const locales = { sv: leaves(resources.sv), en: leaves(resources.en) }

const PLURAL_FORMS = ['_one', '_other'] as const

/** Plural keys whose sibling form is missing: `x_one` without `x_other`, or the reverse. */
function missingPluralForms(keys: Iterable<string>): string[] {
  const all = new Set(keys)
  const missing: string[] = []
  for (const key of all) {
    const form = PLURAL_FORMS.find((suffix) => key.endsWith(suffix))
    if (!form) continue
    const stem = key.slice(0, -form.length)
    for (const other of PLURAL_FORMS) if (!all.has(stem + other)) missing.push(stem + other)
  }
  return missing
}

describe('locales', () => {
  it('has every Swedish key in English', () => {
    expect([...locales.sv.keys()].filter((key) => !locales.en.has(key))).toEqual([])
  })

  it('has every English key in Swedish', () => {
    expect([...locales.en.keys()].filter((key) => !locales.sv.has(key))).toEqual([])
  })

  it.each(Object.entries(locales))('has only non-empty text values in %s', (_, values) => {
    const bad = [...values].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key)
    expect(bad).toEqual([])
  })

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...locales.sv].filter(([key, value]) => {
      const other = locales.en.get(key)
      return (
        typeof value === 'string' && typeof other === 'string' && `${placeholders(value)}` !== `${placeholders(other)}`
      )
    })
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it.each(Object.entries(locales))('has both plural forms of every plural key in %s', (_, values) => {
    expect(missingPluralForms(values.keys())).toEqual([])
  })

  it.each(Object.entries(locales))('puts every {{count}} in a plural key in %s', (_, values) => {
    const counted = [...values].filter(
      ([, value]) => typeof value === 'string' && placeholders(value).includes('count'),
    )
    expect(counted.map(([key]) => key).filter((key) => !PLURAL_FORMS.some((form) => key.endsWith(form)))).toEqual([])
  })

  it('notices a plural key with only one form', () => {
    expect(missingPluralForms(['a.n_one', 'a.m_one', 'a.m_other', 'b_other'])).toEqual(['a.n_other', 'b_one'])
  })

  it('notices a key that exists in only one language', () => {
    const onlyOne = leaves({ a: { b: 'x', c: 'y' } })
    const other = leaves({ a: { b: 'x' } })
    expect([...onlyOne.keys()].filter((key) => !other.has(key))).toEqual(['a.c'])
  })
})
