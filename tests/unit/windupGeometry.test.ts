import { describe, expect, it } from 'vitest'
import { CANVAS_WIDTH, HALL_WIDTH } from '../../lib/hallChecks'
import { STIMULUS_COUNT, windupState } from '../../lib/windup'
import {
  appearDelayS,
  AXIS_LABEL_Y,
  AXIS_Y,
  BAR_WIDTH,
  FOOTNOTE_Y,
  MODEL_Y,
  PLOT,
  rowBars,
  rowBox,
  ROWS,
  stimulusX,
  TYPE,
  unitLineY,
  VIEW,
  yMax,
} from '../../lib/windupGeometry'

const state = windupState(3)
const max = yMax(state)

describe('windup chart layout', () => {
  it('bar heights follow the model: proportional to the response, 1x on the reference line', () => {
    state.rows.forEach((r, i) => {
      const box = rowBox(i)
      const bars = rowBars(r.train.response, box, max)
      expect(bars).toHaveLength(STIMULUS_COUNT)
      const unit = box.baseline - unitLineY(box, max)
      bars.forEach((b, n) => {
        expect(b.height / unit).toBeCloseTo(r.train.response[n]!, 9)
        expect(b.y + b.height).toBeCloseTo(box.baseline, 9)
      })
    })
    // The 0.5 Hz row's last bar is visibly taller than its first; the flat rows' are not.
    const heights = state.rows.map((r, i) => rowBars(r.train.response, rowBox(i), max).map(b => b.height))
    expect(heights[0]!.at(-1)! / heights[0]![0]!).toBeGreaterThan(1.5)
    expect(heights[1]!.at(-1)! / heights[1]![0]!).toBeCloseTo(1, 6)
  })

  it('every bar stays inside its row, under its label, and inside the drawing', () => {
    expect(max).toBeGreaterThanOrEqual(Math.max(...state.rows.flatMap(r => r.train.response)))
    state.rows.forEach((r, i) => {
      const box = rowBox(i)
      expect(box.labelY + 4, 'label descenders clear the bars').toBeLessThanOrEqual(box.barTop)
      for (const b of rowBars(r.train.response, box, max)) {
        expect(b.y).toBeGreaterThanOrEqual(box.barTop - 1e-9)
        expect(b.x).toBeGreaterThanOrEqual(PLOT.left)
        expect(b.x + b.width).toBeLessThanOrEqual(PLOT.right)
      }
      if (i > 0)
        expect(rowBox(i - 1).baseline).toBeLessThan(box.labelY - TYPE.label)
    })
    expect(rowBox(2).baseline).toBeLessThanOrEqual(AXIS_Y)
    expect(AXIS_LABEL_Y + 4).toBeLessThan(FOOTNOTE_Y - TYPE.footnote)
    expect(FOOTNOTE_Y).toBeLessThanOrEqual(VIEW.height)
    expect(MODEL_Y).toBeLessThan(ROWS.top)
  })

  it('spaces the bars evenly, with a gap between neighbours', () => {
    expect(stimulusX(2) - stimulusX(1)).toBeGreaterThan(BAR_WIDTH + 4)
    expect(stimulusX(STIMULUS_COUNT) + BAR_WIDTH / 2).toBeLessThanOrEqual(PLOT.right)
  })

  it('draws text at least 15 units (labels) and 12.5 units (footnote): 28 and 24 px at 1080p', () => {
    // The drawing is shown 1:1 in its 520-canvas-px box on the deck's canvas.
    const px = (units: number) => units * VIEW.width / 520 * HALL_WIDTH / CANVAS_WIDTH
    expect(px(Math.min(TYPE.label, TYPE.tick))).toBeGreaterThanOrEqual(28)
    expect(px(TYPE.footnote)).toBeGreaterThanOrEqual(24)
  })

  it('lets the stimuli arrive one after another', () => {
    expect(appearDelayS(1)).toBe(0)
    expect(appearDelayS(16)).toBeGreaterThan(appearDelayS(15))
    expect(appearDelayS(16)).toBeLessThan(4)
  })

  it('rejects a row that does not exist', () => {
    expect(() => rowBox(3)).toThrow(/row index/)
  })
})
