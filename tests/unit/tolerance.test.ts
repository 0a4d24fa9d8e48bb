import { describe, expect, it } from 'vitest'
import {
  clampStep,
  doseForEffect,
  doseForEqualEffect,
  ED50_DAY0_MG_PER_KG,
  ed50OnDay,
  foldShift,
  HILL_SLOPE,
  ILLUSTRATIVE_PARAMETERS,
  illustrativeFootnote,
  illustrativeFootnoteLines,
  LAST_DAY,
  logShift,
  PARAMETERS,
  percentMPE,
  TOLERANCE_CITATIONS,
  toleranceState,
} from '../../lib/tolerance'

// Published values, transcribed here from the papers (allen1999, dunbar1996, mccarthy1998 in
// references.bib)
// independently of the model's constants, so a wrong constant in lib/ fails these tests.
const ALLEN_DYKSTRA_1999 = {
  week1LogShift: [0.3, 0.5] as const,
  week2FurtherLogShift: 0.4,
}
const DUNBAR_YAKSH_1996 = { saline: 16, morphine: 496, mk801PlusMorphine: 4 } // ED50, nmol i.t.
const MCCARTHY_1998 = { control: 10.9, morphine: 109.7, mgso4PlusMorphine: 11.2 } // ED50, nmol i.t.

/** Dose giving `target` %MPE, found by bisection on percentMPE alone (independent of doseForEffect). */
function bisectDose(target: number, ed50: number): number {
  let lo = 1e-6
  let hi = 1e6
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi)
    if (percentMPE(mid, ed50) < target)
      lo = mid
    else
      hi = mid
  }
  return Math.sqrt(lo * hi)
}

describe('emax/Hill dose-response', () => {
  it('gives 50 % MPE at ED50 for any slope', () => {
    for (const ed50 of [0.1, 2.9, 496]) {
      for (const n of [0.7, 1, 2, 3.5])
        expect(percentMPE(ed50, ed50, n)).toBeCloseTo(50, 10)
    }
  })

  it('is 0 at zero dose, rises monotonically and approaches 100', () => {
    expect(percentMPE(0, 3)).toBe(0)
    let previous = -1
    for (let logD = -3; logD <= 4; logD += 0.05) {
      const e = percentMPE(10 ** logD, 3)
      expect(e).toBeGreaterThan(previous)
      expect(e).toBeLessThanOrEqual(100)
      previous = e
    }
    expect(percentMPE(1e9, 3)).toBeCloseTo(100, 6)
  })

  it('matches the closed form 100 D^n / (ED50^n + D^n)', () => {
    const d = 4.2
    const ed50 = 2.9
    expect(percentMPE(d, ed50, 2)).toBeCloseTo(100 * d ** 2 / (ed50 ** 2 + d ** 2), 10)
  })

  it('doseForEffect inverts percentMPE', () => {
    for (const mpe of [5, 25, 50, 75, 95])
      expect(percentMPE(doseForEffect(mpe, 2.9), 2.9)).toBeCloseTo(mpe, 9)
  })

  it('rejects nonsense inputs with a reason', () => {
    expect(() => percentMPE(-1, 3)).toThrow(/dose/)
    expect(() => percentMPE(1, 0)).toThrow(/ed50/)
    expect(() => doseForEffect(100, 3)).toThrow(/mpe/)
    expect(() => logShift(15)).toThrow(/0\.\.14/)
  })
})

describe('tolerance: ED50 shift against Allen & Dykstra 1999', () => {
  it('day 0 is the baseline', () => {
    expect(foldShift(0)).toBe(1)
    expect(ed50OnDay(0)).toBe(ED50_DAY0_MG_PER_KG)
  })

  it('day 7 shift lies in the reported 0.3-0.5 log units (2.0-3.2 fold)', () => {
    const [lo, hi] = ALLEN_DYKSTRA_1999.week1LogShift
    expect(foldShift(7)).toBeGreaterThanOrEqual(10 ** lo)
    expect(foldShift(7)).toBeLessThanOrEqual(10 ** hi)
  })

  it('a second week adds the reported further 0.4 log units', () => {
    expect(Math.log10(foldShift(14) / foldShift(7))).toBeCloseTo(ALLEN_DYKSTRA_1999.week2FurtherLogShift, 9)
    const [lo, hi] = ALLEN_DYKSTRA_1999.week1LogShift
    expect(foldShift(14)).toBeGreaterThanOrEqual(10 ** (lo + ALLEN_DYKSTRA_1999.week2FurtherLogShift))
    expect(foldShift(14)).toBeLessThanOrEqual(10 ** (hi + ALLEN_DYKSTRA_1999.week2FurtherLogShift))
  })

  it('eD50 rises monotonically over the days of morphine alone', () => {
    let previous = 0
    for (let day = 0; day <= LAST_DAY; day += 0.5) {
      expect(ed50OnDay(day)).toBeGreaterThan(previous)
      previous = ed50OnDay(day)
    }
  })

  it('with an NMDA antagonist the curve stays within the shifts reported with antagonist co-infusion', () => {
    // Co-infusion ratios (antagonist + morphine vs control): Dunbar & Yaksh 0.25, McCarthy 1.03.
    const withAntagonist = [
      DUNBAR_YAKSH_1996.mk801PlusMorphine / DUNBAR_YAKSH_1996.saline,
      MCCARTHY_1998.mgso4PlusMorphine / MCCARTHY_1998.control,
    ]
    const alone = [
      DUNBAR_YAKSH_1996.morphine / DUNBAR_YAKSH_1996.saline,
      MCCARTHY_1998.morphine / MCCARTHY_1998.control,
    ]
    for (const day of [0, 7, 14]) {
      expect(foldShift(day, true)).toBeGreaterThanOrEqual(Math.min(...withAntagonist))
      expect(foldShift(day, true)).toBeLessThanOrEqual(Math.max(...withAntagonist))
    }
    // ... and far from what morphine alone does in the same studies.
    expect(foldShift(14, true)).toBeLessThan(Math.min(...alone) / 5)
  })

  it('acute analgesia (day 0) is the same with or without the antagonist (Trujillo & Akil 1991)', () => {
    expect(ed50OnDay(0, true)).toBe(ed50OnDay(0, false))
  })
})

describe('dose needed for the same effect', () => {
  it('equals the fold-shift at every effect level (a parallel shift)', () => {
    for (const mpe of [20, 50, 80]) {
      const eq = doseForEqualEffect(14, false, mpe)
      const day0Dose = bisectDose(mpe, ED50_DAY0_MG_PER_KG)
      const day14Dose = bisectDose(mpe, ED50_DAY0_MG_PER_KG * 10 ** (0.4 + 0.4))
      expect(eq.day0Dose).toBeCloseTo(day0Dose, 6)
      expect(eq.dose).toBeCloseTo(day14Dose, 5)
      expect(eq.ratio).toBeCloseTo(day14Dose / day0Dose, 6)
    }
  })

  it('at 50 % MPE on day 14 needs 5-8 times the day-0 dose (Allen & Dykstra total shift)', () => {
    const { ratio, dose, day0Dose } = doseForEqualEffect(14)
    expect(day0Dose).toBeCloseTo(ED50_DAY0_MG_PER_KG, 9)
    expect(ratio).toBeGreaterThanOrEqual(10 ** 0.7)
    expect(ratio).toBeLessThanOrEqual(10 ** 0.9)
    expect(percentMPE(dose, ed50OnDay(14))).toBeCloseTo(50, 9)
  })

  it('needs no extra dose with the antagonist', () => {
    expect(doseForEqualEffect(14, true).ratio).toBeCloseTo(1, 9)
  })
})

describe('parameters, citations and the illustrative footnote', () => {
  it('labels the unconfirmed Hill slope as illustrative', () => {
    const hill = ILLUSTRATIVE_PARAMETERS.find(p => p.id === 'hillSlope')
    expect(hill?.value).toBe(HILL_SLOPE)
    expect(illustrativeFootnote()).toContain(`illustrative: Hill slope n = ${HILL_SLOPE}`)
  })

  it('labels the zero shift with an antagonist as illustrative: it combines four studies of other regimens', () => {
    const antagonist = ILLUSTRATIVE_PARAMETERS.find(p => p.id === 'antagonistShift')
    expect(antagonist?.cite).toHaveLength(4)
    expect(illustrativeFootnote()).toContain('no antagonist shift (composite)')
  })

  it('cites every confirmed parameter, and every key is exported for the slide', () => {
    for (const p of PARAMETERS.filter(p => !p.illustrative))
      expect(p.cite.length, p.id).toBeGreaterThan(0)
    const used = new Set(PARAMETERS.flatMap(p => p.cite))
    expect([...used].sort()).toEqual([...TOLERANCE_CITATIONS].sort())
    for (const key of [
      'allen1999',
      'dunbar1996',
      'trujillo1991',
      'elliott1994',
      'mccarthy1998',
      'morgan2006',
    ])
      expect(TOLERANCE_CITATIONS).toContain(key)
  })

  it('breaks the footnote into short lines without losing a parameter', () => {
    const lines = illustrativeFootnoteLines(60)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join(' ')).toBe(illustrativeFootnote())
    for (const p of ILLUSTRATIVE_PARAMETERS)
      expect(lines.join(' ')).toContain(p.label)
  })
})

describe('presenter steps', () => {
  const visible = (step: number, summary = false) => {
    const s = toleranceState(step, { summary })
    return {
      curves: s.curves.filter(c => c.visible).map(c => `${c.id}@${c.day}`),
      equal: s.equalEffect.visible,
    }
  }

  it('step 0: one curve, day 0', () => {
    expect(visible(0)).toEqual({
      curves: ['morphine@0'],
      equal: false,
    })
  })
  it('step 1: day 7 with day 0 ghosted', () => {
    expect(visible(1)).toEqual({
      curves: ['day0@0', 'morphine@7'],
      equal: false,
    })
    expect(toleranceState(1).curves[0].emphasis).toBe('ghost')
  })
  it('step 2: day 14 and the equal-effect marker', () => {
    expect(visible(2)).toEqual({
      curves: ['day0@0', 'morphine@14'],
      equal: true,
    })
  })
  it('step 3: the antagonist curve joins at day 14', () => {
    expect(visible(3)).toEqual({
      curves: ['day0@0', 'morphine@14', 'antagonist@14'],
      equal: true,
    })
  })
  it('print summary shows everything whatever the click, with day 0 not ghosted', () => {
    for (const step of [0, 2, 3]) {
      expect(visible(step, true)).toEqual({
        curves: ['day0@0', 'morphine@14', 'antagonist@14'],
        equal: true,
      })
      expect(toleranceState(step, { summary: true }).curves[0].emphasis).toBe('current')
    }
  })
  it('clamps out-of-range clicks', () => {
    expect(clampStep(-3)).toBe(0)
    expect(clampStep(9)).toBe(3)
    expect(clampStep(2.7)).toBe(2)
    expect(clampStep(Number.NaN)).toBe(0)
    expect(clampStep(Infinity)).toBe(3)
    expect(toleranceState(12).step).toBe(3)
  })

  it('describes each step with its numbers', () => {
    const fold7 = (10 ** 0.4).toFixed(1) // 2.5
    const fold14 = (10 ** 0.8).toFixed(1) // 6.3
    expect(toleranceState(0).description).toContain(`ED50 ${ED50_DAY0_MG_PER_KG.toFixed(1)} mg/kg`)
    expect(toleranceState(1).description).toContain(`Day 7, morphine alone`)
    expect(toleranceState(1).description).toContain(`ED50 ${fold7} times day 0`)
    expect(toleranceState(2).description).toContain(`needs ${fold14} times the day-0 dose`)
    expect(toleranceState(3).description).toContain(`Day 14, morphine alone: ED50 ${fold14} times day 0`)
    // The drug's name is the slide's; whatever it is, the description uses it.
    const wording = {
      antagonist: 'drug X',
      headings: ['h0', 'h1', 'h2', 'h3', 'summary'],
    }
    expect(toleranceState(3, { wording }).description).toContain('with drug X unchanged')
    expect(toleranceState(3, { wording }).curves[2].label).toBe('+ drug X')
    expect(toleranceState(3, { wording }).heading).toBe('h3')
    expect(toleranceState(1, { wording, summary: true }).heading).toBe('summary')
    const summary = toleranceState(0, { summary: true }).description
    expect(summary).toContain(`Day 0 and day 14`)
    expect(summary).toContain(`${fold14} times day 0`)
  })
})
