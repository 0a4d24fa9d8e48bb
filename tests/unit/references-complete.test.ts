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

  it('"and others" stands for co-authors not seen, not for a surname without initials', () => {
    const e = loadBibliography(bibText('  author = {Morgan, Michael M. and others},\n  title = {Morphine potency},'), 'x.bib').entries[0]!
    expect(e.csl.author).toEqual([
      { given: 'Michael M.', family: 'Morgan' },
      { literal: 'et al.' },
    ])
    expect(missingFields(e)).toEqual([])
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

  /**
   * An entry with a DOI or PMID has a public record, so its authors (with initials) and title
   * are demanded. The only exceptions are these entries, whose record (or any copy of it) could
   * not be reached from where the deck was audited; each auditnote says what was searched. The
   * list may only shrink: completing an entry fails this test until its key is removed here, and
   * a new incomplete entry with a DOI or PMID is never an exception.
   */
  const RECORD_NOT_REACHED = new Map<string, string[]>([
    [
      'chen1992',
      ['author'],
    ],
    [
      'cfos1990',
      ['author'],
    ],
    [
      'dickenson1987',
      ['initials'],
    ],
    [
      'eide2000',
      ['initials'],
    ],
    [
      'methadonenmda1997',
      ['author'],
    ],
    [
      'price1994',
      ['initials', 'title'],
    ],
  ])

  it('gives authors (with initials) and a title for every entry with a DOI or PMID', () => {
    const problems = bib.entries
      .filter(e => e.doi || e.pmid)
      .flatMap((e) => {
        const missing = missingFields(e)
        const allowed = RECORD_NOT_REACHED.get(e.key)
        if (!allowed)
          return missing.map(f => `references.bib:${e.line}: '${e.key}' has a DOI or PMID but no ${f}: copy it from the public record`)
        if (missing.join() !== allowed.join())
          return [`references.bib:${e.line}: '${e.key}' now misses [${missing.join(', ')}], listed as [${allowed.join(', ')}]: update RECORD_NOT_REACHED (remove the key once complete)`]
        return /searched again/i.test(e.auditNote ?? '')
          ? []
          : [`references.bib:${e.line}: '${e.key}' is an exception but its auditnote does not say it was searched again`]
      })
    expect(problems, problems.join('\n')).toEqual([])
    expect([
      ...RECORD_NOT_REACHED.keys(),
    ].filter(k => !bib.entries.some(e => e.key === k)), 'exceptions without an entry').toEqual([])
  })

  it('most entries are complete (the notes are exceptions, not the rule)', () => {
    const complete = bib.entries.filter(e => missingFields(e).length === 0).length
    expect(complete / bib.entries.length).toBeGreaterThan(0.8)
  })
})
