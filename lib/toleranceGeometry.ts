/**
 * Plot geometry for <ToleranceCurves>: scales, paths and the layout of the drawing.
 * Pure (no Vue); physiology comes in as numbers from lib/tolerance.ts.
 */
import type { CurveMarker, CurveState, ToleranceState } from './tolerance'
import { doseForEffect, ED50_DAY0_MG_PER_KG, HILL_SLOPE, percentMPE } from './tolerance'

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

/**
 * Width, height and plot box of the drawing, in SVG user units. The slide shows it about 1.6
 * screen px a unit at 1920x1080, so the component's 18-unit labels come out near 29 px, the
 * hall's label size (styles/tokens.css); tests/e2e measures what is rendered.
 */
export const VIEW = { width: 540, height: 414 } as const
export const DOSE_PLOT = {
  left: 72,
  right: 528,
  top: 46,
  bottom: 306,
} as const
/** Baselines below the plot: tick labels, the axis title, the two footnote lines. */
export const TICK_LABEL_Y = DOSE_PLOT.bottom + 24
export const AXIS_LABEL_Y = DOSE_PLOT.bottom + 52
export const FOOTNOTE_Y: readonly [number, number] = [386, 408]
/** Characters a footnote line holds at the footnote size across the drawing. */
export const FOOTNOTE_CHARS = 64

/**
 * Dose axis range (mg/kg): three decades, so that day 0 (ED50 2.9) and day 14 (ED50 18.3) show
 * 10-90 % with room left of the day-0 curve for the antagonist's label.
 */
export const DOSE_DOMAIN: readonly [number, number] = [0.1, 100]
export const DOSE_TICKS: readonly number[] = [0.1, 0.3, 1, 3, 10, 30, 100]
export const MPE_TICKS: readonly number[] = [0, 25, 50, 75, 100]

export const doseX = logScale(DOSE_DOMAIN, [DOSE_PLOT.left, DOSE_PLOT.right])
export const mpeY = linearScale([0, 100], [DOSE_PLOT.bottom, DOSE_PLOT.top])

/**
 * Where each curve's marker and direct label attach, as a point on the day-0 curve (the curve
 * group moves it with its shift): the labels sit in the empty parts of the plot, the ghost's
 * and the antagonist's to the left of their curve, morphine's to the right of its own.
 */
const LABEL_ANCHORS: Record<CurveState['id'], { mpe: number, dx: number, anchor: 'start' | 'end' }> = {
  day0: { mpe: 62, dx: -10, anchor: 'end' },
  morphine: { mpe: 70, dx: 10, anchor: 'start' },
  antagonist: { mpe: 36, dx: -10, anchor: 'end' },
}

export function labelAnchor(id: CurveState['id']): { x: number, y: number, dx: number, anchor: 'start' | 'end' } {
  const a = LABEL_ANCHORS[id]
  return {
    x: doseX(doseForEffect(a.mpe, ED50_DAY0_MG_PER_KG)),
    y: mpeY(a.mpe),
    dx: a.dx,
    anchor: a.anchor,
  }
}

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
