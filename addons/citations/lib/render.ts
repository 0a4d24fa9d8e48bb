/**
 * Markup the renderer (setup/preparser.ts) puts into slides: numbered superscripts, the
 * per-slide source line, and the generated references slides. Strings only, so every
 * render target (browser, presenter notes, PDF export) receives the same numbers.
 */
import type { Bibliography } from './bibliography'
import type { Citation } from './syntax'
import type { FormattedReference } from './vancouver'
import { compressNumbers } from './deck'
import { auditMark, escapeHtml, EVIDENCE_LEGEND, shortSource } from './vancouver'

/**
 * A citation as a superscript: `[@a; @b]` -> <sup>1,2</sup>, shown as [1,2] (the brackets are
 * drawn by styles/index.css). A page locator follows its number after a comma, as numbered
 * styles print it: `[@a, p. 460]` -> [42, p. 460]; with more than one item the items are then
 * separated by semicolons, so the locator cannot be read as another number:
 * `[@a; @b, p. 5]` -> [1; 2, p. 5]. An unknown key shows as "?key" so nobody presents a
 * broken citation without seeing it; the checker fails the build on it.
 */
export function citationHtml(citation: Citation, numbers: ReadonlyMap<string, number>): string {
  const known = citation.items.filter(i => numbers.has(i.key))
  const missing = citation.items.filter(i => !numbers.has(i.key))
  const plain = known.filter(i => !i.locator).map(i => numbers.get(i.key)!)
  const parts = [
    ...(plain.length
      ? [
          compressNumbers(plain),
        ]
      : []),
    ...known.filter(i => i.locator).map(i => `${numbers.get(i.key)}, ${escapeHtml(i.locator!)}`),
    ...missing.map(i => `?${escapeHtml(i.key)}`),
  ]
  const keys = citation.items.map(i => i.key).join(' ')
  const cls = missing.length ? 'citation citation-missing' : 'citation'
  const separator = known.some(i => i.locator)
    ? '; '
    : ','
  return `<sup class="${cls}" data-cite="${escapeHtml(keys)}" v-pre>${parts.join(separator)}</sup>`
}

/** Keys cited in `text` that the bibliography knows, in order of appearance, each once. */
export function slideSourceItems(keys: readonly string[], numbers: ReadonlyMap<string, number>, bib: Bibliography): { n: number, key: string, text: string, mark?: string }[] {
  const seen = new Set<string>()
  const items: { n: number, key: string, text: string, mark?: string }[] = []
  for (const key of keys) {
    const entry = bib.byKey.get(key)
    if (seen.has(key) || !entry || !numbers.has(key))
      continue
    seen.add(key)
    const mark = auditMark(entry.audit)
    items.push({
      n: numbers.get(key)!,
      key,
      text: shortSource(entry),
      ...(mark
        ? { mark }
        : {}),
    })
  }
  return items.sort((a, b) => a.n - b.n)
}

/**
 * The source line a slide shows at its foot, as a <SlideSources> component with plain HTML
 * inside. A marked source brings the one-line legend with it, unless the slide already shows
 * the legend (`legendShown`: its own text carries a marked claim).
 */
export function slideSourcesHtml(items: ReturnType<typeof slideSourceItems>, legendShown = false): string {
  if (!items.length)
    return ''
  const li = items.map(i => `<li data-cite="${escapeHtml(i.key)}"><span class="source-number">${i.n}</span> ${escapeHtml(i.text)}${i.mark
    ? `<span class="source-audit" title="${escapeHtml(EVIDENCE_LEGEND.slice(2))}">${i.mark}</span>`
    : ''}</li>`).join('')
  const legend = !legendShown && items.some(i => i.mark)
    ? `<li class="source-legend">${escapeHtml(EVIDENCE_LEGEND)}</li>`
    : ''
  return `<SlideSources><ol class="slide-sources-list" v-pre>${li}${legend}</ol></SlideSources>`
}

/** The class of the legend a slide writes itself next to a marked claim (see styles/content.css). */
export const LEGEND_CLASS = 'ev-legend'

export interface PageLayout {
  /** Characters of reference text that fit on one line of the list. */
  charsPerLine: number
  /** Lines of list text that fit below the title. */
  linesPerPage: number
  /** Extra space between two entries, in lines. */
  gapLines: number
}

/**
 * Measured in headless Chromium for the default theme at 980x552 canvas units: 13px
 * Source Sans 3, line height 1.35 (17.6px), a 2.2em number column inside px-14 padding
 * holds ~150 characters per line, and ~24 lines fit under the h1. Rounded down so that
 * long unbreakable DOIs and URLs still fit; the e2e test checks that no references slide
 * overflows.
 */
export const DEFAULT_PAGE_LAYOUT: PageLayout = { charsPerLine: 140, linesPerPage: 24, gapLines: 0.4 }

/**
 * Splits references into pages that fit, never one entry over two pages, as evenly as the
 * entries allow. How many pages depends on the entries, not on their order: citing a key
 * earlier renumbers the list but keeps the deck's slide count (in `npm run dev`, a deck that
 * loses its last slide on an edit has Slidev's client ask for a slide that is gone). Each
 * page takes an equal share of the lines, at most a page less the longest entry, and an
 * entry goes to the page its middle falls on: a page then holds at most its share plus one
 * entry, which fits.
 */
export function paginateReferences<T extends { text: string }>(refs: readonly T[], layout: PageLayout = DEFAULT_PAGE_LAYOUT): T[][] {
  const lines = refs.map(ref => Math.ceil(ref.text.length / layout.charsPerLine) + layout.gapLines)
  const total = lines.reduce((a, b) => a + b, 0)
  const longest = Math.max(0, ...lines)
  const count = Math.max(1, Math.ceil(total / Math.max(1, layout.linesPerPage - longest)))
  const share = total / count
  const pages: T[][] = Array.from({ length: count }, () => [])
  let before = 0
  refs.forEach((ref, i) => {
    pages[Math.min(count - 1, Math.floor((before + lines[i]! / 2) / share))]!.push(ref)
    before += lines[i]!
  })
  const filled = pages.filter(p => p.length)
  return filled.length
    ? filled
    : [[]]
}

const REFERENCES_NOTE = 'References are generated from the bibliography at build time, numbered in order of first citation (Vancouver). An entry marked † could not be fully checked: read it with care before relying on it.'

/**
 * The Markdown of the references section: one slide per page. The first page keeps the
 * frontmatter of the slide that held the marker; later pages get `frontmatter` (lines
 * without fences), so their layout and class match.
 */
export function referencePagesMarkdown(pages: readonly FormattedReference[][], frontmatter: readonly string[], title = 'References'): string[] {
  const lines: string[] = []
  pages.forEach((page, i) => {
    if (i > 0)
      lines.push('', '---', ...frontmatter, '---', '')
    const heading = pages.length > 1
      ? `${title} <span class="references-page">(${i + 1}/${pages.length})</span>`
      : title
    lines.push(`# ${heading}`, '')
    if (!page.length) {
      lines.push('<p class="references-empty">No sources are cited in this talk.</p>')
    }
    else {
      const items = page.map(r => `<li id="ref-${escapeHtml(r.key)}" value="${r.number}" data-cite="${escapeHtml(r.key)}"${r.short
        ? ` data-source="${escapeHtml(r.short)}"`
        : ''}${r.auditMark ? ' class="reference-unverified"' : ''}>${r.html}</li>`)
      lines.push('<ReferenceList>', `<ol class="references-list" start="${page[0]!.number}" v-pre>`, ...items, '</ol>', '</ReferenceList>')
      if (page.some(r => r.auditMark))
        lines.push('', `<p class="${LEGEND_CLASS}">${escapeHtml(EVIDENCE_LEGEND)}</p>`)
    }
    lines.push('', '<!--', REFERENCES_NOTE, '-->')
  })
  return lines
}
