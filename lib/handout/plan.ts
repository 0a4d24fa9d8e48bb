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
    | { kind: 'references', label: string, items: number[], withHead: boolean }
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

/**
 * A list (heading and entries) packed into whole pages: the heading travels with the first
 * entries, as item 0 of the same packing.
 */
function listPages(kind: 'references' | 'appendix', title: string, head: number, items: readonly number[], g: HandoutGeometry): PlannedPage[] {
  const packed = packRows({
    heights: [head, ...items],
    pageHeight: g.bodyHeight,
    maxPerPage: Number.POSITIVE_INFINITY,
    gap: 0,
  })
  return packed.pages.map((p, i) => ({
    kind,
    label: packed.pages.length > 1
      ? `${title} (${i + 1}/${packed.pages.length})`
      : title,
    items: p.rows.filter(r => r > 0).map(r => r - 1),
    withHead: p.rows.includes(0),
  }))
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
  if (content.references.length) {
    const refs = listPages('references', 'References', measured.refHead, measured.refs, g)
    if (content.referencesNo)
      pageOfSlide.set(content.referencesNo, pages.length + 1)
    pages.push(...refs)
  }
  const outline = deckOutline(content.outlineSlides, no => pageOfSlide.get(no) ?? 1)
  if (appendix.length) {
    outline.push({ title: APPENDIX_TITLE, page: pages.length + 1, children: [] })
    pages.push(...listPages('appendix', APPENDIX_TITLE, measured.appendixHead ?? 0, measured.appendix!, g))
  }
  return {
    pages,
    pageOfSlide,
    outline,
    oversize: slides.oversize,
  }
}
