/**
 * Paper for the handout. Chromium lays pages out in CSS px (96 per inch), so every size is
 * kept in millimetres (what a lecturer reads) and converted once, here.
 */

export type PaperName = 'a4' | 'letter'

export interface Paper {
  name: PaperName
  /** As people write it: "A4", "Letter". */
  label: string
  widthMm: number
  heightMm: number
}

/** ISO 216 A4 is 210 x 297 mm; US Letter is 8.5 x 11 in (215.9 x 279.4 mm). */
export const PAPERS: Record<PaperName, Paper> = {
  a4: {
    name: 'a4',
    label: 'A4',
    widthMm: 210,
    heightMm: 297,
  },
  letter: {
    name: 'letter',
    label: 'Letter',
    widthMm: 215.9,
    heightMm: 279.4,
  },
}

export const PX_PER_MM = 96 / 25.4

export function mmToPx(mm: number): number {
  return mm * PX_PER_MM
}

/** Page size in CSS px, as Chromium's page.pdf() and the handout's page boxes use it. */
export function paperPx(paper: Paper): { width: number, height: number } {
  return {
    width: mmToPx(paper.widthMm),
    height: mmToPx(paper.heightMm),
  }
}

/** What page.pdf() takes: exact millimetres, so A4 comes out as 595 x 842 pt. */
export function paperForPdf(paper: Paper): { width: string, height: string } {
  return { width: `${paper.widthMm}mm`, height: `${paper.heightMm}mm` }
}
