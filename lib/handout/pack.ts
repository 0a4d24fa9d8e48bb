/**
 * Packing rows (a slide with its notes, or a reference entry) into pages of fixed height.
 * Rows keep their order and are never split. Heights are measured in the page by Chromium;
 * the packing is decided here, so the page of every slide is known before printing and
 * bookmarks and page numbers are exact.
 */

export interface PackInput {
  /** Measured height of each row's content, in order. */
  heights: readonly number[]
  /** Height of the page body the rows share. */
  pageHeight: number
  /** Most rows on one page (slides per page); Infinity for reference entries. */
  maxPerPage: number
  /** Space between two rows on the same page. */
  gap: number
  /** Height each row needs beyond its content (ruled lines for the student's notes). */
  reserve?: number
}

export interface PackedPage {
  /** Indices of the rows on this page. */
  rows: number[]
  /** Body height left over once the rows, their reserve and the gaps are placed (negative: overfull). */
  slack: number
}

export interface Packing {
  pages: PackedPage[]
  /** Rows that do not fit on a page even alone; each sits alone on its page. */
  oversize: number[]
}

/**
 * Next-fit: a row goes on the current page if it fits and the page has room for another
 * row, otherwise it opens a new page. With the order fixed and rows unsplittable this uses
 * the fewest pages possible: moving any row to a later page can only push others later.
 */
export function packRows(input: PackInput): Packing {
  const { heights, pageHeight, maxPerPage, gap } = input
  const reserve = input.reserve ?? 0
  if (!(pageHeight > 0))
    throw new RangeError(`page height must be positive, got ${pageHeight}`)
  if (!(maxPerPage >= 1))
    throw new RangeError(`at least one row per page, got ${maxPerPage}`)
  const pages: PackedPage[] = []
  const oversize: number[] = []
  let current: PackedPage | undefined
  let used = 0
  heights.forEach((h, i) => {
    if (!(h >= 0) || !Number.isFinite(h))
      throw new RangeError(`row ${i} has no usable height (${h})`)
    const need = h + reserve
    const fits = current && current.rows.length < maxPerPage && used + gap + need <= pageHeight
    if (fits) {
      current!.rows.push(i)
      used += gap + need
    }
    else {
      current = {
        rows: [i],
        slack: 0,
      }
      pages.push(current)
      used = need
    }
    current!.slack = pageHeight - used
    if (need > pageHeight)
      oversize.push(i)
  })
  return { pages, oversize }
}

/** Page index (0-based, within the packing) of every row. */
export function pageOfRow(packing: Packing): number[] {
  const out: number[] = []
  packing.pages.forEach((p, pi) => p.rows.forEach((r) => {
    out[r] = pi
  }))
  return out
}

/**
 * How the slack of a page is shared: equally among its rows, so each row's ruled space
 * grows by the same amount and the page ends flush with the body.
 */
export function extraPerRow(page: PackedPage): number {
  return page.rows.length
    ? Math.max(0, page.slack) / page.rows.length
    : 0
}

/**
 * Ruled lines under each row of a page: the reserve every row keeps plus its share of the
 * page's slack. What one row cannot use (less than a line) passes to the next, so a page
 * ends less than one line short of its foot.
 */
export function ruleCounts(rows: number, space: { reserve: number, extra: number, ruleGap: number }): number[] {
  let carry = 0
  return Array.from({ length: rows }, () => {
    const room = space.reserve + space.extra + carry
    const n = Math.floor(room / space.ruleGap + 1e-6)
    carry = Math.max(0, room - n * space.ruleGap)
    return n
  })
}
