import type { OutlineItem } from '../outline'
import type { HandoutContent } from './content'
import type { HandoutGeometry } from './geometry'
import type { HandoutOptions } from './options'
import { deckOutline } from '../outline'
import { ruledReserve } from './geometry'
import { extraPerRow, packRows } from './pack'

export type PlannedPage
  = | { kind: 'cover', label: string }
    // `section`: the running header's; pages before the first section have none.
    | { kind: 'slides', label: string, section?: string, rows: number[], extra: number }
    // `appendix`: the appendix's start, under the list's last entries, where its heading and
    // first entry fit (a page once held the last reference alone).
    | { kind: 'references', label: string, items: number[], withHead: boolean, appendix?: number[] }
    | { kind: 'appendix', label: string, items: number[], withHead: boolean }

export interface MeasuredHandout {
  /** Content height of each row (slide and notes), in content.rows order. */
  rows: number[]
  /** Heading and introduction of the reference list. */
  refHead: number
  refs: number[]
  /** Heading and introduction of the "Sources and corrections" appendix, and each entry. */
  appendixHead?: number
  appendix?: number[]
}

export interface HandoutPlan {
  pages: PlannedPage[]
  /** 1-based handout page of each slide number (the references section: the list's first page). */
  pageOfSlide: Map<number, number>
  outline: OutlineItem[]
  /** Rows (indices into content.rows) taller than a page even alone. */
  oversize: number[]
}

/** The appendix's title, as its pages, bookmark and table of contents name it. */
export const APPENDIX_TITLE = 'Sources and corrections'

/** A list (heading and entries) packed into whole pages, starting under `used` if given. */
function listPages(kind: ListPage['kind'], title: string, head: number, items: readonly number[], g: HandoutGeometry, used?: number): { pages: ListPage[], slack: number, onUsed: boolean } {
  // The heading travels with the first entry, so it never ends a page alone, unless the two
  // are taller than a page together: then the heading has a page of its own, as it had before.
  // `used`: the height a page already holds (the references' last page, for the appendix),
  // packed as a row of its own; the list starts under it where heading and entry fit there.
  const [first = 0, ...rest] = items
  const joined = head + first <= g.bodyHeight
  const before = used === undefined
    ? []
    : [used]
  const packed = packRows({
    heights: [
      ...before,
      ...(joined
        ? [head + first]
        : [head, first]),
      ...rest,
    ],
    pageHeight: g.bodyHeight,
    maxPerPage: Number.POSITIVE_INFINITY,
    gap: 0,
  })
  // Rows after `used`: the heading (with the first entry, if joined), then the entries.
  const headRow = before.length
  const entryOf = (row: number) => row - headRow - (joined
    ? 0
    : 1)
  const pages = packed.pages.map(p => p.rows.filter(r => r >= headRow)).filter(rows => rows.length)
  return {
    pages: pages.map((rows, i) => ({
      kind,
      label: pages.length > 1
        ? `${title} (${i + 1}/${pages.length})`
        : title,
      items: rows.map(entryOf).filter(e => e >= 0 && e < items.length),
      withHead: rows.includes(headRow),
    })),
    slack: packed.pages.at(-1)!.slack,
    onUsed: headRow === 1 && packed.pages[0]!.rows.length > 1,
  }
}
interface ListPage { kind: 'references' | 'appendix', label: string, items: number[], withHead: boolean }

/** The appendix entries a page shows (its own pages, or its start under the references). */
export function appendixPart(page: PlannedPage): { items: number[], withHead: boolean } | undefined {
  if (page.kind === 'appendix')
    return page
  return page.kind === 'references' && page.appendix?.length
    ? { items: page.appendix, withHead: true }
    : undefined
}

/**
 * The whole handout, page by page: cover, slide pages packed from measured heights, the
 * reference list, then the "Sources and corrections" appendix. Everything a bookmark or page
 * number needs is decided here, before the page is printed.
 */
export function planHandout(content: HandoutContent, g: HandoutGeometry, options: HandoutOptions, measured: MeasuredHandout): HandoutPlan {
  if (measured.rows.length !== content.rows.length || measured.refs.length !== content.references.length)
    throw new RangeError(`measured ${measured.rows.length} rows and ${measured.refs.length} references for ${content.rows.length} and ${content.references.length}`)
  const appendix = content.appendix ?? []
  if ((measured.appendix?.length ?? 0) !== appendix.length)
    throw new RangeError(`measured ${measured.appendix?.length ?? 0} appendix entries for ${appendix.length}`)
  const pages: PlannedPage[] = [
    { kind: 'cover', label: 'Cover' },
  ]
  const pageOfSlide = new Map<number, number>()
  const slides = packRows({
    heights: measured.rows,
    pageHeight: g.bodyHeight,
    maxPerPage: options.perPage,
    gap: g.rowGap,
    reserve: ruledReserve(g),
  })
  for (const p of slides.pages) {
    const first = content.rows[p.rows[0]!]!
    // A page that runs into the next section names both: the first alone mislabels the rest.
    // The opening page (title, objectives) has none, even where the first section starts on it.
    const section = first.section === undefined
      ? undefined
      : [
          ...new Set(p.rows.map(r => content.rows[r]!.section)),
        ].join(' · ')
    pages.push({
      kind: 'slides',
      label: section ?? first.title,
      section,
      rows: p.rows,
      extra: extraPerRow(p),
    })
    for (const r of p.rows)
      pageOfSlide.set(content.rows[r]!.no, pages.length)
  }
  let used: number | undefined
  if (content.references.length) {
    const refs = listPages('references', 'References', measured.refHead, measured.refs, g)
    if (content.referencesNo)
      pageOfSlide.set(content.referencesNo, pages.length + 1)
    pages.push(...refs.pages)
    used = g.bodyHeight - refs.slack
  }
  const outline = deckOutline(content.outlineSlides, no => pageOfSlide.get(no) ?? 1)
  if (appendix.length) {
    const appendixPages = (under?: number) => listPages('appendix', APPENDIX_TITLE, measured.appendixHead ?? 0, measured.appendix!, g, under)
    let list = appendixPages(used)
    // Its heading alone under the references (an entry taller than a page with it): a page of its own.
    if (list.onUsed && !list.pages[0]!.items.length)
      list = appendixPages()
    let at = pages.length + 1
    const last = pages.at(-1)
    if (list.onUsed && last?.kind === 'references') {
      // Its start shares the references' last page, and the page's header names both.
      const start = list.pages.shift()!
      pages[pages.length - 1] = { ...last, label: `${last.label} · ${start.label}`, appendix: start.items }
      at = pages.length
    }
    outline.push({ title: APPENDIX_TITLE, page: at, children: [] })
    pages.push(...list.pages)
  }
  return {
    pages,
    pageOfSlide,
    outline,
    oversize: slides.oversize,
  }
}
