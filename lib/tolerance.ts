/**
 * Opioid tolerance as a shift of the morphine dose-response curve, and what NMDA receptor
 * antagonists do to it: the model behind <ToleranceCurves>. Pure TypeScript (no Vue, no Slidev) so that the
 * slide, the handout and the unit tests read the same numbers.
 *
 * Each constant names the report it comes from and its citation key in references.bib
 * (TOLERANCE_CITATIONS lists them for the slide).
 */

/** Citation keys (references.bib) of the reports this model rests on. */
type ToleranceCitationKey
  = | 'allen1999'
    | 'dunbar1996'
    | 'trujillo1991'
    | 'mccarthy1998'
    | 'elliott1994'
    | 'morgan2006'

/**
 * Hill slope of the morphine %MPE dose-response curve, kept constant across days so that
 * tolerance is a parallel shift. Unconfirmed: rodent values of about 1.5-3 are textbook
 * lore, not found in a public source we could confirm; labelled illustrative.
 * Parallel shifts themselves are how tolerance is quantified (Allen & Dykstra 1999).
 */
export const HILL_SLOPE = 2

/**
 * Day-0 morphine ED50 (mg/kg). Morgan et al. 2006 J Pain 7:358, doi:10.1016/j.jpain.2005.12.009
 * report 2.6-2.9 mg/kg for rat tail withdrawal with cumulative dosing; the upper value is
 * used. It anchors the dose axis only: the shifts come from a different study, so the
 * pairing is illustrative and labelled so.
 */
export const ED50_DAY0_MG_PER_KG = 2.9

/**
 * Rightward shift of log ED50 after 7 days of morphine 10 mg/kg b.i.d. in rats:
 * 0.3-0.5 log units (Allen & Dykstra 1999 Psychopharmacology 142:209,
 * doi:10.1007/s002130050881). The midpoint is used; the range is kept for the tests.
 */
const LOG_SHIFT_WEEK1 = 0.4

/** Further shift during a second week of dosing: 0.4 log units (Allen & Dykstra 1999). */
const LOG_SHIFT_WEEK2 = 0.4

/** The last day the diagram shows: the second observation point of Allen & Dykstra 1999. */
export const LAST_DAY = 14

/**
 * Log ED50 shift per day with an NMDA antagonist co-administered: none, a composite labelled
 * illustrative. Co-infusion of MK-801 prevented the loss of potency (Dunbar & Yaksh 1996
 * Anesthesiology 84:1177, doi:10.1097/00000542-199605000-00020: ED50 saline 16, morphine 496,
 * MK-801 + morphine 4 nmol); McCarthy et al. 1998 Anesth Analg, doi:10.1213/00000539-199804000-00028: MgSO4
 * 11.2 vs 10.9 nmol, MK-801 likewise; Elliott et al. 1994 (LY274614, MK-801, NOArg
 * attenuated); Trujillo & Akil 1991 Science 251:85, doi:10.1126/science.1824728: MK-801
 * attenuated tolerance without changing acute analgesia, so the day-0 curve is the same
 * with or without the antagonist.
 */
const ANTAGONIST_LOG_SHIFT_PER_DAY = 0

/** Effect level at which the diagram compares doses ("the same analgesia"). */
const EQUAL_EFFECT_MPE = 50

export interface ToleranceParameter {
  id: string
  /** How the slide names it in the "illustrative:" footnote. */
  label: string
  value: number
  unit: string
  cite: readonly ToleranceCitationKey[]
  /** True when the number is not confirmed in a public source, or is a composite. */
  illustrative: boolean
}

export const PARAMETERS: readonly ToleranceParameter[] = [
  {
    id: 'hillSlope',
    label: `Hill slope n = ${HILL_SLOPE}`,
    value: HILL_SLOPE,
    unit: '',
    cite: [],
    illustrative: true,
  },
  {
    id: 'antagonistShift',
    label: 'no antagonist shift (composite)',
    value: ANTAGONIST_LOG_SHIFT_PER_DAY,
    unit: 'log10/day',
    cite: [
      'dunbar1996',
      'mccarthy1998',
      'elliott1994',
      'trujillo1991',
    ],
    // A composite: none of the four gave morphine twice daily for 14 days as the shifts'
    // study did, and three report tolerance attenuated rather than abolished.
    illustrative: true,
  },
  {
    id: 'ed50Day0',
    label: `day-0 ED50 ${ED50_DAY0_MG_PER_KG} mg/kg (from another rat study)`,
    value: ED50_DAY0_MG_PER_KG,
    unit: 'mg/kg',
    cite: ['morgan2006'],
    illustrative: true,
  },
  {
    id: 'logShiftWeek1',
    label: `ED50 shift ${LOG_SHIFT_WEEK1} log units by day 7`,
    value: LOG_SHIFT_WEEK1,
    unit: 'log10',
    cite: ['allen1999'],
    illustrative: false,
  },
  {
    id: 'logShiftWeek2',
    label: `further ${LOG_SHIFT_WEEK2} log units by day 14`,
    value: LOG_SHIFT_WEEK2,
    unit: 'log10',
    cite: ['allen1999'],
    illustrative: false,
  },
]

export const ILLUSTRATIVE_PARAMETERS: readonly ToleranceParameter[] = PARAMETERS.filter(p => p.illustrative)

/** The footnote the diagram prints, e.g. "illustrative: Hill slope n = 2; ...". */
export function illustrativeFootnote(params: readonly ToleranceParameter[] = ILLUSTRATIVE_PARAMETERS): string {
  return `illustrative: ${params.map(p => p.label).join('; ')}`
}

/** The same footnote broken between parameters into lines of at most `maxChars` (where possible). */
export function illustrativeFootnoteLines(maxChars = 88, params: readonly ToleranceParameter[] = ILLUSTRATIVE_PARAMETERS): string[] {
  const lines: string[] = []
  let line = 'illustrative:'
  params.forEach((p, i) => {
    const piece = p.label + (i < params.length - 1
      ? ';'
      : '')
    if (line.length + 1 + piece.length > maxChars && line !== 'illustrative:') {
      lines.push(line)
      line = piece
    }
    else {
      line = `${line} ${piece}`
    }
  })
  lines.push(line)
  return lines
}

/**
 * The words of the diagram a slide passes in (ToleranceCurves props), so a fork renames the drug
 * or retells a step on its slide.
 */
export interface ToleranceWording {
  /** The antagonist as the slide names it (curve label, legend, "blocked by"). */
  antagonist: string
  /** One heading per presenter step (TOLERANCE_STEP_COUNT), then one for the print summary. */
  headings: readonly string[]
}

const NO_WORDS: ToleranceWording = { antagonist: '', headings: [] }

/** Every key the diagram rests on, for the slide's [@key] line and the handout. */
export const TOLERANCE_CITATIONS: readonly ToleranceCitationKey[] = [
  'allen1999',
  'dunbar1996',
  'mccarthy1998',
  'elliott1994',
  'trujillo1991',
  'morgan2006',
]

function assertFinitePositive(name: string, x: number): void {
  if (!Number.isFinite(x) || x <= 0)
    throw new RangeError(`${name} must be a finite positive number, got ${x}`)
}

/** Emax/Hill antinociception: %MPE = 100 D^n / (ED50^n + D^n) (Milne, Gamble & Holford 1989 form). */
export function percentMPE(dose: number, ed50: number, n: number = HILL_SLOPE): number {
  assertFinitePositive('ed50', ed50)
  assertFinitePositive('n', n)
  if (!(dose >= 0))
    throw new RangeError(`dose must be >= 0, got ${dose}`)
  if (dose === 0)
    return 0
  // Written with the ratio so that very large doses do not overflow to Infinity/Infinity.
  return 100 / (1 + (ed50 / dose) ** n)
}

/** Inverse of percentMPE: the dose that gives `mpe` %MPE. */
export function doseForEffect(mpe: number, ed50: number, n: number = HILL_SLOPE): number {
  assertFinitePositive('ed50', ed50)
  assertFinitePositive('n', n)
  if (!(mpe > 0 && mpe < 100))
    throw new RangeError(`mpe must lie strictly between 0 and 100, got ${mpe}`)
  return ed50 * (mpe / (100 - mpe)) ** (1 / n)
}

function assertDay(day: number): void {
  if (!(day >= 0 && day <= LAST_DAY))
    throw new RangeError(`day must lie in 0..${LAST_DAY} (the span Allen & Dykstra 1999 observed), got ${day}`)
}

/** log10(ED50(day) / ED50(day 0)), linear in days through the two reported points. */
export function logShift(day: number, antagonist = false): number {
  assertDay(day)
  if (antagonist)
    return ANTAGONIST_LOG_SHIFT_PER_DAY * day
  return day <= 7
    ? LOG_SHIFT_WEEK1 * day / 7
    : LOG_SHIFT_WEEK1 + LOG_SHIFT_WEEK2 * (day - 7) / 7
}

export function foldShift(day: number, antagonist = false): number {
  return 10 ** logShift(day, antagonist)
}

export function ed50OnDay(day: number, antagonist = false): number {
  return ED50_DAY0_MG_PER_KG * foldShift(day, antagonist)
}

interface EqualEffect {
  mpe: number
  day0Dose: number
  dose: number
  /** How many times the day-0 dose is needed for the same effect. */
  ratio: number
}

/** The dose needed on `day` for the effect the day-0 dose gave ("higher dose over time"). */
export function doseForEqualEffect(day: number, antagonist = false, mpe: number = EQUAL_EFFECT_MPE): EqualEffect {
  const day0Dose = doseForEffect(mpe, ed50OnDay(0))
  const dose = doseForEffect(mpe, ed50OnDay(day, antagonist))
  return {
    mpe,
    day0Dose,
    dose,
    ratio: dose / day0Dose,
  }
}

// ---------------------------------------------------------------------------------------------
// Presenter steps

/**
 * Four steps, one idea a click: day 0; day 7; day 14 and the dose for the same effect; the
 * antagonist keeps the curve at day 0. (Opioid-induced hyperalgesia has the next slide; the
 * mechanism, mu receptor to NMDA receptor to nitric oxide, has its own figure with ketamine.)
 */
export const TOLERANCE_STEP_COUNT = 4
type ToleranceStep = 0 | 1 | 2 | 3
const LAST_STEP = TOLERANCE_STEP_COUNT - 1

type CurveId = 'day0' | 'morphine' | 'antagonist'
/** Line style carries the condition, so colour never has to. */
type CurveStyle = 'solid' | 'dashed' | 'dotted'
export type CurveMarker = 'circle' | 'square' | 'triangle'

export interface CurveState {
  id: CurveId
  day: number
  antagonist: boolean
  ed50: number
  fold: number
  style: CurveStyle
  marker: CurveMarker
  /** 'ghost': a faded earlier curve kept for comparison. */
  emphasis: 'current' | 'ghost'
  label: string
  visible: boolean
}

export interface ToleranceState {
  step: ToleranceStep
  summary: boolean
  heading: string
  /** Always three curves, in a fixed order, so the view can transition each one. */
  curves: readonly [CurveState, CurveState, CurveState]
  equalEffect: (EqualEffect & { visible: boolean, text: string })
  footnote: string
  description: string
}

/** One decimal, as the slide prints fold-shifts and doses ("6.3 times"). */
export function fmt1(x: number): string {
  return (Math.round(x * 10) / 10).toFixed(1)
}

/** Presenter click count -> step; anything out of range is clamped, NaN is step 0. */
export function clampStep(step: number): ToleranceStep {
  if (!Number.isFinite(step)) {
    return step === Infinity
      ? LAST_STEP as ToleranceStep
      : 0
  }
  return Math.min(LAST_STEP, Math.max(0, Math.floor(step))) as ToleranceStep
}

/**
 * The diagram state for presenter step 0..3, or the printed summary (day 0 and day 14 with
 * and without the antagonist, and the dose marker).
 */
export function toleranceState(step: number, options: { summary?: boolean, wording?: ToleranceWording } = {}): ToleranceState {
  const summary = options.summary === true
  const words = options.wording ?? NO_WORDS
  const drug = words.antagonist || 'the NMDA antagonist'
  const s: ToleranceStep = summary
    ? LAST_STEP as ToleranceStep
    : clampStep(step)
  const morphineDay = s === 0
    ? 0
    : s === 1
      ? 7
      : LAST_DAY
  const antagonistFold = foldShift(LAST_DAY, true)

  const day0: CurveState = {
    id: 'day0',
    day: 0,
    antagonist: false,
    ed50: ed50OnDay(0),
    fold: 1,
    style: 'solid',
    marker: 'circle',
    emphasis: summary ? 'current' : 'ghost',
    label: 'Day 0',
    visible: summary || s >= 1,
  }
  const morphine: CurveState = {
    id: 'morphine',
    day: morphineDay,
    antagonist: false,
    ed50: ed50OnDay(morphineDay),
    fold: foldShift(morphineDay),
    style: morphineDay === 0
      ? 'solid'
      : 'dashed',
    marker: morphineDay === 0
      ? 'circle'
      : 'square',
    emphasis: 'current',
    // The day alone: the heading says "morphine alone", and a longer label would not fit
    // beside the day-14 curve at the hall's label size.
    label: `Day ${morphineDay}`,
    visible: true,
  }
  const antagonist: CurveState = {
    id: 'antagonist',
    day: LAST_DAY,
    antagonist: true,
    ed50: ed50OnDay(LAST_DAY, true),
    fold: antagonistFold,
    style: 'dotted',
    marker: 'triangle',
    emphasis: 'current',
    label: `+ ${drug}`,
    visible: summary || s >= 3,
  }

  const eq = doseForEqualEffect(LAST_DAY)
  const equalEffect = {
    ...eq,
    visible: summary || s >= 2,
    text: `${fmt1(eq.ratio)}\u00D7 dose for the same ${eq.mpe} % MPE`,
  }

  const heading = (summary ? words.headings[TOLERANCE_STEP_COUNT] : words.headings[s]) ?? ''

  const dayFold = (day: number) => `ED50 ${fmt1(foldShift(day))} times day 0 (${fmt1(ed50OnDay(day))} mg/kg)`
  const antagonistText = antagonistFold === 1
    ? `with ${drug} unchanged (ED50 ${fmt1(ed50OnDay(LAST_DAY, true))} mg/kg)`
    : `with ${drug} ${fmt1(antagonistFold)} times day 0`
  const equalText = `the same ${eq.mpe} % MPE needs ${fmt1(eq.ratio)} times the day-0 dose (${fmt1(eq.day0Dose)} to ${fmt1(eq.dose)} mg/kg)`
  const base = `Morphine dose-response, %MPE against log dose: day 0 ED50 ${fmt1(ed50OnDay(0))} mg/kg.`
  const descriptions: Record<ToleranceStep, string> = {
    0: base,
    1: `Day 7, morphine alone: curve shifted right in parallel, ${dayFold(7)}; day 0 shown faded.`,
    2: `Day ${LAST_DAY}, morphine alone: ${dayFold(LAST_DAY)}; ${equalText}.`,
    3: `Day ${LAST_DAY}, morphine alone: ${dayFold(LAST_DAY)}; ${antagonistText}.`,
  }
  const description = summary
    ? `Day 0 and day ${LAST_DAY}: morphine alone ${dayFold(LAST_DAY)}, ${equalText}; ${antagonistText}.`
    : descriptions[s]

  return {
    step: s,
    summary,
    heading,
    curves: [day0, morphine, antagonist],
    equalEffect,
    footnote: illustrativeFootnote(),
    description,
  }
}
