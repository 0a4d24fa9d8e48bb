import { describe, expect, it } from 'vitest'
import { ED50_DAY0_MG_PER_KG, ed50OnDay, MECHANISM_STEPS, percentMPE } from '../../lib/tolerance'
import {
  curvePath,
  DOSE_PLOT,
  doseX,
  FOOTNOTE_Y,
  linearScale,
  logScale,
  markerPath,
  MECHANISM_BOX,
  mechanismArrows,
  mechanismRows,
  mpeY,
  shiftPx,
  THRESHOLD_PLOT,
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
  it('keeps the mechanism strip and the panels above the footnote and inside the drawing', () => {
    // This deck's mechanism: one line a step, two for the NMDAR step, plus its "blocked by" tag.
    const rows = mechanismRows(MECHANISM_STEPS.map(s => (s.id === 'nmdar'
      ? 2
      : 1) + (s.blockedByAntagonist ? 1 : 0)))
    const last = rows[rows.length - 1]!
    expect(last.y + last.height).toBeLessThan(FOOTNOTE_Y[0] - 11)
    expect(THRESHOLD_PLOT.bottom + 31).toBeLessThan(FOOTNOTE_Y[0] - 11)
    expect(FOOTNOTE_Y[1]).toBeLessThanOrEqual(VIEW.height)
    expect(MECHANISM_BOX.right).toBeLessThanOrEqual(VIEW.width)
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.y).toBeGreaterThan(rows[i - 1]!.y + rows[i - 1]!.height)
  })

  it('draws "leads to" as a downward arrow in each gap between mechanism rows', () => {
    const rows = mechanismRows([1, 1, 3, 1, 1])
    const arrows = mechanismArrows(rows)
    expect(arrows).toHaveLength(rows.length - 1)
    arrows.forEach((d, i) => {
      const ys = [
        ...d.matchAll(/(?:^M[\d.]+ |V)([\d.]+)/g),
      ].map(m => Number(m[1]))
      const top = rows[i]!.y + rows[i]!.height
      expect(ys[0]).toBe(top)
      // The head ends on the next row's top edge: it points down, into the next step.
      expect(ys[1]! + 4).toBe(rows[i + 1]!.y)
    })
  })
})
