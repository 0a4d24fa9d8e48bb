import type { HandoutOptions } from './options'
import { mmToPx, paperPx } from './paper'

/** Every length of a handout page in CSS px, derived from the paper and slides per page. */
export interface HandoutGeometry {
  pageWidth: number
  pageHeight: number
  marginX: number
  marginTop: number
  marginBottom: number
  /** Running head above and page number below the body, inside the margins. */
  headHeight: number
  footHeight: number
  /** The box the rows are packed into. */
  bodyWidth: number
  bodyHeight: number
  /** Width of a slide on the page; its height follows the deck's aspect ratio. */
  slideWidth: number
  slideHeight: number
  /** CSS transform factor from the deck canvas to `slideWidth`. */
  slideScale: number
  /** A slide printed across the page (lib/handout/picture.ts): the body's width. */
  wideSlideWidth: number
  wideSlideHeight: number
  wideSlideScale: number
  /** Space between two rows on a page. */
  rowGap: number
  /** Distance between two ruled lines: 7 mm, the "college ruled" line of a notebook. */
  ruleGap: number
  /** Ruled lines every row keeps at least, however long its notes. */
  minRules: number
  notesFontPx: number
}

/**
 * Margins of 15 mm leave room for a hole punch and for printers that cannot print to the
 * edge. Two slides a page get a larger slide and type; three get the classic thumbnail
 * beside the notes. Type stays at or above 8 pt (10.7 px), the usual floor for print.
 */
export function handoutGeometry(options: HandoutOptions, canvas: { width: number, height: number }): HandoutGeometry {
  const { width: pageWidth, height: pageHeight } = paperPx(options.paper)
  const marginX = mmToPx(15)
  const marginTop = mmToPx(10)
  const marginBottom = mmToPx(9)
  const headHeight = mmToPx(9)
  const footHeight = mmToPx(8)
  const bodyWidth = pageWidth - 2 * marginX
  const bodyHeight = pageHeight - marginTop - marginBottom - headHeight - footHeight
  const slideWidth = bodyWidth * (options.perPage === 2
    ? 0.54
    : 0.46)
  const slideScale = slideWidth / canvas.width
  return {
    pageWidth,
    pageHeight,
    marginX,
    marginTop,
    marginBottom,
    headHeight,
    footHeight,
    bodyWidth,
    bodyHeight,
    slideWidth,
    slideHeight: canvas.height * slideScale,
    slideScale,
    wideSlideWidth: bodyWidth,
    wideSlideHeight: canvas.height * bodyWidth / canvas.width,
    wideSlideScale: bodyWidth / canvas.width,
    rowGap: mmToPx(options.perPage === 2
      ? 6
      : 4),
    ruleGap: mmToPx(7),
    minRules: options.perPage === 2
      ? 3
      : 2,
    // 9.5 pt and 8.5 pt (1 pt = 4/3 px).
    notesFontPx: options.perPage === 2
      ? 9.5 * 4 / 3
      : 8.5 * 4 / 3,
  }
}

/** Height a row needs beyond its measured content: the ruled lines it always keeps. */
export function ruledReserve(g: HandoutGeometry): number {
  return g.minRules * g.ruleGap
}
