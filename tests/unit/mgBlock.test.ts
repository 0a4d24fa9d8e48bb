import { describe, expect, it } from 'vitest'
import {
  channelStateAtStep,
  describeStep,
  drawnMgOut,
  halfUnblockPotential,
  ivCurve,
  jahrStevensUnblock,
  mgExpulsion,
  negativeSlopePeak,
  nmdaCurrent,
  openChannelState,
  toStep,
} from '../../lib/mgBlock'

// The published equation, written out here on its own (Jahr & Stevens 1990, J Neurosci
// 10:3178): B = 1 / (1 + [Mg]o / 3.57 mM * exp(-0.062/mV * V)).
const published = (v: number, mg: number) => 1 / (1 + (mg / 3.57) * Math.exp(-0.062 * v))

// B(V, [Mg]o) to three decimals, computed once from the published function above.
const TABLE: [v: number, mg: number, b: number][] = [
  [-100, 1, 0.007],
  [-80, 1, 0.024],
  [-70, 1, 0.045],
  [-60, 1, 0.080],
  [-40, 1, 0.230],
  [-20, 1, 0.508],
  [0, 1, 0.781],
  [20, 1, 0.925],
  [40, 1, 0.977],
  [-70, 1.2, 0.037],
  [-20, 1.2, 0.463],
  [0, 1.2, 0.748],
  [-70, 2, 0.023],
  [-20, 2, 0.341],
  [40, 2, 0.955],
  [-70, 0.1, 0.318],
  [-20, 0.1, 0.912],
]

describe('jahrStevensUnblock', () => {
  // The table rounds to three places (its -70 mV/1 mM entry, 0.045, is 0.04447 exactly), so
  // it is matched to within half a unit of its last place plus rounding; the exact check
  // against the equation follows.
  it.each(TABLE)('b(%i mV, %f mM) = %f as tabulated', (v, mg, b) => {
    expect(Math.abs(jahrStevensUnblock(v, mg) - b)).toBeLessThanOrEqual(0.0006)
  })

  it('equals the published equation across the range', () => {
    for (let v = -100; v <= 40; v += 5) {
      for (const mg of [0.25, 0.5, 1, 1.5, 2])
        expect(jahrStevensUnblock(v, mg)).toBeCloseTo(published(v, mg), 12)
    }
  })

  it('has no block without Mg2+', () => {
    expect(jahrStevensUnblock(-90, 0)).toBe(1)
  })

  it('leaves about 4.5 % unblocked at rest in 1 mM Mg2+ (the lecture\'s "blocked at resting potential")', () => {
    expect(jahrStevensUnblock(-70, 1) * 100).toBeGreaterThan(4.4)
    expect(jahrStevensUnblock(-70, 1) * 100).toBeLessThan(4.5)
  })
})

describe('half-unblock potential', () => {
  it.each([
    [0.5, -31.7],
    [1, -20.5],
    [1.2, -17.6],
    [2, -9.3],
  ])('at %f mM is %f mV', (mg, v) => {
    expect(halfUnblockPotential(mg)).toBeCloseTo(v, 1)
    expect(jahrStevensUnblock(halfUnblockPotential(mg), mg)).toBeCloseTo(0.5, 10)
  })
})

describe('i-V curve', () => {
  it('has its negative-slope peak (most inward current) near -27 mV at 1 mM', () => {
    const peak = negativeSlopePeak(1)!
    expect(peak.vMv).toBeGreaterThanOrEqual(-28)
    expect(peak.vMv).toBeLessThanOrEqual(-26)
    // Below the peak, current becomes less inward as V falls: the negative slope.
    expect(Math.abs(nmdaCurrent(-60, 1))).toBeLessThan(Math.abs(nmdaCurrent(-40, 1)))
    // At -70 mV the inward current is only ~29 % of the peak (from the equation).
    expect(nmdaCurrent(-70, 1) / peak.current).toBeCloseTo(0.29, 2)
  })

  it('is linear (ohmic) without Mg2+ and reverses at 0 mV', () => {
    const points = ivCurve(0)
    for (const p of points)
      expect(p.current).toBeCloseTo(points.find(q => q.vMv === -100)!.current * p.vMv / -100, 9)
    expect(nmdaCurrent(0, 1)).toBeCloseTo(0, 12)
    expect(negativeSlopePeak(0)).toBeUndefined()
  })
})

describe('presenter steps', () => {
  it('maps clicks to the five steps of the lecture', () => {
    const s = [0, 1, 2, 3, 4].map(i => channelStateAtStep(i))
    expect(s.map(x => [x.glutamateBound, x.glycineBound, x.open])).toEqual([
      [false, false, false],
      [true, false, false],
      [true, true, true],
      [true, true, true],
      [true, true, true],
    ])
    // Mg2+ blocks the open channel: outside while it is closed, in the pore once it opens at rest.
    expect(s.map(x => x.mgInPore)).toEqual([false, false, true, false, false])
    expect(s.map(drawnMgOut)).toEqual([
      1,
      1,
      mgExpulsion(-70),
      mgExpulsion(s[3]!.vMv),
      mgExpulsion(s[4]!.vMv),
    ])
    expect(mgExpulsion(-70)).toBe(0)
    expect(s[2]!.vMv).toBe(-70)
    expect(s[2]!.unblocked).toBeCloseTo(published(-70, 1), 12)
    expect(s[3]!.unblocked).toBeCloseTo(published(s[3]!.vMv, 1), 12)
    // Ions flow only at the influx step, and Ca2+ points on to central sensitization there.
    expect(s.map(x => x.flux.direction !== 'none')).toEqual([false, false, false, false, true])
    expect(s[4]!.showCalciumTarget).toBe(true)
    // A closed channel carries no current whatever its block.
    expect(s[0]!.currentRelPeak).toBe(0)
    expect(s[2]!.currentRelPeak).toBeLessThan(0)
  })

  it('clamps whatever Slidev passes as clicks', () => {
    expect([
      toStep(undefined),
      toStep(-3),
      toStep(2.7),
      toStep(99),
      toStep('3'),
    ]).toEqual([0, 0, 2, 4, 3])
  })

  it('describes each step in words with its numbers', () => {
    expect(describeStep(channelStateAtStep(2), 'any caption')).toMatch(/^Step 3 of 5: any caption; 4\.4 % unblocked at −70 mV, current inward/)
    // A closed channel carries no current, and the name says nothing about one.
    expect(describeStep(channelStateAtStep(0), '')).toBe('Step 1 of 5; 4.4 % unblocked at −70 mV.')
  })

  it('the interactive state follows the controls through the model', () => {
    const s = openChannelState(-40, 1.5)
    expect(s.unblocked).toBeCloseTo(published(-40, 1.5), 12)
    expect(s.halfUnblockMv).toBeCloseTo(Math.log(1.5 / 3.57) / 0.062, 9)
  })
})
