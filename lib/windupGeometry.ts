/**
 * Layout of the <WindupTrain> drawing: three rows of bars (one per train), stimulus number
 * across, response relative to the first stimulus up. Pure (no Vue); numbers come from
 * lib/windup.ts. Units are SVG user units, drawn 1:1 in a 520 x 362 canvas-px box (it fits under a slide title above the sources line),
 * so a 15-unit label is 15 canvas px = 29.5 screen px at 1920x1080 (canvas 976 wide).
 */
import type { WindupState } from './windup'
import { STIMULUS_COUNT } from './windup'

export const VIEW = { width: 520, height: 362 } as const

/** Type sizes (user units): labels and ticks >= 15 (>= 28 px at 1080p), footnote >= 12.5 (>= 24 px). */
export const TYPE = {
  heading: 18,
  label: 15,
  tick: 15,
  footnote: 12.5,
} as const

export const PLOT = { left: 62, right: 510 } as const
export const HEADING_Y = 20
export const MODEL_Y = 42
/** Each row: its label line, then the bars beneath it. */
export const ROWS = { top: 56, height: 82, labelHeight: 22 } as const
export const AXIS_Y = ROWS.top + 3 * ROWS.height
export const TICK_LABEL_Y = AXIS_Y + 18
export const AXIS_LABEL_Y = AXIS_Y + 38
export const FOOTNOTE_Y = VIEW.height - 4
export const STIMULUS_TICKS = [1, 4, 8, 12, 16] as const

/** Largest response any bar may reach: the top of a row (relative units, whole or half). */
export function yMax(state: WindupState): number {
  const top = Math.max(...state.rows.flatMap(r => r.train.response))
  return Math.ceil(top * 2) / 2
}

export interface RowBox {
  /** Where the label's baseline sits. */
  labelY: number
  /** Top and bottom (baseline) of the bars. */
  barTop: number
  baseline: number
}

export function rowBox(index: number): RowBox {
  if (!(Number.isInteger(index) && index >= 0 && index < 3))
    throw new RangeError(`row index must be 0, 1 or 2, got ${index}`)
  const top = ROWS.top + index * ROWS.height
  return {
    labelY: top + TYPE.label,
    barTop: top + ROWS.labelHeight + 4,
    baseline: top + ROWS.height - 6,
  }
}

const STEP = (PLOT.right - PLOT.left) / STIMULUS_COUNT
export const BAR_WIDTH = Math.round(STEP * 0.64)

/** Centre x of the bar for stimulus `n` (1-based). */
export function stimulusX(n: number): number {
  return PLOT.left + (n - 0.5) * STEP
}

/** Bar height (user units) for a relative response in a row whose top stands for `max`. */
export function barHeight(response: number, box: RowBox, max: number): number {
  if (!(max > 0))
    throw new RangeError(`max must be > 0, got ${max}`)
  return Math.max(0, response) / max * (box.baseline - box.barTop)
}

export interface Bar { n: number, x: number, y: number, width: number, height: number, response: number }

export function rowBars(response: readonly number[], box: RowBox, max: number): Bar[] {
  return response.map((r, i) => {
    const height = barHeight(r, box, max)
    return {
      n: i + 1,
      x: stimulusX(i + 1) - BAR_WIDTH / 2,
      y: box.baseline - height,
      width: BAR_WIDTH,
      height,
      response: r,
    }
  })
}

/** y of the "1\u00D7 the 1st stimulus" reference line in a row. */
export function unitLineY(box: RowBox, max: number): number {
  return box.baseline - barHeight(1, box, max)
}

/**
 * Seconds after a click at which stimulus `n` (1-based) appears: a time-lapse of the train
 * (the real 0.5 Hz train takes 30 s), fast enough to watch, slow enough to count.
 */
export const SECONDS_PER_STIMULUS = 0.18
export function appearDelayS(n: number): number {
  return (n - 1) * SECONDS_PER_STIMULUS
}
