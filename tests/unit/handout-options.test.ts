import { describe, expect, it } from 'vitest'
import { handoutGeometry, ruledReserve } from '../../lib/handout/geometry'
import { DEFAULT_HANDOUT_OPTIONS, HandoutOptionError, parseHandoutOptions } from '../../lib/handout/options'
import { paperForPdf, paperPx, PAPERS } from '../../lib/handout/paper'
import { PICTURE_KEY, pictureFindings, picturePlacement } from '../../lib/handout/picture'

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
  it('prints a wide slide across the body, nearly twice a thumbnail\'s size, with room for its notes', () => {
    for (const paper of [PAPERS.a4, PAPERS.letter]) {
      for (const perPage of [2, 3] as const) {
        const g = handoutGeometry({ paper, perPage }, canvas)
        expect(g.wideSlideWidth).toBeCloseTo(g.bodyWidth)
        expect(g.wideSlideHeight / g.wideSlideWidth).toBeCloseTo(canvas.height / canvas.width)
        expect(g.wideSlideScale * canvas.width).toBeCloseTo(g.bodyWidth)
        expect(g.wideSlideWidth).toBeGreaterThanOrEqual(1.8 * g.slideWidth)
        // The picture and its ruled lines leave most of a page to its notes.
        expect(g.wideSlideHeight + g.rowGap / 2 + ruledReserve(g)).toBeLessThan(0.6 * g.bodyHeight)
      }
    }
  })
})

describe('picturePlacement', () => {
  it('prints a slide with a table across the page, any other beside its notes', () => {
    expect(picturePlacement(undefined, true)).toBe('wide')
    expect(picturePlacement(undefined, false)).toBe('beside')
  })

  it('follows the slide\'s handoutPicture either way', () => {
    expect(picturePlacement('beside', true)).toBe('beside')
    expect(picturePlacement('wide', false)).toBe('wide')
  })

  it('names the file and line of a value it does not know, and what to write', () => {
    const slides = [
      {
        file: 'slides/a.md',
        line: 3,
        frontmatter: { [PICTURE_KEY]: 'wide' },
      },
      {
        file: 'slides/a.md',
        line: 9,
        frontmatter: { [PICTURE_KEY]: 'full' },
      },
      { file: 'slides/a.md', line: 14, frontmatter: {} },
    ]
    const found = pictureFindings(slides)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ file: 'slides/a.md', line: 9, column: 1 })
    expect(found[0]!.message).toMatch(/"full" is not a handout placement: write handoutPicture: wide .* or handoutPicture: beside/)
  })

  it('reports a value set where a slide file is imported once, at the import', () => {
    const importedAt = {
      file: 'slides.md',
      line: 40,
      frontmatter: { [PICTURE_KEY]: 2 },
    }
    const slides = [
      {
        file: 'slides/b.md',
        line: 1,
        frontmatter: { [PICTURE_KEY]: 2 },
        importedAt,
      },
      {
        file: 'slides/b.md',
        line: 8,
        frontmatter: { [PICTURE_KEY]: 2 },
        importedAt,
      },
    ]
    expect(pictureFindings(slides).map(f => `${f.file}:${f.line}`)).toEqual(['slides.md:40'])
  })
})
