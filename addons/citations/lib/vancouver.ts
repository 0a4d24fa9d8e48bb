/**
 * Vancouver formatting (ICMJE/NLM, the convention of medical journals) through
 * citation-js and the 'vancouver' CSL style bundled with @citation-js/plugin-csl, so it
 * works offline. That style prints no identifiers; NLM's "Citing Medicine" appends them as
 * "doi: ..." and "PMID: ...", which is what we add, as links.
 */
import type { AuditStatus, BibEntry, CslItem } from './bibliography'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'

export interface FormattedReference {
  key: string
  number: number
  /** Plain text, identifiers and audit mark included: for the handout and PDF text. */
  text: string
  /** HTML-escaped, identifiers as links, audit mark in a span.reference-audit. */
  html: string
  audit?: AuditStatus
  /** "(unverified)" etc., or undefined for a verified entry. */
  auditMark?: string
}

/**
 * What the reference list says about an entry nobody verified. This is teaching material
 * for clinicians: a reference that was not traced must look different from one that was.
 */
export function auditMark(audit: AuditStatus | undefined): string | undefined {
  switch (audit) {
    case 'verified': return undefined
    case 'likely-real': return '(not independently verified)'
    case 'not-found': return '(not traced: no record found)'
    default: return '(unverified)'
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * The CSL item as the style should see it. A URL next to a DOI or PMID is only the record
 * page somebody checked: the style would print it as "[Internet] ... Available from:",
 * which lengthens every entry and says less than the identifier.
 */
function forStyle(entry: BibEntry): CslItem {
  const { _graph, ...rest } = entry.csl as CslItem & { _graph?: unknown }
  if (entry.doi || entry.pmid)
    delete rest.URL
  return rest as CslItem
}

/** Vancouver entries for `entries`, numbered 1.. in the order given (order of first citation). */
export function formatVancouver(entries: readonly BibEntry[]): FormattedReference[] {
  if (!entries.length)
    return []
  const cite = new Cite(entries.map(forStyle))
  const rendered = cite.format('bibliography', {
    format: 'text',
    template: 'vancouver',
    lang: 'en-US',
    asEntryArray: true,
  }) as unknown as [string, string][]
  const textById = new Map(rendered.map(([id, text]) => [id, text.replace(/^\s*\d+\.\s*/, '').trim()]))
  return entries.map((entry, i) => {
    const body = textById.get(entry.key) ?? entry.key
    const mark = auditMark(entry.audit)
    const ids: { text: string, html: string }[] = []
    if (entry.doi) {
      const href = `https://doi.org/${encodeURI(entry.doi)}`
      ids.push({ text: `doi: ${entry.doi}`, html: `doi: <a href="${escapeHtml(href)}">${escapeHtml(entry.doi)}</a>` })
    }
    if (entry.pmid) {
      const href = `https://pubmed.ncbi.nlm.nih.gov/${entry.pmid}/`
      ids.push({ text: `PMID: ${entry.pmid}`, html: `PMID: <a href="${href}">${escapeHtml(entry.pmid)}</a>` })
    }
    if (!entry.doi && !entry.pmid && entry.isbn)
      ids.push({ text: `ISBN: ${entry.isbn}`, html: `ISBN: ${escapeHtml(entry.isbn)}` })
    if (!entry.doi && !entry.pmid && entry.url && !body.includes(entry.url))
      ids.push({ text: `Available from: ${entry.url}`, html: `Available from: <a href="${escapeHtml(entry.url)}">${escapeHtml(entry.url)}</a>` })
    const text = [body, ...ids.map(x => `${x.text}.`), ...(mark ? [mark] : [])].join(' ')
    const html = [
      escapeHtml(body),
      ...ids.map(x => `${x.html}.`),
      ...(mark ? [`<span class="reference-audit">${escapeHtml(mark)}</span>`] : []),
    ].join(' ')
    return { key: entry.key, number: i + 1, text, html, ...(entry.audit ? { audit: entry.audit } : {}), ...(mark ? { auditMark: mark } : {}) }
  })
}

function initials(given: string | undefined): string {
  if (!given)
    return ''
  return given.split(/[\s.-]+/).filter(Boolean).map(p => p.charAt(0).toUpperCase()).join('')
}

/**
 * The short source line a slide shows for what it cites, as the source lecture does
 * ("Petrenko AB et al. Anesth Analg 2003"): first author, journal abbreviation (or
 * journal, or publisher for a book), year.
 */
export function shortSource(entry: BibEntry): string {
  const csl = entry.csl
  const people = csl.author?.length ? csl.author : (csl.editor ?? [])
  const first = people[0]
  let who = ''
  if (first)
    who = first.literal ?? [first.family, initials(first.given)].filter(Boolean).join(' ')
  if (people.length > 1)
    who += ' et al.'
  const where = csl['container-title-short'] ?? csl['container-title'] ?? csl.publisher ?? ''
  const year = csl.issued?.['date-parts']?.[0]?.[0] ?? csl.issued?.literal ?? ''
  // An entry with neither author nor journal still needs words a reader can look up.
  const title = csl.title ?? ''
  const what = where || (title.length > 48 ? `${title.slice(0, 45).replace(/\s+\S*$/, '')}...` : title)
  const tail = [what, year].filter(x => x !== '' && x !== undefined).join(' ')
  return [who && (who.endsWith('.') ? who : `${who}.`), tail].filter(Boolean).join(' ').trim() || entry.key
}
