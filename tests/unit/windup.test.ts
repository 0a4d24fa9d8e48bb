import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBibliography } from '../../addons/citations/lib/bibliography'
import { jahrStevensUnblock, NMDA_REVERSAL_MV, RESTING_POTENTIAL_MV } from '../../lib/mgBlock'
import {
  clampWindupStep,
  CONDITIONS,
  illustrativeFootnote,
  MODEL_LINE,
  PARAMETERS,
  STIMULUS_COUNT,
  WINDUP_STEP_COUNT,
  windupState,
  windupTrain,
} from '../../lib/windup'
import { projectRoot } from '../support/project'
import { parseDeck, where } from '../support/slides'

// The published protocol, transcribed here from the papers independently of the model's
// constants, so a wrong constant in lib/ fails these tests.
const DICKENSON_1987 = { stimuli: 16, rateHz: 0.5 } // 16 C-fibre stimuli at 0.5 Hz; AP5 reduced wind-up
const STAUD_2007_MIN_RATE_HZ = 0.33 // temporal summation of second pain needs > 0.33 Hz
/** "Flat": every response within this fraction of the first. */
const FLAT = 0.05

const train = (rateHz: number, antagonist = false) => windupTrain({ rateHz, antagonist })

describe('windupTrain: the three trains against the published protocol', () => {
  it('runs the Dickenson & Sullivan protocol: 16 stimuli at 0.5 Hz', () => {
    const windup = CONDITIONS.find(c => c.id === 'windup')!
    expect(STIMULUS_COUNT).toBe(DICKENSON_1987.stimuli)
    expect(windup.rateHz).toBe(DICKENSON_1987.rateHz)
    for (const c of CONDITIONS)
      expect(windupTrain({ rateHz: c.rateHz, antagonist: c.antagonist }).response).toHaveLength(DICKENSON_1987.stimuli)
  })

  it('at 0.5 Hz the response climbs with every stimulus (strictly monotonic), well above the first by the 16th', () => {
    const r = train(0.5).response
    expect(r[0]).toBe(1)
    for (let n = 1; n < r.length; n++)
      expect(r[n]!, `stimulus ${n + 1}`).toBeGreaterThan(r[n - 1]!)
    expect(r.at(-1)!).toBeGreaterThan(1.5)
  })

  it('with an NMDA antagonist at 0.5 Hz the response is flat', () => {
    for (const x of train(0.5, true).response)
      expect(Math.abs(x - 1)).toBeLessThanOrEqual(FLAT)
  })

  it('at 0.1 Hz, below the 0.33 Hz humans need, the response is flat (within 5 %)', () => {
    const slow = CONDITIONS.find(c => c.id === 'slow')!
    expect(slow.rateHz).toBeLessThan(STAUD_2007_MIN_RATE_HZ)
    expect(slow.antagonist).toBe(false)
    for (const x of train(slow.rateHz).response)
      expect(Math.abs(x - 1)).toBeLessThanOrEqual(FLAT)
  })

  it('winds up more the faster the train', () => {
    const last = [0.1, 0.2, 0.33, 0.5, 1].map(f => train(f).response.at(-1)!)
    for (let i = 1; i < last.length; i++)
      expect(last[i]!).toBeGreaterThan(last[i - 1]!)
  })

  it('uses the Mg2+ block B(V) of lib/mgBlock at the potential each stimulus meets', () => {
    const t = train(0.5)
    t.potentialMv.forEach((v, i) => expect(t.unblocked[i]).toBe(jahrStevensUnblock(v, 1)))
    expect(t.potentialMv[0]).toBe(RESTING_POTENTIAL_MV)
    // The residual depolarisation never passes the NMDA reversal potential.
    expect(Math.max(...t.potentialMv)).toBeLessThan(NMDA_REVERSAL_MV)
    // The block is the only voltage dependence of the response: the source copies no constant.
    const source = readFileSync(resolve(projectRoot, 'lib/windup.ts'), 'utf8')
    expect(source).toMatch(/from '\.\/mgBlock'/)
    expect(source).not.toMatch(/3\.57|0\.062/)
  })

  it('without Mg2+ there is no block to relieve, and no wind-up', () => {
    for (const x of windupTrain({ rateHz: 0.5, mgMm: 0 }).response)
      expect(x).toBeCloseTo(1, 12)
  })

  it('with no residual depolarisation (fast decay) there is no wind-up either', () => {
    for (const x of windupTrain({ rateHz: 0.5, tauS: 1e-3 }).response)
      expect(x).toBeCloseTo(1, 9)
  })

  it('rejects input that is not a train', () => {
    expect(() => windupTrain({ rateHz: 0 })).toThrow(/rateHz/)
    expect(() => windupTrain({ rateHz: Number.NaN })).toThrow(/rateHz/)
    expect(() => windupTrain({ rateHz: 0.5, stimuli: 0 })).toThrow(/stimuli/)
    expect(() => windupTrain({ rateHz: 0.5, nmdaShare: 2 })).toThrow(/nmdaShare/)
    expect(() => windupTrain({ rateHz: 0.5, tauS: -1 })).toThrow(/tauS/)
    expect(() => windupTrain({ rateHz: 0.5, mgMm: -1 })).toThrow(/Mg2\+/)
  })
})

describe('windupState: one train per click', () => {
  const visible = (step: number, summary = false) => windupState(step, { summary }).rows.filter(r => r.visible).map(r => r.id)

  it('reveals 0.5 Hz, then the antagonist, then 0.1 Hz', () => {
    expect(WINDUP_STEP_COUNT).toBe(4)
    expect(visible(0)).toEqual([])
    expect(visible(1)).toEqual(['windup'])
    expect(visible(2)).toEqual(['windup', 'antagonist'])
    expect(visible(3)).toEqual(['windup', 'antagonist', 'slow'])
  })

  it('clamps the click count; the printed summary shows every train', () => {
    expect([-1, 0.7, 2.9, 9, Number.NaN, Infinity].map(clampWindupStep)).toEqual([0, 0, 2, 3, 0, 3])
    expect(visible(0, true)).toEqual(['windup', 'antagonist', 'slow'])
    expect(windupState(0, { summary: true }).heading).toBe('Wind-up at 0.5 Hz, not with AP5 or at 0.1 Hz')
  })

  it('labels each train with its condition and its last response in words and numbers', () => {
    const s = windupState(3)
    expect(s.rows.map(r => r.text)).toEqual([
      `0.5 Hz (every 2 s): 16th = ${train(0.5).response.at(-1)!.toFixed(1)}\u00D7 the 1st`,
      '0.5 Hz + AP5 (NMDA antagonist): 16th = 1.0\u00D7 the 1st',
      '0.1 Hz (every 10 s): 16th = 1.0\u00D7 the 1st',
    ])
  })

  it('describes what is shown, and says it is a model', () => {
    expect(windupState(0).description).toContain('The train has not started.')
    const d = windupState(3).description
    expect(d).toContain(MODEL_LINE)
    expect(d).toMatch(/0\.5 Hz \(every 2 s\): the response climbs with each stimulus, the 16th 1\.9 times the 1st/)
    expect(d).toContain('0.5 Hz + AP5 (NMDA antagonist): the response stays flat, the 16th 1.0 times the 1st.')
    expect(d).toContain('0.1 Hz (every 10 s): the response stays flat')
    expect(windupState(1).description).not.toContain('AP5')
  })
})

describe('what the model rests on is cited', () => {
  it('prints the illustrative parameters, and only those, in the footnote', () => {
    expect(illustrativeFootnote()).toBe('illustrative: 12 mV per volley; NMDA 50 % of the 1st response')
    for (const p of PARAMETERS)
      expect(p.illustrative || p.cite.length > 0, p.label).toBe(true)
  })

  it('every key of the model is in references.bib and cited on the slide that shows it', async () => {
    const bib = loadBibliography(readFileSync(resolve(projectRoot, 'references.bib'), 'utf8'), 'references.bib')
    const keys = new Set(bib.entries.map(e => e.key))
    const needed = [
      ...new Set([
        ...PARAMETERS,
        ...CONDITIONS,
      ].flatMap(p => p.cite)),
    ]
    expect(needed.length).toBeGreaterThan(3)
    for (const key of needed)
      expect(keys.has(key), `${key} in references.bib`).toBe(true)
    // A fork that cut the wind-up slide has nothing more to check here.
    const deck = await parseDeck()
    for (const slide of deck.slides.filter(s => /<WindupTrain\b/.test(s.content))) {
      for (const key of needed)
        expect(slide.content, `${where(slide)}: the wind-up slide cites ${key}`).toContain(`@${key}`)
    }
  })
})
