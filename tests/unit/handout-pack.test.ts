import { describe, expect, it } from 'vitest'
import { extraPerRow, packRows, pageOfRow, ruleCounts } from '../../lib/handout/pack'

describe('packRows', () => {
  it('puts rows on a page until the slide count is reached', () => {
    const p = packRows({
      heights: [100, 100, 100, 100, 100, 100, 100],
      pageHeight: 1000,
      maxPerPage: 3,
      gap: 10,
    })
    expect(p.pages.map(x => x.rows)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6],
    ])
    expect(p.oversize).toEqual([])
  })

  it('opens a new page when the next row does not fit, counting gaps and the reserve', () => {
    // 300 + (10 + 300) + (10 + 300) = 920 <= 1000; with a reserve of 40 each: 340 + 350 + 350 = 1040 > 1000.
    expect(packRows({
      heights: [300, 300, 300],
      pageHeight: 1000,
      maxPerPage: 3,
      gap: 10,
    }).pages.map(x => x.rows)).toEqual([
      [0, 1, 2],
    ])
    const reserved = packRows({
      heights: [300, 300, 300],
      pageHeight: 1000,
      maxPerPage: 3,
      gap: 10,
      reserve: 40,
    })
    expect(reserved.pages.map(x => x.rows)).toEqual([
      [0, 1],
      [2],
    ])
    expect(reserved.pages[0]!.slack).toBeCloseTo(1000 - (340 + 10 + 340))
    expect(reserved.pages[1]!.slack).toBeCloseTo(1000 - 340)
  })

  it('keeps the order: a short row never jumps ahead of a long one', () => {
    const p = packRows({
      heights: [600, 500, 100, 600],
      pageHeight: 1000,
      maxPerPage: 3,
      gap: 0,
    })
    expect(p.pages.map(x => x.rows)).toEqual([
      [0],
      [1, 2],
      [3],
    ])
  })

  it('fits a row exactly at the page height, and not a pixel more', () => {
    expect(packRows({
      heights: [500, 490],
      pageHeight: 1000,
      maxPerPage: 2,
      gap: 10,
    }).pages).toHaveLength(1)
    expect(packRows({
      heights: [500, 491],
      pageHeight: 1000,
      maxPerPage: 2,
      gap: 10,
    }).pages).toHaveLength(2)
  })

  it('reports a row taller than a page and gives it a page of its own', () => {
    const p = packRows({
      heights: [100, 1200, 100],
      pageHeight: 1000,
      maxPerPage: 3,
      gap: 0,
    })
    expect(p.oversize).toEqual([1])
    expect(p.pages.map(x => x.rows)).toEqual([
      [0],
      [1],
      [2],
    ])
    expect(p.pages[1]!.slack).toBeLessThan(0)
  })

  it('uses no more pages than any other order-keeping packing (checked by brute force)', () => {
    // Deterministic pseudo-random heights; the optimum by dynamic programming over prefixes.
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let trial = 0; trial < 200; trial++) {
      const heights = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => 50 + Math.floor(rnd() * 450))
      const max = 2 + Math.floor(rnd() * 2)
      const fits = (from: number, to: number) => to - from <= max && heights.slice(from, to).reduce((a, h) => a + h, 0) + 10 * (to - from - 1) <= 1000
      const best: number[] = [0]
      for (let i = 1; i <= heights.length; i++) {
        best[i] = Infinity
        for (let j = 0; j < i; j++) {
          if (fits(j, i))
            best[i] = Math.min(best[i]!, best[j]! + 1)
        }
      }
      expect(packRows({
        heights,
        pageHeight: 1000,
        maxPerPage: max,
        gap: 10,
      }).pages.length).toBe(best[heights.length])
    }
  })

  it('refuses heights it cannot place', () => {
    expect(() => packRows({
      heights: [Number.NaN],
      pageHeight: 1000,
      maxPerPage: 3,
      gap: 0,
    })).toThrow(/row 0/)
    expect(() => packRows({
      heights: [1],
      pageHeight: 0,
      maxPerPage: 3,
      gap: 0,
    })).toThrow(/page height/)
    expect(() => packRows({
      heights: [1],
      pageHeight: 10,
      maxPerPage: 0,
      gap: 0,
    })).toThrow(/one row/)
  })

  it('reference lists pack with no limit on entries per page', () => {
    const p = packRows({
      heights: Array.from<number>({ length: 40 }).fill(40),
      pageHeight: 1000,
      maxPerPage: Number.POSITIVE_INFINITY,
      gap: 0,
    })
    expect(p.pages.map(x => x.rows.length)).toEqual([25, 15])
  })
})

describe('pageOfRow and extraPerRow', () => {
  it('maps each row to its page and shares the slack equally', () => {
    const p = packRows({
      heights: [400, 400, 400],
      pageHeight: 1000,
      maxPerPage: 2,
      gap: 0,
    })
    expect(pageOfRow(p)).toEqual([0, 0, 1])
    expect(extraPerRow(p.pages[0]!)).toBeCloseTo(100)
    expect(extraPerRow(p.pages[1]!)).toBeCloseTo(600)
  })
})

describe('ruleCounts', () => {
  it('gives each row its reserve and share of the slack in whole lines, carrying what is left to the next', () => {
    // 2 lines of reserve + 35 px each; 26.46 px a line: 87.9 -> 3 lines (8.5 left), 96.4 -> 3 (17 left), 104.9 -> 3.
    expect(ruleCounts(3, { reserve: 52.9, extra: 35, ruleGap: 26.46 })).toEqual([3, 3, 3])
    expect(ruleCounts(2, { reserve: 20, extra: 0, ruleGap: 15 })).toEqual([1, 1])
    expect(ruleCounts(2, { reserve: 20, extra: 3, ruleGap: 15 })).toEqual([1, 2])
  })
})
