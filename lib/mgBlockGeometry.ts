/**
 * SVG geometry of the MgBlockChannel diagram: where the membrane, the receptor, the ions and
 * the I-V plot go. Pure functions of numbers, so the Vue component only draws and the layout
 * can be unit-tested (the v-network-graph habit: geometry beside, not inside, the view).
 * No physiology here: every value that carries meaning comes from ./mgBlock.
 */
import type { IvPoint } from './mgBlock'

/**
 * One receptor in its own box of 240 x 300 SVG units, drawn at scale 1 in every mode so that
 * labels keep their size (>= 11 canvas px when the SVG is 520 units in a 520 px column).
 */
export const CHANNEL_BOX = {
  width: 240,
  height: 300,
  /** Membrane band (lipid bilayer). */
  membraneTop: 150,
  membraneBottom: 210,
  /** Pore walls: the two subunits leave a 24-unit gap, wide enough for the Mg2+ glyph. */
  poreLeft: 108,
  poreRight: 132,
  poreCenterX: 120,
  /** Mg2+ sits ~80 % into the field (Sharma & Stevens 1996), i.e. deep in the band. */
  mgY: 180,
  /** Where Mg2+ goes when expelled: back out of the outer mouth, above the receptor. */
  mgExpelledX: 120,
  mgExpelledY: 20,
  gateY: 214,
  /** Subunit names sit above the subunits, never on them. */
  nameY: 38,
  subunitTop: 60,
  subunitBottom: 226,
  glun1: { x: 54, width: 54 },
  glun2b: { x: 132, width: 54 },
  /** Agonist pockets on the outer faces of the extracellular domains. */
  glycineSite: { x: 54, y: 100 },
  glutamateSite: { x: 186, y: 100 },
} as const

export type IonKind = 'na' | 'ca' | 'k'

export interface GlyphPlacement { x: number, y: number, opacity: number }

/**
 * Where a moving ion glyph is at progress p (0..1) of its trip through the pore, in channel-box
 * units. Na+ and Ca2+ come down from the outside, K+ goes up from the inside; `lane` (0..1)
 * spreads the starting points so that glyphs do not stack. Opacity fades in and out at the ends
 * so a glyph never pops into view. Only translate + opacity are animated by the view.
 */
export function glyphPlacement(kind: IonKind, p: number, lane: number): GlyphPlacement {
  const t = Math.min(1, Math.max(0, p))
  const b = CHANNEL_BOX
  const spread = (lane - 0.5) * 120
  const outside = { x: b.poreCenterX + spread, y: 40 }
  const mouthOut = { x: b.poreCenterX, y: b.membraneTop - 6 }
  const mouthIn = { x: b.poreCenterX, y: b.membraneBottom + 14 }
  const inside = { x: b.poreCenterX + spread, y: b.height - 20 }
  // Inward ions: outside -> outer mouth (first 35 %), through the pore (30 %), then spread inside.
  const path = kind === 'k'
    ? [inside, mouthIn, mouthOut, outside]
    : [outside, mouthOut, mouthIn, inside]
  const cuts = [0, 0.35, 0.65, 1]
  let seg = 0
  while (seg < 2 && t > cuts[seg + 1]!)
    seg++
  const from = path[seg]!
  const to = path[seg + 1]!
  const u = (t - cuts[seg]!) / (cuts[seg + 1]! - cuts[seg]!)
  const fade = Math.min(1, t / 0.12, (1 - t) / 0.12)
  return {
    x: from.x + (to.x - from.x) * u,
    y: from.y + (to.y - from.y) * u,
    opacity: Math.max(0, fade),
  }
}

// ---------------------------------------------------------------------------------------------
// I-V plot

export interface PlotFrame {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
  vMin: number
  vMax: number
  /** Current axis limits in model units (g = 1, mV). */
  iMin: number
  iMax: number
}

/**
 * The small I-V plot of the interactive view. The current axis is clipped at +/-40 units so the
 * 1 mM curve's negative-slope region (peak -10.8 at -27 mV) stays visible next to the Mg-free
 * line, which runs off the bottom left (the view clips it and says so).
 */
export const IV_FRAME: PlotFrame = {
  width: 400,
  height: 210,
  left: 44,
  right: 388,
  top: 12,
  bottom: 176,
  vMin: -100,
  vMax: 40,
  iMin: -40,
  iMax: 40,
}

export function plotX(frame: PlotFrame, vMv: number): number {
  return frame.left + ((vMv - frame.vMin) / (frame.vMax - frame.vMin)) * (frame.right - frame.left)
}

export function plotY(frame: PlotFrame, current: number): number {
  return frame.top + ((frame.iMax - current) / (frame.iMax - frame.iMin)) * (frame.bottom - frame.top)
}

/** SVG path data of an I-V curve (values outside the frame are left to the view's clipPath). */
export function ivPath(frame: PlotFrame, points: readonly IvPoint[]): string {
  return points
    .map((pt, i) => `${i === 0
      ? 'M'
      : 'L'}${plotX(frame, pt.vMv).toFixed(1)},${plotY(frame, pt.current).toFixed(1)}`)
    .join(' ')
}

/** Tick positions of the voltage axis every `stepMv` within the frame. */
export function voltageTicks(frame: PlotFrame, stepMv = 20): number[] {
  const ticks: number[] = []
  for (let v = Math.ceil(frame.vMin / stepMv) * stepMv; v <= frame.vMax; v += stepMv)
    ticks.push(v)
  return ticks
}

/** Pixel placement of the operating point, clamped into the frame so the marker stays visible. */
export function operatingPoint(frame: PlotFrame, vMv: number, current: number): { x: number, y: number, clipped: boolean } {
  const y = plotY(frame, current)
  const yClamped = Math.min(frame.bottom, Math.max(frame.top, y))
  return {
    x: plotX(frame, vMv),
    y: yClamped,
    clipped: yClamped !== y,
  }
}
