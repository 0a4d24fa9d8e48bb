/**
 * Wind-up: a dorsal horn neuron's response to a train of C-fibre stimuli, the model behind
 * <WindupTrain>. Pure TypeScript (no Vue, no Slidev), so the slide, its notes and the tests
 * read the same numbers.
 *
 * The model (a teaching model, labelled so on the slide): every C-fibre volley leaves a slow
 * depolarisation that decays with a slow time constant. When the next volley comes before it
 * has gone, the neuron sits a little depolarised, the voltage-dependent Mg2+ block of the NMDA
 * receptor is partly relieved (B(V) of Jahr & Stevens 1990, shared with the Mg2+ block
 * diagram through lib/mgBlock.ts), the NMDA part of the response grows, and a larger response
 * leaves a larger depolarisation behind: each stimulus evokes more than the one before. This
 * is the mechanism Aguiar, Sousa & Lima (2010) found sufficient in a detailed model (temporal
 * summation of long NMDA responses on a cumulative depolarisation). Spike counts per stimulus
 * are not in our sources, so responses are relative to the first stimulus of the same train.
 */
import { jahrStevensUnblock, NMDA_REVERSAL_MV, PHYSIOLOGICAL_MG_MM, RESTING_POTENTIAL_MV } from './mgBlock'

/** Citation keys (references.bib) of the reports this model rests on. */
export type WindupCitationKey = 'dickenson1987' | 'aguiar2010' | 'staud2007' | 'jahr1990'

/**
 * Sixteen C-fibre stimuli at 0.5 Hz produce wind-up in deep dorsal horn neurons of the rat,
 * and the NMDA antagonist AP5 reduces it (Dickenson & Sullivan 1987 Neuropharmacology
 * 26:1235, doi:10.1016/0028-3908(87)90275-9).
 */
export const STIMULUS_COUNT = 16
export const WINDUP_RATE_HZ = 0.5
export const ANTAGONIST_NAME = 'AP5'

/**
 * A rate too low to wind up. In people, temporal summation of second pain needs repeated
 * C-fibre stimulation faster than 0.33 Hz (Staud, Robinson & Price 2007 J Pain 8:893,
 * doi:10.1016/j.jpain.2007.06.006); 0.1 Hz (one stimulus every 10 s) is well below that.
 */
export const LOW_RATE_HZ = 0.1
export const HUMAN_THRESHOLD_HZ = 0.33

/**
 * Decay time constant of the slow depolarisation each volley leaves (s): the slowest synaptic
 * decay in the wind-up model of Aguiar, Sousa & Lima 2010 (J Neurophysiol 104:1155,
 * doi:10.1152/jn.00834.2009), the NK1 (substance P) component, 3000 ms.
 */
export const SLOW_DECAY_S = 3

/**
 * Depolarisation one volley leaves at rest (mV), before it decays. Not measured in our
 * sources: chosen so the 0.5 Hz train climbs over about ten stimuli. Illustrative.
 */
export const DEPOLARISATION_PER_VOLLEY_MV = 12

/**
 * Share of the first response carried by NMDA receptors at rest. Not measured in our
 * sources; a display choice, labelled illustrative on the slide. It is larger than the one
 * measurement we cite suggests: AP5 barely changed the response to single C-fibre inputs in
 * Dickenson & Sullivan 1987, which points to a small share at rest. The chart's 16th-to-1st
 * ratios depend on this choice: they are the model's, not measurements.
 */
export const NMDA_SHARE_AT_REST = 0.5

/** The three trains the diagram compares. */
export type ConditionId = 'windup' | 'antagonist' | 'slow'

export interface Condition {
  id: ConditionId
  rateHz: number
  /** True when the NMDA receptors are blocked by an antagonist. */
  antagonist: boolean
  /** Direct label on the chart: the condition in words, never a colour alone. */
  label: string
  cite: readonly WindupCitationKey[]
}

export const CONDITIONS: readonly [Condition, Condition, Condition] = [
  {
    id: 'windup',
    rateHz: WINDUP_RATE_HZ,
    antagonist: false,
    label: `${WINDUP_RATE_HZ} Hz (every ${1 / WINDUP_RATE_HZ} s)`,
    cite: ['dickenson1987'],
  },
  {
    id: 'antagonist',
    rateHz: WINDUP_RATE_HZ,
    antagonist: true,
    label: `${WINDUP_RATE_HZ} Hz + ${ANTAGONIST_NAME} (NMDA antagonist)`,
    cite: ['dickenson1987'],
  },
  {
    id: 'slow',
    rateHz: LOW_RATE_HZ,
    antagonist: false,
    label: `${LOW_RATE_HZ} Hz (every ${1 / LOW_RATE_HZ} s)`,
    cite: ['staud2007'],
  },
]

export interface TrainOptions {
  rateHz: number
  antagonist?: boolean
  stimuli?: number
  mgMm?: number
  tauS?: number
  depolarisationMv?: number
  nmdaShare?: number
}

export interface Train {
  /** Response to each stimulus relative to the first stimulus of this train. */
  response: number[]
  /** Membrane potential (mV) when each stimulus arrives: rest plus what earlier volleys left. */
  potentialMv: number[]
  /** Fraction of NMDA channels free of Mg2+ when each stimulus arrives, B(V). */
  unblocked: number[]
}

function assertPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0))
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`)
}

/**
 * Runs the train. Stimulus n arrives at V_n = V_rest + u_n (u_0 = 0); its response is
 *   R_n = (1 - s) + s * B(V_n) / B(V_rest)          (s: NMDA share at rest; 0 with an antagonist)
 * and it leaves a depolarisation that scales with the response and with the driving force
 * towards the NMDA reversal potential (so V never passes it), decaying until the next one:
 *   u_{n+1} = (u_n + dV * R_n * (E - V_n) / (E - V_rest)) * exp(-T / tau),   T = 1 / rate.
 */
export function windupTrain(options: TrainOptions): Train {
  const {
    rateHz,
    antagonist = false,
    stimuli = STIMULUS_COUNT,
    mgMm = PHYSIOLOGICAL_MG_MM,
    tauS = SLOW_DECAY_S,
    depolarisationMv = DEPOLARISATION_PER_VOLLEY_MV,
    nmdaShare = NMDA_SHARE_AT_REST,
  } = options
  assertPositive('rateHz', rateHz)
  assertPositive('tauS', tauS)
  if (!(Number.isInteger(stimuli) && stimuli >= 1))
    throw new RangeError(`stimuli must be a whole number >= 1, got ${stimuli}`)
  if (!(nmdaShare >= 0 && nmdaShare <= 1))
    throw new RangeError(`nmdaShare must lie in 0..1, got ${nmdaShare}`)
  if (!(depolarisationMv >= 0))
    throw new RangeError(`depolarisationMv must be >= 0, got ${depolarisationMv}`)

  const rest = RESTING_POTENTIAL_MV
  const drivingAtRest = NMDA_REVERSAL_MV - rest
  const bRest = jahrStevensUnblock(rest, mgMm)
  const share = antagonist ? 0 : nmdaShare
  const carry = Math.exp(-1 / rateHz / tauS)
  const raw: number[] = []
  const potentialMv: number[] = []
  const unblocked: number[] = []
  let residual = 0
  for (let n = 0; n < stimuli; n++) {
    const v = rest + residual
    const b = jahrStevensUnblock(v, mgMm)
    // Without NMDA receptors the non-NMDA part (1 - s) is all that remains, whatever V is.
    const r = antagonist
      ? 1 - nmdaShare
      : (1 - share) + share * b / bRest
    potentialMv.push(v)
    unblocked.push(b)
    raw.push(r)
    residual = (residual + depolarisationMv * r * (NMDA_REVERSAL_MV - v) / drivingAtRest) * carry
  }
  return {
    response: raw.map(r => r / raw[0]!),
    potentialMv,
    unblocked,
  }
}

export function conditionTrain(c: Condition): Train {
  return windupTrain({ rateHz: c.rateHz, antagonist: c.antagonist })
}

/** One decimal, as the slide prints ratios ("1.9\u00D7"). */
export function fmt1(x: number): string {
  return (Math.round(x * 10) / 10).toFixed(1)
}

// ---------------------------------------------------------------------------------------------
// What the slide prints about the model

export interface WindupParameter {
  label: string
  cite: readonly WindupCitationKey[]
  illustrative: boolean
}

export const PARAMETERS: readonly WindupParameter[] = [
  {
    label: `${STIMULUS_COUNT} stimuli at ${WINDUP_RATE_HZ} Hz, ${ANTAGONIST_NAME}`,
    cite: ['dickenson1987'],
    illustrative: false,
  },
  {
    label: `no summation below ${HUMAN_THRESHOLD_HZ} Hz in people`,
    cite: ['staud2007'],
    illustrative: false,
  },
  {
    label: `slow decay \u03C4 = ${SLOW_DECAY_S} s`,
    cite: ['aguiar2010'],
    illustrative: false,
  },
  {
    label: 'Mg\u00B2\u207A block B(V), 1 mM',
    cite: ['jahr1990'],
    illustrative: false,
  },
  { label: `${DEPOLARISATION_PER_VOLLEY_MV} mV per volley`, cite: [], illustrative: true },
  { label: `NMDA ${Math.round(NMDA_SHARE_AT_REST * 100)} % of the 1st response`, cite: [], illustrative: true },
]

/** The one-line footnote the chart prints: what is not from a source. */
export function illustrativeFootnote(params: readonly WindupParameter[] = PARAMETERS): string {
  return `illustrative: ${params.filter(p => p.illustrative).map(p => p.label).join('; ')}`
}

/** The model in one line, printed on the chart so nobody reads it as a recording. */
export const MODEL_LINE = 'Model: residual depolarisation relieves the Mg\u00B2\u207A block'

// ---------------------------------------------------------------------------------------------
// Presenter steps

export const WINDUP_STEP_COUNT = 4
export type WindupStep = 0 | 1 | 2 | 3

export interface RowState extends Condition {
  train: Train
  /** Response to the last stimulus relative to the first. */
  last: number
  visible: boolean
  /** Direct label with the number: "0.5 Hz (every 2 s): 16th = 1.9\u00D7 the 1st". */
  text: string
}

export interface WindupState {
  step: WindupStep
  summary: boolean
  heading: string
  rows: readonly [RowState, RowState, RowState]
  footnote: string
  description: string
}

/** Presenter click count -> step; out of range is clamped, NaN is step 0. */
export function clampWindupStep(step: number): WindupStep {
  if (!Number.isFinite(step)) {
    return step === Infinity
      ? 3
      : 0
  }
  return Math.min(3, Math.max(0, Math.floor(step))) as WindupStep
}

function rowSentence(r: RowState): string {
  const trend = r.last >= 1.1
    ? 'climbs with each stimulus'
    : 'stays flat'
  return `${r.label}: the response ${trend}, the ${STIMULUS_COUNT}th ${fmt1(r.last)} times the 1st.`
}

/**
 * The diagram state for presenter step 0..3 (3 trains revealed one per click), or the printed
 * summary (all three at once).
 */
export function windupState(step: number, options: { summary?: boolean } = {}): WindupState {
  const summary = options.summary === true
  const s: WindupStep = summary
    ? 3
    : clampWindupStep(step)
  const rows = CONDITIONS.map((c, i) => {
    const train = conditionTrain(c)
    const last = train.response[train.response.length - 1]!
    return {
      ...c,
      train,
      last,
      visible: summary || s >= i + 1,
      text: `${c.label}: ${STIMULUS_COUNT}th = ${fmt1(last)}\u00D7 the 1st`,
    }
  }) as unknown as [RowState, RowState, RowState]
  const headings: Record<WindupStep, string> = {
    0: `${STIMULUS_COUNT} C-fibre stimuli to a dorsal horn neuron`,
    1: `${WINDUP_RATE_HZ} Hz: the response winds up`,
    2: `${WINDUP_RATE_HZ} Hz + NMDA antagonist: no wind-up`,
    3: `${LOW_RATE_HZ} Hz: too slow to wind up`,
  }
  const heading = summary
    ? `Wind-up at ${WINDUP_RATE_HZ} Hz, not with ${ANTAGONIST_NAME} or at ${LOW_RATE_HZ} Hz`
    : headings[s]
  const intro = `Action potentials per stimulus of a dorsal horn neuron during ${STIMULUS_COUNT} C-fibre stimuli, relative to the 1st stimulus. ${MODEL_LINE}.`
  const shown = rows.filter(r => r.visible)
  const description = shown.length
    ? `${intro} ${shown.map(rowSentence).join(' ')}`
    : `${intro} The train has not started.`
  return {
    step: s,
    summary,
    heading,
    rows,
    footnote: illustrativeFootnote(),
    description,
  }
}
