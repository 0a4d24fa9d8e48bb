import type { BibEntry } from '../../addons/citations/lib/bibliography'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBibliography } from '../../addons/citations/lib/bibliography'

/**
 * Reference metadata is complete where the public record has it: every entry has its authors
 * (with initials) and its title. A field stays empty only when nobody saw it in a public
 * record, and then the entry's `auditnote` says which field is missing and that it was left out
 * or not seen: an empty field is a decision written down, never an oversight.
 */
const GAP_RE = /left out|not (?:seen|shown|recorded|confirmed)/i

export function missingFields(entry: BibEntry): string[] {
  const people = entry.csl.author ?? entry.csl.editor ?? []
  const missing: string[] = []
  if (!people.length)
    missing.push('author')
  // An organisation as author ({{Bandolier}}) has no initials to give.
  else if (!/^\s*\{+[^{}]+\}+\s*$/.test(entry.fields.author ?? '') && people.some(p => !p.literal && !p.given))
    missing.push('initials')
  if (!entry.csl.title)
    missing.push('title')
  return missing
}

/** Missing fields the audit note does not account for. */
export function undocumentedGaps(entry: BibEntry): string[] {
  const note = entry.auditNote ?? ''
  return missingFields(entry).filter((field) => {
    const named = field === 'author'
      ? /author/i.test(note)
      : new RegExp(field, 'i').test(note)
    return !(named && GAP_RE.test(note))
  })
}

const bibText = (fields: string) => `@article{x,\n${fields}\n  doi = {10.1/x}\n}\n`

describe('an entry with a gap says why', () => {
  it('a complete entry has no gaps', () => {
    const e = loadBibliography(bibText('  author = {Jahr, C. E. and Stevens, C. F.},\n  title = {Voltage dependence},'), 'x.bib').entries[0]!
    expect(missingFields(e)).toEqual([])
  })

  it('a missing title or author, or a surname without initials, is a gap', () => {
    const e = loadBibliography(bibText('  author = {Morgan},'), 'x.bib').entries[0]!
    expect(missingFields(e)).toEqual(['initials', 'title'])
    const anon = loadBibliography(bibText('  title = {A title},'), 'x.bib').entries[0]!
    expect(missingFields(anon)).toEqual(['author'])
  })

  it('an undocumented gap fails; a documented one passes', () => {
    const bare = loadBibliography(bibText('  author = {Morgan},\n  auditnote = {Seen on a record page.},'), 'x.bib').entries[0]!
    expect(undocumentedGaps(bare)).toEqual(['initials', 'title'])
    const told = loadBibliography(bibText('  author = {Morgan},\n  auditnote = {The record gives the surname only and no title, so initials and title are left out.},'), 'x.bib').entries[0]!
    expect(undocumentedGaps(told)).toEqual([])
  })

  it('an organisation as author has no initials to give', () => {
    const e = loadBibliography(bibText('  author = {{Bandolier}},\n  title = {Antidepressants in neuropathic pain},'), 'x.bib').entries[0]!
    expect(missingFields(e)).toEqual([])
  })
})

describe('references.bib', () => {
  const bib = loadBibliography(readFileSync(resolve(__dirname, '../../references.bib'), 'utf8'), 'references.bib')

  it('gives authors (with initials) and a title for every entry, or says in its audit note why not', () => {
    const problems = bib.entries.flatMap(e => undocumentedGaps(e).map(f => `references.bib:${e.line}: '${e.key}' has no ${f} and its auditnote does not say it was left out`))
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('most entries are complete (the notes are exceptions, not the rule)', () => {
    const complete = bib.entries.filter(e => missingFields(e).length === 0).length
    expect(complete / bib.entries.length).toBeGreaterThan(0.6)
  })
})
