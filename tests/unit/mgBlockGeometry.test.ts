import { describe, expect, it } from 'vitest'
import { ivCurve, negativeSlopePeak, nmdaCurrent } from '../../lib/mgBlock'
import { CHANNEL_BOX, glyphPlacement, IV_FRAME, ivPath, operatingPoint, plotX, plotY, voltageTicks } from '../../lib/mgBlockGeometry'

describe('ion glyph paths', () => {
  it('na+ and Ca2+ go from outside, through the pore, to inside; K+ the other way', () => {
    for (const kind of ['na', 'ca'] as const) {
      expect(glyphPlacement(kind, 0, 0.5).y).toBeLessThan(CHANNEL_BOX.membraneTop)
      expect(glyphPlacement(kind, 1, 0.5).y).toBeGreaterThan(CHANNEL_BOX.membraneBottom)
    }
    expect(glyphPlacement('k', 0, 0.5).y).toBeGreaterThan(CHANNEL_BOX.membraneBottom)
    expect(glyphPlacement('k', 1, 0.5).y).toBeLessThan(CHANNEL_BOX.membraneTop)
  })

  it('crosses the membrane inside the pore, whatever the lane', () => {
    for (const lane of [0, 0.3, 1]) {
      for (const p of [0.4, 0.5, 0.6]) {
        const g = glyphPlacement('ca', p, lane)
        expect(g.x).toBeGreaterThanOrEqual(CHANNEL_BOX.poreLeft)
        expect(g.x).toBeLessThanOrEqual(CHANNEL_BOX.poreRight)
      }
    }
  })

  it('fades in and out at the ends instead of popping', () => {
    expect(glyphPlacement('na', 0, 0.5).opacity).toBe(0)
    expect(glyphPlacement('na', 1, 0.5).opacity).toBe(0)
    expect(glyphPlacement('na', 0.5, 0.5).opacity).toBe(1)
  })
})

describe('i-V plot', () => {
  it('maps the voltage range onto the frame and 0 current onto the middle', () => {
    expect(plotX(IV_FRAME, IV_FRAME.vMin)).toBe(IV_FRAME.left)
    expect(plotX(IV_FRAME, IV_FRAME.vMax)).toBe(IV_FRAME.right)
    expect(plotY(IV_FRAME, 0)).toBe((IV_FRAME.top + IV_FRAME.bottom) / 2)
    // Inward current is drawn below the axis.
    expect(plotY(IV_FRAME, -10)).toBeGreaterThan(plotY(IV_FRAME, 0))
  })

  it('keeps the 1 mM negative-slope peak inside the frame (the point of the plot)', () => {
    const peak = negativeSlopePeak(1)!
    const y = plotY(IV_FRAME, peak.current)
    expect(y).toBeGreaterThan(IV_FRAME.top)
    expect(y).toBeLessThan(IV_FRAME.bottom)
  })

  it('draws a path with one vertex per sample', () => {
    const d = ivPath(IV_FRAME, ivCurve(1, -100, 40, 10))
    expect(d.startsWith('M')).toBe(true)
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(15)
  })

  it('clamps an operating point that falls off the plot and says so', () => {
    const off = operatingPoint(IV_FRAME, -100, nmdaCurrent(-100, 0))
    expect(off.clipped).toBe(true)
    expect(off.y).toBe(IV_FRAME.bottom)
    const on = operatingPoint(IV_FRAME, -27, nmdaCurrent(-27, 1))
    expect(on.clipped).toBe(false)
  })

  it('ticks every 20 mV across the range', () => {
    expect(voltageTicks(IV_FRAME, 20)).toEqual([-100, -80, -60, -40, -20, 0, 20, 40])
  })
})
