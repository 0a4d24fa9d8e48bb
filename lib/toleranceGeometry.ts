/**
 * Plot geometry for <ToleranceCurves>: scales, paths and the layout of the 540x400 drawing.
 * Pure (no Vue); physiology comes in as numbers from lib/tolerance.ts.
 */
import type { CurveMarker, ToleranceState } from './tolerance'
import { HILL_SLOPE, LAST_DAY, percentMPE } from './tolerance'

export interface Scale {
  (x: number): number
  domain: readonly [number, number]
  range: readonly [number, number]
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain
  const [r0, r1] = range
  if (d0 === d1)
    throw new RangeError('linearScale: empty domain')
  const f = ((x: number) => r0 + (x - d0) * (r1 - r0) / (d1 - d0)) as Scale
  f.domain = domain
  f.range = range
  return f
}

/** Log10 scale; the dose axis of a dose-response plot. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain
  if (!(d0 > 0 && d1 > 0))
    throw new RangeError('logScale: domain must be positive')
  const inner = linearScale([
    Math.log10(d0),
    Math.log10(d1),
  ], range)
  const f = ((x: number) => inner(Math.log10(x))) as Scale
  f.domain = domain
  f.range = range
  return f
}

/** Width, height and panel boxes of the drawing, in SVG user units (= canvas px at 540 wide). */
export const VIEW = { width: 540, height: 432 } as const
export const DOSE_PLOT = {
  left: 58,
  right: 526,
  top: 40,
  bottom: 198,
} as const
export const THRESHOLD_PLOT = {
  left: 58,
  right: 246,
  top: 280,
  bottom: 350,
} as const
export const MECHANISM_BOX = {
  left: 282,
  right: 536,
  top: 270,
  rowHeight: 17,
  lineHeight: 12.5,
  /** Room between rows for the arrow that says "leads to". */
  gap: 6,
} as const
/** Baselines of the two footnote lines. */
export const FOOTNOTE_Y: readonly [number, number] = [417, 430]

/** Rows of the mechanism strip: y and height of each box, in order. */
export function mechanismRows(lineCounts: readonly number[]): { y: number, height: number }[] {
  const rows: { y: number, height: number }[] = []
  let y: number = MECHANISM_BOX.top
  for (const lines of lineCounts) {
    const height = MECHANISM_BOX.rowHeight + (lines - 1) * MECHANISM_BOX.lineHeight
    rows.push({ y, height })
    y += height + MECHANISM_BOX.gap
  }
  return rows
}

/**
 * "Leads to" between the mechanism rows: a short vertical arrow (shaft and head, one path) from
 * each row's bottom to the next row's top, near the rows' left edge.
 */
export function mechanismArrows(rows: readonly { y: number, height: number }[]): string[] {
  const x = MECHANISM_BOX.left + 14
  return rows.slice(1).map((row, i) => {
    const from = rows[i]!.y + rows[i]!.height
    const to = row.y
    return `M${x - 0.75} ${from} h1.5 V${to - 4} h3 l-3.75 4 l-3.75 -4 h3 Z`
  })
}

/** Dose axis range (mg/kg): wide enough for day 0 (ED50 2.9) and day 14 (ED50 18.3) at 10-90 %. */
export const DOSE_DOMAIN: readonly [number, number] = [0.3, 100]
export const DOSE_TICKS: readonly number[] = [0.3, 1, 3, 10, 30, 100]
export const MPE_TICKS: readonly number[] = [0, 25, 50, 75, 100]
/** Threshold axis, fraction of the day-0 baseline. */
export const THRESHOLD_DOMAIN: readonly [number, number] = [0.5, 1.05]
export const THRESHOLD_TICKS: readonly number[] = [0.7, 0.85, 1]
export const DAY_TICKS: readonly number[] = [0, 7, 14]

export const doseX = logScale(DOSE_DOMAIN, [DOSE_PLOT.left, DOSE_PLOT.right])
export const mpeY = linearScale([0, 100], [DOSE_PLOT.bottom, DOSE_PLOT.top])
export const dayX = linearScale([0, LAST_DAY], [THRESHOLD_PLOT.left, THRESHOLD_PLOT.right])
export const thresholdY = linearScale(THRESHOLD_DOMAIN, [THRESHOLD_PLOT.bottom, THRESHOLD_PLOT.top])

function num(x: number): string {
  return (Math.round(x * 100) / 100).toString()
}

/**
 * The %MPE curve for `ed50` as an SVG path. It starts `extraDecadesLeft` decades left of the
 * axis so that the same path, translated right by a fold-shift, still reaches the left edge
 * (the plot clips it): tolerance is drawn as a transform of one shape, which is what a
 * parallel shift is.
 */
export function curvePath(ed50: number, xs: Scale = doseX, ys: Scale = mpeY, n: number = HILL_SLOPE, extraDecadesLeft = 1.5, samples = 96): string {
  const lo = Math.log10(xs.domain[0]) - extraDecadesLeft
  const hi = Math.log10(xs.domain[1])
  const parts: string[] = []
  for (let i = 0; i <= samples; i++) {
    const logD = lo + (hi - lo) * i / samples
    const d = 10 ** logD
    parts.push(`${i === 0
      ? 'M'
      : 'L'}${num(xs(d))} ${num(ys(percentMPE(d, ed50, n)))}`)
  }
  return parts.join(' ')
}

/** Horizontal distance (px) that moves the curve of `reference` onto the curve of `ed50`. */
export function shiftPx(ed50: number, reference: number, xs: Scale = doseX): number {
  return xs(ed50) - xs(reference)
}

export function polylinePath(points: readonly (readonly [number, number])[], xs: Scale, ys: Scale): string {
  return points.map(([x, y], i) => `${i === 0
    ? 'M'
    : 'L'}${num(xs(x))} ${num(ys(y))}`).join(' ')
}

/** Marker shapes distinguish the curves without colour: circle, square, triangle. */
export function markerPath(kind: CurveMarker, cx: number, cy: number, r = 5): string {
  if (kind === 'circle')
    return `M${num(cx - r)} ${num(cy)} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0 Z`
  if (kind === 'square')
    return `M${num(cx - r)} ${num(cy - r)} h${2 * r} v${2 * r} h${-2 * r} Z`
  const h = r * 1.15
  return `M${num(cx)} ${num(cy - h)} L${num(cx + h)} ${num(cy + h * 0.8)} L${num(cx - h)} ${num(cy + h * 0.8)} Z`
}

export const DASH: Record<'solid' | 'dashed' | 'dotted', string | undefined> = {
  solid: undefined,
  dashed: '8 5',
  dotted: '2 4',
}

export function formatDose(d: number): string {
  return d < 1
    ? d.toString()
    : Math.round(d).toString()
}

/** Geometry of the equal-effect marker: the horizontal arrow at 50 % MPE, day 0 to day 14. */
export function equalEffectGeometry(state: ToleranceState) {
  const { day0Dose, dose, mpe } = state.equalEffect
  return {
    x0: doseX(day0Dose),
    x1: doseX(dose),
    y: mpeY(mpe),
    yAxis: DOSE_PLOT.bottom,
  }
}
