/**
 * Vancouver formatting (ICMJE/NLM, the convention of medical journals) through
 * citation-js and the 'vancouver' CSL style bundled with @citation-js/plugin-csl, so it
 * works offline. That style prints no identifiers; NLM's "Citing Medicine" appends them as
 * "doi: ..." and "PMID: ...", which is what we add, as links.
 */
import type { AuditStatus, BibEntry, CslItem } from './bibliography'
import { Cite } from '@citation-js/core'
import { escapeHtml } from './html'
import { identifierParts } from './identifier'
import '@citation-js/plugin-csl'

export interface FormattedReference {
  key: string
  number: number
  /** Plain text, identifiers and evidence mark included: for the handout and PDF text. */
  text: string
  /** HTML-escaped, identifiers as links, evidence mark in a span.reference-audit. */
  html: string
  audit?: AuditStatus
  /** EVIDENCE_MARK for an entry whose record is incomplete, undefined for a verified one. */
  auditMark?: string
  /** The slide's short source line ("Petrenko AB et al. Anesth Analg 2003"): the handout lists it beside the notes. */
  short?: string
}

/**
 * The evidence-quality mark of the deck: a dagger after a source whose record is incomplete
 * (not every field confirmed in a public record), explained by EVIDENCE_LEGEND wherever it is
 * shown. The words of the audit (verdict, where it was seen) stay in references.bib and in
 * `npm run check:refs`: a clinical audience needs to know which sources to read with care,
 * not the bookkeeping behind it.
 */
export const EVIDENCE_MARK = '†'
export const EVIDENCE_LEGEND = '† Low certainty: expert opinion, or a source that could not be fully checked'

export function auditMark(audit: AuditStatus | undefined): string | undefined {
  return audit && audit !== 'verified'
    ? EVIDENCE_MARK
    : undefined
}

export { escapeHtml }

/**
 * An identifier (DOI, URL) as HTML that wraps only where the break cannot be misread: after a
 * slash, or before a dot, hyphen or underscore, so the next line starts with the character
 * (the Chicago Manual's rule for URLs). Left alone, the browser breaks just after a hyphen, and a
 * reader copying "10.1046/j.1365-" from the end of a line takes the hyphen for hyphenation.
 * Each part is unbreakable (span.id-part); the `<wbr>`s between them add nothing to copied text.
 * A DOI's prefix ("10.1213/") stays whole: broken after its "10", a line ended "doi: 10", which
 * reads as a number and not as the start of an identifier.
 */
export function breakableIdentifier(id: string): string {
  return identifierParts(id)
    .map(part => `<span class="id-part">${escapeHtml(part)}</span>`)
    .join('<wbr>')
}

/**
 * The CSL item as the style should see it. A URL next to a DOI or PMID is only the record
 * page somebody checked: the style would print it as "[Internet] ... Available from:",
 * which lengthens every entry and says less than the identifier.
 */
function forStyle(entry: BibEntry): CslItem {
  const { _graph, ...rest } = entry.csl as CslItem & { _graph?: unknown }
  if (entry.doi || entry.pmid || (rest.URL && !isRecordLink(rest.URL)))
    delete rest.URL
  // The style initialises "Xiao-ping" as "X ping", taking the lower-case half for a particle;
  // Vancouver gives an initial for each part (Gu XP), as initials() does for the short form.
  if (rest.author) {
    rest.author = rest.author.map(a => a.given
      ? {
          ...a,
          given: a.given.replace(/-(\p{Ll})/gu, (_, c: string) => `-${c.toUpperCase()}`),
        }
      : a)
  }
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
  const textById = new Map(rendered.map(([id, text]) => [
    id,
    text.replace(/^\s*\d+\.\s*/, '').trim(),
  ]))
  return entries.map((entry, i) => {
    const body = textById.get(entry.key) ?? entry.key
    const mark = auditMark(entry.audit)
    const ids: { text: string, html: string }[] = []
    if (entry.doi) {
      const href = `https://doi.org/${encodeURI(entry.doi)}`
      ids.push({ text: `doi: ${entry.doi}`, html: `doi: <a href="${escapeHtml(href)}">${breakableIdentifier(entry.doi)}</a>` })
    }
    if (entry.pmid) {
      const href = `https://pubmed.ncbi.nlm.nih.gov/${entry.pmid}/`
      ids.push({ text: `PMID: ${entry.pmid}`, html: `PMID: <a href="${href}">${escapeHtml(entry.pmid)}</a>` })
    }
    if (!entry.doi && !entry.pmid && entry.isbn)
      ids.push({ text: `ISBN: ${entry.isbn}`, html: `ISBN: ${escapeHtml(entry.isbn)}` })
    if (!entry.doi && !entry.pmid && entry.url && isRecordLink(entry.url) && !body.includes(entry.url))
      ids.push({ text: `Available from: ${entry.url}`, html: `Available from: <a href="${escapeHtml(entry.url)}">${breakableIdentifier(entry.url)}</a>` })
    const text = [
      body,
      ...ids.map(x => `${x.text}.`),
      ...(mark
        ? [mark]
        : []),
    ].join(' ')
    const html = [
      // The style's own "Available from: <url>" (a web page with no identifier) wraps as an identifier does.
      body.split(/(https?:\/\/\S+)/).map((part, i) => i % 2
        ? breakableIdentifier(part)
        : escapeHtml(part)).join(''),
      ...ids.map(x => `${x.html}.`),
      ...(mark
        ? [`<span class="reference-audit" title="${escapeHtml(EVIDENCE_LEGEND.slice(2))}">${escapeHtml(mark)}</span>`]
        : []),
    ].join(' ')
    return {
      key: entry.key,
      number: i + 1,
      text,
      html,
      short: shortSource(entry),
      ...(entry.audit
        ? { audit: entry.audit }
        : {}),
      ...(mark
        ? { auditMark: mark }
        : {}),
    }
  })
}

/**
 * Hosts whose pages are the record itself: DOI, PubMed and PMC, and the publishers of the
 * sources cited. A link elsewhere (a copy or aggregator where somebody happened to see the
 * record) stays in references.bib for the audit but is not printed: readers get the
 * publisher's page or nothing.
 */
const RECORD_HOSTS = /(?:^|\.)(?:doi\.org|ncbi\.nlm\.nih\.gov|dailymed\.nlm\.nih\.gov|cochranelibrary\.com|journals\.lww\.com|nature\.com|springer\.com|wiley\.com|sciencedirect\.com|jpain\.org|mdpi\.com|asra\.com|bandolier\.org\.uk|australianprescriber\.tg\.org\.au|pubs\.asahq\.org|msdmanuals\.com|em-consulte\.com|fda\.gov)$/

export function isRecordLink(url: string): boolean {
  try {
    return RECORD_HOSTS.test(new URL(url).hostname)
  }
  catch {
    return false
  }
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
  const people = csl.author?.length
    ? csl.author
    : (csl.editor ?? [])
  const name = (p: NonNullable<typeof people[number]>) => p.literal ?? [
    p.family,
    initials(p.given),
  ].filter(Boolean).join(' ')
  // Two authors are both named: "et al." is "and others", and one other is not others
  // ("Jahr CE, Stevens CF", not "Jahr CE et al."). A list cut short in the bib ends in
  // "and others", which is "et al." already.
  const named = people.length === 2 && people[1]!.literal !== 'et al.'
    ? people
    : people.slice(0, 1)
  let who = named.map(name).join(', ')
  if (people.length > named.length)
    who += ' et al.'
  const where = csl['container-title-short'] ?? csl['container-title'] ?? csl.publisher ?? ''
  const year = csl.issued?.['date-parts']?.[0]?.[0] ?? csl.issued?.literal ?? ''
  // An entry with neither author nor journal still needs words a reader can look up.
  const title = csl.title ?? ''
  const what = where || (title.length > 48
    ? `${title.slice(0, 45).replace(/\s+\S*$/, '')}...`
    : title)
  const tail = [what, year].filter(x => x !== '' && x !== undefined).join(' ')
  return [who && (who.endsWith('.')
    ? who
    : `${who}.`), tail].filter(Boolean).join(' ').trim() || entry.key
}
