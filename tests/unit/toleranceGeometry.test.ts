import { describe, expect, it } from 'vitest'
import { doseForEffect, ED50_DAY0_MG_PER_KG, ed50OnDay, illustrativeFootnoteLines, percentMPE, toleranceState } from '../../lib/tolerance'
import {
  AXIS_LABEL_Y,
  curvePath,
  DOSE_DOMAIN,
  DOSE_PLOT,
  doseX,
  FOOTNOTE_CHARS,
  FOOTNOTE_Y,
  labelAnchor,
  linearScale,
  logScale,
  markerPath,
  mpeY,
  shiftPx,
  TICK_LABEL_Y,
  VIEW,
} from '../../lib/toleranceGeometry'

function points(d: string): [number, number][] {
  return [
    ...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g),
  ].map(m => [
    Number(m[1]),
    Number(m[2]),
  ])
}

/** y of a polyline at x, by linear interpolation between its vertices. */
function yAt(pts: [number, number][], x: number): number {
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!
    const [x1, y1] = pts[i]!
    if (x0 <= x && x <= x1)
      return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
  }
  throw new Error(`x ${x} outside the path`)
}

describe('scales', () => {
  it('linear scale maps the domain ends onto the range ends', () => {
    const s = linearScale([0, 100], [200, 40])
    expect(s(0)).toBe(200)
    expect(s(100)).toBe(40)
    expect(s(50)).toBe(120)
  })

  it('log scale gives each decade the same width', () => {
    const s = logScale([0.1, 1000], [0, 400])
    expect(s(0.1)).toBeCloseTo(0, 9)
    expect(s(1000)).toBeCloseTo(400, 9)
    expect(s(10) - s(1)).toBeCloseTo(s(1) - s(0.1), 9)
    expect(() => logScale([0, 10], [0, 1])).toThrow()
  })
})

describe('curves', () => {
  const base = points(curvePath(ED50_DAY0_MG_PER_KG))

  it('the drawn day-0 curve crosses 50 % MPE at ED50', () => {
    expect(yAt(base, doseX(ED50_DAY0_MG_PER_KG))).toBeCloseTo(mpeY(50), 0)
  })

  it('starts left of the axis so a shifted copy still reaches the left edge', () => {
    expect(base[0]![0] + shiftPx(ed50OnDay(14), ED50_DAY0_MG_PER_KG)).toBeLessThan(DOSE_PLOT.left)
    expect(base[base.length - 1]![0]).toBeCloseTo(DOSE_PLOT.right, 1)
  })

  it('the day-0 curve moved by shiftPx is the day-14 curve', () => {
    const dx = shiftPx(ed50OnDay(14), ED50_DAY0_MG_PER_KG)
    const moved: [number, number][] = base.map(([x, y]) => [x + dx, y])
    for (const dose of [5, 18.3, 40]) {
      const expectedY = mpeY(percentMPE(dose, ed50OnDay(14)))
      expect(yAt(moved, doseX(dose))).toBeCloseTo(expectedY, 0)
    }
  })

  it('markers differ in shape, not only colour', () => {
    const shapes = new Set(['circle', 'square', 'triangle'].map(k => markerPath(k as 'circle', 10, 10).replace(/[\d.\s-]/g, '')))
    expect(shapes.size).toBe(3)
  })
})

describe('layout', () => {
  // An estimate of a label's width at the component's 18-unit size (semibold Source Sans 3
  // averages a little under 0.52 em a character); Chromium measures the real boxes in tests/e2e.
  const width = (text: string) => text.length * 18 * 0.52

  it('shows 10-90 % of the day-0 and the day-14 curves on the dose axis', () => {
    for (const ed50 of [
      ED50_DAY0_MG_PER_KG,
      ed50OnDay(14),
    ]) {
      expect(doseForEffect(10, ed50)).toBeGreaterThan(DOSE_DOMAIN[0])
      expect(doseForEffect(90, ed50)).toBeLessThan(DOSE_DOMAIN[1])
    }
  })

  it('keeps every curve label inside the plot, right of the axis, at every step and in print', () => {
    const wording = { antagonist: 'MK-801 / ketamine', headings: [] }
    const states = [0, 1, 2, 3].map(step => toleranceState(step, { wording }))
    states.push(toleranceState(0, { wording, summary: true }))
    for (const state of states) {
      for (const c of state.curves.filter(c => c.visible)) {
        const a = labelAnchor(c.id)
        const x = a.x + a.dx + shiftPx(c.ed50, ED50_DAY0_MG_PER_KG)
        const [left, right] = a.anchor === 'end'
          ? [x - width(c.label), x]
          : [x, x + width(c.label)]
        expect(left, `${c.label} at step ${state.step}`).toBeGreaterThan(DOSE_PLOT.left + 4)
        expect(right, `${c.label} at step ${state.step}`).toBeLessThan(DOSE_PLOT.right)
        expect(a.y).toBeGreaterThan(DOSE_PLOT.top + 18)
        expect(a.y).toBeLessThan(DOSE_PLOT.bottom - 18)
      }
    }
  })

  it('stacks tick labels, axis title and footnote below the plot, inside the drawing', () => {
    expect(TICK_LABEL_Y).toBeGreaterThan(DOSE_PLOT.bottom + 18)
    expect(AXIS_LABEL_Y).toBeGreaterThan(TICK_LABEL_Y + 18)
    expect(FOOTNOTE_Y[0]).toBeGreaterThan(AXIS_LABEL_Y + 18)
    expect(FOOTNOTE_Y[1]).toBeGreaterThan(FOOTNOTE_Y[0] + 15)
    expect(FOOTNOTE_Y[1]).toBeLessThanOrEqual(VIEW.height)
    expect(DOSE_PLOT.right).toBeLessThanOrEqual(VIEW.width)
  })

  it('has a line for every line of the illustrative footnote: a third would be drawn over the second', () => {
    expect(illustrativeFootnoteLines(FOOTNOTE_CHARS).length).toBeLessThanOrEqual(FOOTNOTE_Y.length)
  })
})
