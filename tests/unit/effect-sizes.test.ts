import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'

// How an effect size on a slide is read. A number needed to treat whose interval is printed as
// two positive numbers can still be a trial that found nothing: when the interval of the
// difference in risk includes zero, its reciprocals are a number needed to treat at one end and
// a number needed to harm at the other, and the interval passes through "no difference"
// (infinity). The memantine trial in phantom limb pain [maier2003] is such a case.

const Z95 = 1.959964

/** Wilson's score interval of a proportion x/n. */
function wilson(x: number, n: number): [number, number] {
  const p = x / n
  const d = 1 + Z95 ** 2 / n
  const centre = (p + Z95 ** 2 / (2 * n)) / d
  const half = Z95 * Math.sqrt(p * (1 - p) / n + Z95 ** 2 / (4 * n * n)) / d
  return [centre - half, centre + half]
}

/** Newcombe's hybrid score interval (95 %) of the difference a/n - b/m. */
function riskDifference(a: number, n: number, b: number, m: number) {
  const [p1, p2] = [a / n, b / m]
  const [l1, u1] = wilson(a, n)
  const [l2, u2] = wilson(b, m)
  const diff = p1 - p2
  return {
    diff,
    lower: diff - Math.hypot(p1 - l1, u2 - p2),
    upper: diff + Math.hypot(u1 - p1, p2 - l2),
  }
}

describe('the memantine trial in phantom limb pain, from its abstract\'s counts', () => {
  // Maier et al.: more than 50 % relief in 10 of 18 on memantine, 6 of 18 on placebo; "NNT
  // were 4.5 (KI: 2.1-10.6)".
  const rd = riskDifference(10, 18, 6, 18)

  it('gives the published NNT, and the published bounds as 1 / the bounds of the difference', () => {
    expect(1 / rd.diff).toBeCloseTo(4.5, 5)
    expect(1 / rd.upper).toBeCloseTo(2.1, 1)
    expect(-1 / rd.lower).toBeCloseTo(10.6, 1)
  })

  it('has an interval that includes no difference: 10.6 is a number needed to harm', () => {
    expect(rd.lower).toBeLessThan(0)
    expect(rd.upper).toBeGreaterThan(0)
  })

  it('is shown as not significant wherever the deck prints its NNT', async () => {
    const deck = await loadDeck()
    const shown = deck.slides.filter(s => /@maier2003/.test(s.content) && /NNT 4\.5/.test(s.content))
    for (const s of shown) {
      const row = s.content.split('\n').find(l => /NNT 4\.5/.test(l))!
      expect(row, `${s.file}:${s.line}`).toMatch(/not significant/)
      expect(row, `${s.file}:${s.line}`).toMatch(/harm/)
    }
  })
})
