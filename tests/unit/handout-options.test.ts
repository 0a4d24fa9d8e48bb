import { describe, expect, it } from 'vitest'
import { handoutGeometry, ruledReserve } from '../../lib/handout/geometry'
import { DEFAULT_HANDOUT_OPTIONS, HandoutOptionError, parseHandoutOptions } from '../../lib/handout/options'
import { paperForPdf, paperPx, PAPERS } from '../../lib/handout/paper'

describe('parseHandoutOptions', () => {
  it('defaults to A4 with three slides a page', () => {
    expect(parseHandoutOptions({})).toEqual(DEFAULT_HANDOUT_OPTIONS)
    expect(DEFAULT_HANDOUT_OPTIONS.paper.name).toBe('a4')
    expect(DEFAULT_HANDOUT_OPTIONS.perPage).toBe(3)
  })

  it('reads --paper and --per-page as typed', () => {
    expect(parseHandoutOptions({ paper: 'letter', perPage: '2' })).toEqual({ paper: PAPERS.letter, perPage: 2 })
    expect(parseHandoutOptions({ paper: 'A4', perPage: 3 }).paper.name).toBe('a4')
    expect(parseHandoutOptions({ paper: 'US-Letter' }).paper.name).toBe('letter')
  })

  it('says what to type instead of a wrong value', () => {
    expect(() => parseHandoutOptions({ paper: 'a5' })).toThrow(HandoutOptionError)
    expect(() => parseHandoutOptions({ paper: 'a5' })).toThrow(/--paper a4 or --paper letter/)
    expect(() => parseHandoutOptions({ perPage: '4' })).toThrow(/--per-page 2 or --per-page 3/)
    expect(() => parseHandoutOptions({ perPage: 'two' })).toThrow(HandoutOptionError)
  })
})

describe('paper', () => {
  it('has the standard sizes in PDF points and CSS px', () => {
    // A4 is 595.28 x 841.89 pt; Letter 612 x 792 pt (72 pt = 96 px = 1 in).
    const pt = (px: number) => px * 72 / 96
    expect(pt(paperPx(PAPERS.a4).width)).toBeCloseTo(595.28, 1)
    expect(pt(paperPx(PAPERS.a4).height)).toBeCloseTo(841.89, 1)
    expect(pt(paperPx(PAPERS.letter).width)).toBeCloseTo(612, 1)
    expect(pt(paperPx(PAPERS.letter).height)).toBeCloseTo(792, 1)
    expect(paperForPdf(PAPERS.letter)).toEqual({ width: '215.9mm', height: '279.4mm' })
  })
})

describe('handoutGeometry', () => {
  const canvas = { width: 980, height: 551 }
  for (const paper of [PAPERS.a4, PAPERS.letter]) {
    for (const perPage of [2, 3] as const) {
      it(`${paper.label}, ${perPage} a page: ${perPage} slides with their ruled lines fit in the body`, () => {
        const g = handoutGeometry({ paper, perPage }, canvas)
        expect(g.bodyWidth + 2 * g.marginX).toBeCloseTo(g.pageWidth)
        expect(g.marginTop + g.headHeight + g.bodyHeight + g.footHeight + g.marginBottom).toBeCloseTo(g.pageHeight)
        expect(g.slideWidth).toBeLessThan(g.bodyWidth * 0.6)
        expect(g.slideHeight / g.slideWidth).toBeCloseTo(canvas.height / canvas.width)
        // A row whose notes are no taller than its slide must fit perPage times.
        const row = g.slideHeight + g.rowGap / 2 + ruledReserve(g)
        expect(perPage * row + (perPage - 1) * g.rowGap).toBeLessThanOrEqual(g.bodyHeight)
        // Print type at or above 8 pt.
        expect(g.notesFontPx * 0.75 * 0.88).toBeGreaterThanOrEqual(7.4)
      })
    }
  }

  it('gives two slides a page a larger slide than three', () => {
    const two = handoutGeometry({ paper: PAPERS.a4, perPage: 2 }, canvas)
    const three = handoutGeometry({ paper: PAPERS.a4, perPage: 3 }, canvas)
    expect(two.slideWidth).toBeGreaterThan(three.slideWidth)
    expect(two.notesFontPx).toBeGreaterThan(three.notesFontPx)
  })
})
