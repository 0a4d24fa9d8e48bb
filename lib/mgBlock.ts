/**
 * The voltage-dependent Mg2+ block of the NMDA receptor, as the lecture teaches it.
 *
 * Source of the model: Jahr CE & Stevens CF (1990) "Voltage dependence of NMDA-activated
 * macroscopic conductances predicted by single-channel kinetics", J Neurosci 10(9):3178-3182,
 * doi:10.1523/JNEUROSCI.10-09-03178.1990. The constants 3.57 mM and 0.062 /mV are the ones
 * every public model file attributes to that paper (ModelDB 150239 exp2synNMDA.mod, BrainPy
 * MgBlock); references.bib key `jahr1990`. The abstract does not print the constants, so they
 * are quoted as "the Jahr & Stevens fit", never as a measurement of ours.
 *
 * Pure TypeScript: no Vue, no Slidev. Everything the MgBlockChannel diagram shows or animates
 * is computed here, so the unit tests can check it against the published equation.
 */

/** Kd of the pore site for Mg2+ at 0 mV (Jahr & Stevens 1990 fit, `jahr1990`). */
const MG_KD_AT_0_MV_MM = 3.57
/**
 * Voltage dependence of Kd, z*delta*F/RT in /mV (Jahr & Stevens 1990 fit, `jahr1990`).
 * It places the Mg2+ site ~80 % into the field, as Sharma & Stevens (1996) PNAS 93:14170 found
 * (`sharma1996`).
 */
const MG_VOLTAGE_COEFFICIENT_PER_MV = 0.062
/**
 * Reversal potential of the NMDA current, ~0 mV for a nonselective cation channel; 0 mV is the
 * default of the model files that carry the Jahr & Stevens fit (`jahr1990`).
 */
export const NMDA_REVERSAL_MV = 0
/**
 * Extracellular Mg2+ the lecture calls physiological: 1 mM, the default of ModelDB 150239 and
 * within mouse CSF values 0.89-1.00 mM (Magnes Res 2009;22:266).
 */
export const PHYSIOLOGICAL_MG_MM = 1
/**
 * A neuron at rest, the potential of the lecture's "blocked at rest" statement. Typical resting
 * potential, a teaching value (the block numbers at this V come from the J&S function).
 */
export const RESTING_POTENTIAL_MV = -70
/**
 * The depolarised potential of step 3. Why -20 mV and not 0 mV: with Erev = 0 mV the current at
 * 0 mV is zero, so no ion would move in step 4 although the pore is 78 % unblocked. At -20 mV the
 * pore is half unblocked (V1/2 = -20.5 mV at 1 mM) and the inward current is 94 % of its
 * negative-slope peak (-27 mV), i.e. close to the largest Ca2+/Na+ influx the model allows.
 */
const DEPOLARISED_POTENTIAL_MV = -20
/**
 * Range of the interactive controls: wide enough to show the whole negative-slope region and
 * the reversal of the current; [Mg]o 0 (Mg-free) to 2 mM, around the physiological 1 mM.
 */
export const POTENTIAL_RANGE_MV = { min: -100, max: 40 } as const
export const MG_RANGE_MM = { min: 0, max: 2 } as const

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number, got ${value}`)
}

/**
 * Fraction of NMDA receptor channels NOT blocked by Mg2+ (0..1) at membrane potential `vMv`
 * (mV) and extracellular Mg2+ `mgMm` (mM):
 *   B(V, [Mg]o) = 1 / (1 + [Mg]o / 3.57 mM * exp(-0.062 /mV * V))   (Jahr & Stevens 1990)
 */
export function jahrStevensUnblock(vMv: number, mgMm: number): number {
  assertFinite('membrane potential (mV)', vMv)
  assertFinite('[Mg2+]o (mM)', mgMm)
  if (mgMm < 0)
    throw new RangeError(`[Mg2+]o must be >= 0 mM, got ${mgMm}`)
  return 1 / (1 + (mgMm / MG_KD_AT_0_MV_MM) * Math.exp(-MG_VOLTAGE_COEFFICIENT_PER_MV * vMv))
}

interface CurrentOptions {
  /** Maximal conductance times open probability, arbitrary units (default 1). */
  conductance?: number
  /** Reversal potential in mV (default NMDA_REVERSAL_MV = 0). */
  reversalMv?: number
}

/**
 * NMDA current I = g * B(V, [Mg]o) * (V - Erev), with B from `jahr1990`. Negative = inward
 * (cations entering the cell), in units of conductance * mV.
 */
export function nmdaCurrent(vMv: number, mgMm: number, options: CurrentOptions = {}): number {
  const g = options.conductance ?? 1
  const eRev = options.reversalMv ?? NMDA_REVERSAL_MV
  return g * jahrStevensUnblock(vMv, mgMm) * (vMv - eRev)
}

/**
 * Potential at which half the channels are unblocked: V1/2 = ln([Mg]o / 3.57 mM) / 0.062 /mV,
 * obtained by setting B = 1/2 in the Jahr & Stevens function. -20.5 mV at 1 mM.
 * Returns -Infinity without Mg2+ (nothing to unblock).
 */
export function halfUnblockPotential(mgMm: number): number {
  assertFinite('[Mg2+]o (mM)', mgMm)
  if (mgMm < 0)
    throw new RangeError(`[Mg2+]o must be >= 0 mM, got ${mgMm}`)
  if (mgMm === 0)
    return Number.NEGATIVE_INFINITY
  return Math.log(mgMm / MG_KD_AT_0_MV_MM) / MG_VOLTAGE_COEFFICIENT_PER_MV
}

export interface IvPoint { vMv: number, current: number }

/** Samples of the I-V curve (Erev = 0, g = 1) from `fromMv` to `toMv` inclusive. */
export function ivCurve(
  mgMm: number,
  fromMv: number = POTENTIAL_RANGE_MV.min,
  toMv: number = POTENTIAL_RANGE_MV.max,
  stepMv = 2,
): IvPoint[] {
  if (!(stepMv > 0))
    throw new RangeError(`stepMv must be > 0, got ${stepMv}`)
  if (!(toMv > fromMv))
    throw new RangeError(`toMv (${toMv}) must be above fromMv (${fromMv})`)
  const points: IvPoint[] = []
  const n = Math.round((toMv - fromMv) / stepMv)
  for (let i = 0; i <= n; i++) {
    const vMv = Math.min(toMv, fromMv + i * stepMv)
    points.push({
      vMv,
      current: nmdaCurrent(vMv, mgMm),
    })
  }
  return points
}

/**
 * Most inward current of the I-V curve within [fromMv, toMv] (Erev = 0, g = 1).
 *
 * With Mg2+ the curve has a negative-slope region: below the peak, dI/dV < 0. Setting
 * dI/dV = B + V dB/dV = 0 with dB/dV = 0.062 * B * (1 - B) gives 1 + 0.062 * V * (1 - B(V)) = 0,
 * solved here by bisection (the left side rises monotonically on V < 0). -27.0 mV at 1 mM,
 * as the equation gives (tests/unit/mgBlock.test.ts computes it independently). Without Mg2+ the curve is linear and the most inward point is
 * the left end of the range; `negativeSlope` then is false.
 */
export function peakInwardCurrent(
  mgMm: number,
  fromMv: number = POTENTIAL_RANGE_MV.min,
  toMv: number = POTENTIAL_RANGE_MV.max,
): { vMv: number, current: number, negativeSlope: boolean } {
  const k = MG_VOLTAGE_COEFFICIENT_PER_MV
  const slopeSign = (v: number) => 1 + k * v * (1 - jahrStevensUnblock(v, mgMm))
  const hi0 = Math.min(toMv, NMDA_REVERSAL_MV)
  if (mgMm > 0 && slopeSign(fromMv) < 0 && slopeSign(hi0) > 0) {
    let lo = fromMv
    let hi = hi0
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2
      if (slopeSign(mid) < 0)
        lo = mid
      else
        hi = mid
    }
    const vMv = (lo + hi) / 2
    return {
      vMv,
      current: nmdaCurrent(vMv, mgMm),
      negativeSlope: true,
    }
  }
  return {
    vMv: fromMv,
    current: nmdaCurrent(fromMv, mgMm),
    negativeSlope: false,
  }
}

/** The whole-range negative-slope peak at a given [Mg]o (wide search window). */
export function negativeSlopePeak(mgMm: number): { vMv: number, current: number } | undefined {
  const peak = peakInwardCurrent(mgMm, -400, NMDA_REVERSAL_MV)
  return peak.negativeSlope
    ? { vMv: peak.vMv, current: peak.current }
    : undefined
}

/**
 * Current at (V, [Mg]o) as a signed fraction of the most inward current of the I-V curve at
 * that [Mg]o over the control range (-100..+40 mV). -1 = the peak inward current; 0.29 of the peak
 * at -70 mV with 1 mM (from the equation). Positive values are outward currents.
 */
function currentRelativeToPeak(vMv: number, mgMm: number): number {
  const peak = peakInwardCurrent(mgMm)
  return nmdaCurrent(vMv, mgMm) / Math.abs(peak.current)
}

// ---------------------------------------------------------------------------------------------
// Presenter steps

export const STEP_COUNT = 5
type MgBlockStep = 0 | 1 | 2 | 3 | 4

/**
 * Ion glyphs crossing the drawn pore per second at the largest inward current the diagram
 * shows (1 mM Mg, at the negative-slope peak). A drawing constant, not a physiological rate
 * (a real channel passes ~10^7 ions/s); the physiology is in the ratio to that peak.
 */
const GLYPHS_PER_SECOND_AT_PEAK = 3
/**
 * How the glyphs are shared out. Pedagogical, not measured: Ca2+ carries only ~10-15 % of the
 * NMDA current (Burnashev et al. 1995 via Zhu & Auerbach 2001 JGP 117:275),
 * but the lecture's point is that Ca2+ gets in at all, so it is drawn more often than its
 * share; K+ leaves, fewer, because the current is net inward below Erev = 0 mV.
 */
const GLYPH_SHARE = { na: 0.5, ca: 0.3, k: 0.2 } as const
/** Glyph rates follow |I| up to this multiple of the 1 mM peak (drawing constant). */
const GLYPH_RATE_CAP = 2

export interface IonFlux {
  /** Glyphs per second through the drawn pore, by species (0 when the pore is plugged). */
  naIn: number
  caIn: number
  kOut: number
  /** |I| / |I at the 1 mM negative-slope peak|, 0..~1.3; drives arrow widths in reduced motion. */
  relativeMagnitude: number
  /** Inward (V < Erev), outward (V > Erev) or none. */
  direction: 'inward' | 'outward' | 'none'
  /** The glyph rate hit GLYPH_RATE_CAP: the drawing understates the current. */
  saturated: boolean
}

/**
 * Glyph rates through the drawn pore. Scaled by the model current so that the picture and the
 * readout agree: zero at Erev, largest near the negative-slope peak. With `plugged` (the drawn
 * channel shows Mg2+ in the pore, or is closed) nothing crosses.
 */
function ionFlux(vMv: number, mgMm: number, openFraction: number): IonFlux {
  const reference = Math.abs(peakInwardCurrent(PHYSIOLOGICAL_MG_MM).current)
  const current = nmdaCurrent(vMv, mgMm) * openFraction
  const relativeMagnitude = Math.abs(current) / reference
  const direction: IonFlux['direction'] = relativeMagnitude < 1e-3
    ? 'none'
    : current < 0
      ? 'inward'
      : 'outward'
  // Mg-free at -100 mV the current is 9x the 1 mM peak: the glyph rate follows the current up to
  // twice the peak and is then held, so the pore does not turn into a solid stream. The readout
  // always gives the true number; `saturated` lets the view say that the drawing is capped.
  const rate = direction === 'none'
    ? 0
    : GLYPHS_PER_SECOND_AT_PEAK * Math.min(relativeMagnitude, GLYPH_RATE_CAP)
  const saturated = relativeMagnitude > GLYPH_RATE_CAP
  if (direction === 'outward') {
    // Above Erev the net current is outward: K+ dominates the glyphs, Na+/Ca2+ barely enter.
    return {
      naIn: 0,
      caIn: 0,
      kOut: rate,
      relativeMagnitude,
      direction,
      saturated,
    }
  }
  return {
    naIn: rate * GLYPH_SHARE.na,
    caIn: rate * GLYPH_SHARE.ca,
    kOut: rate * GLYPH_SHARE.k,
    relativeMagnitude,
    direction,
    saturated,
  }
}

export interface ChannelState {
  step: MgBlockStep
  glutamateBound: boolean
  glycineBound: boolean
  /** Both co-agonists bound: the gate is open (glutamate and glycine are both required). */
  open: boolean
  /** The drawn channel shows Mg2+ sitting in the pore. */
  mgInPore: boolean
  /** Opacity-like occupancy of the drawn Mg2+ (1 - B) for the interactive view. */
  mgOccupancy: number
  vMv: number
  mgMm: number
  /** B(V, [Mg]o) from the Jahr & Stevens function, 0..1. */
  unblocked: number
  /** Current as a signed fraction of the peak inward current at this [Mg]o (0 when closed). */
  currentRelPeak: number
  /** Half-unblock potential at this [Mg]o, mV (-Infinity at 0 mM). */
  halfUnblockMv: number
  /** Potential of the most inward current at this [Mg]o in the control range. */
  peakMv: number
  flux: IonFlux
  /** Step 4: point at what Ca2+ triggers next. */
  showCalciumTarget: boolean
}

const NO_FLUX: IonFlux = {
  naIn: 0,
  caIn: 0,
  kOut: 0,
  relativeMagnitude: 0,
  direction: 'none',
  saturated: false,
}

/** Clamps any click count (Slidev may pass 0..clicks or undefined) to a valid step. */
export function toStep(clicks: unknown): MgBlockStep {
  const n = typeof clicks === 'number'
    ? clicks
    : Number(clicks)
  if (!Number.isFinite(n))
    return 0
  return Math.max(0, Math.min(STEP_COUNT - 1, Math.floor(n))) as MgBlockStep
}

/**
 * State of a channel at an arbitrary potential and [Mg]o with both co-agonists bound: the
 * interactive view, and the two frames of the print summary.
 */
export function openChannelState(vMv: number, mgMm: number, step: MgBlockStep = 4): ChannelState {
  const unblocked = jahrStevensUnblock(vMv, mgMm)
  const peak = peakInwardCurrent(mgMm)
  return {
    step,
    glutamateBound: true,
    glycineBound: true,
    open: true,
    mgInPore: mgMm > 0 && unblocked < 0.5,
    mgOccupancy: mgMm > 0
      ? 1 - unblocked
      : 0,
    vMv,
    mgMm,
    unblocked,
    currentRelPeak: currentRelativeToPeak(vMv, mgMm),
    halfUnblockMv: halfUnblockPotential(mgMm),
    peakMv: peak.vMv,
    // In the interactive view the drawn pore stands for the population: glyphs flow at the
    // model rate, which already includes the blocked fraction through B.
    flux: ionFlux(vMv, mgMm, 1),
    showCalciumTarget: false,
  }
}

/**
 * The presenter's five steps at physiological [Mg]o (1 mM):
 * 0 rest (-70 mV, no agonist, closed, Mg2+ outside); 1 glutamate binds GluN2B;
 * 2 glycine binds GluN1, the gate opens and Mg2+ enters and plugs the pore (B = 4.5 %);
 * 3 depolarisation to -20 mV expels Mg2+ (B = 51 %); 4 Na+ and Ca2+ flow in, K+ out,
 * Ca2+ points on to central sensitization.
 * Steps 3 and 4 are one moment in a neuron (unblock takes ~0.1 ms, Kampa et al. 2004
 * J Physiol 556:337): they are separated so the lecturer can name each event.
 */
export function channelStateAtStep(stepLike: unknown, mgMm: number = PHYSIOLOGICAL_MG_MM): ChannelState {
  const step = toStep(stepLike)
  const depolarised = step >= 3
  const vMv = depolarised ? DEPOLARISED_POTENTIAL_MV : RESTING_POTENTIAL_MV
  const glutamateBound = step >= 1
  const glycineBound = step >= 2
  const open = glutamateBound && glycineBound
  const unblocked = jahrStevensUnblock(vMv, mgMm)
  const peak = peakInwardCurrent(mgMm)
  return {
    step,
    glutamateBound,
    glycineBound,
    open,
    // Mg2+ blocks the open channel: it reaches its site only once the gate has opened
    // (nowak1984; ascher1988), so a closed channel is drawn with it waiting outside.
    mgInPore: open && !depolarised,
    mgOccupancy: open && !depolarised
      ? 1
      : 0,
    vMv,
    mgMm,
    unblocked,
    // A closed channel carries no current whatever its block.
    currentRelPeak: open
      ? currentRelativeToPeak(vMv, mgMm)
      : 0,
    halfUnblockMv: halfUnblockPotential(mgMm),
    peakMv: peak.vMv,
    // The drawn channel is one channel: plugged (steps 0-2) it passes nothing; the readout gives
    // the population numbers. Glyphs start at step 4, when the lecturer talks about the influx.
    flux: step === 4
      ? ionFlux(vMv, mgMm, 1)
      : NO_FLUX,
    showCalciumTarget: step === 4,
  }
}

/**
 * Where the drawn Mg2+ is, 0 in the pore .. 1 outside: outside a closed channel, which it
 * cannot enter (an open-channel blocker: nowak1984, ascher1988), and in an open one where the
 * model's block puts it (`mgExpulsion`).
 */
export function drawnMgOut(state: ChannelState): number {
  return state.open
    ? mgExpulsion(state.vMv, state.mgMm)
    : 1
}

/**
 * How far the drawn Mg2+ is on its way out (0 in the pore .. 1 expelled) while the membrane is
 * depolarised from rest to DEPOLARISED_POTENTIAL_MV (step 4): the unblocked fraction B(V) of
 * the Jahr & Stevens function (`jahr1990`), rescaled so that rest is 0 and the end is 1. The
 * ion leaves as the model says the block lifts: slowly at first, fastest near V1/2.
 */
export function mgExpulsion(vMv: number, mgMm: number = PHYSIOLOGICAL_MG_MM): number {
  const b0 = jahrStevensUnblock(RESTING_POTENTIAL_MV, mgMm)
  const b1 = jahrStevensUnblock(DEPOLARISED_POTENTIAL_MV, mgMm)
  if (b1 === b0) {
    return vMv >= DEPOLARISED_POTENTIAL_MV
      ? 1
      : 0
  }
  return Math.min(1, Math.max(0, (jahrStevensUnblock(vMv, mgMm) - b0) / (b1 - b0)))
}

/** The potential at fraction t (0..1) of the depolarisation sweep of step 4, rest to -20 mV. */
export function sweepPotential(t: number): number {
  const u = Math.min(1, Math.max(0, t))
  return RESTING_POTENTIAL_MV + (DEPOLARISED_POTENTIAL_MV - RESTING_POTENTIAL_MV) * u
}

/**
 * The channel part way through that sweep (t = 0 at rest, 1 at -20 mV): step 4's state with the
 * potential, block, current and Mg2+ position of the model at that moment. t = 1 is step 4.
 */
export function sweepState(t: number, mgMm: number = PHYSIOLOGICAL_MG_MM): ChannelState {
  const vMv = sweepPotential(t)
  const out = mgExpulsion(vMv, mgMm)
  return {
    ...channelStateAtStep(3, mgMm),
    vMv,
    unblocked: jahrStevensUnblock(vMv, mgMm),
    currentRelPeak: currentRelativeToPeak(vMv, mgMm),
    mgInPore: out < 0.5,
    mgOccupancy: 1 - out,
  }
}

// ---------------------------------------------------------------------------------------------
// Words and numbers for people

/** "4.5 %" with one decimal below 10 %, none above: the precision the model deserves. */
export function formatPercent(fraction: number): string {
  const p = fraction * 100
  const digits = Math.abs(p) < 9.95
    ? 1
    : 0
  return `${p.toFixed(digits)} %`
}

/** "-70 mV" with a true minus sign (screen readers say "minus"); "+20 mV" above zero. */
export function formatMillivolts(vMv: number, digits = 0): string {
  // No half-unblock potential without Mg2+ (-Infinity): the readout's [Mg2+]o says why.
  if (!Number.isFinite(vMv))
    return 'none'
  const rounded = Number(vMv.toFixed(digits))
  const sign = rounded < 0
    ? '\u2212'
    : rounded > 0
      ? '+'
      : ''
  return `${sign}${Math.abs(rounded).toFixed(digits)} mV`
}

export function formatMillimolar(mgMm: number): string {
  return `${mgMm.toFixed(1)} mM`
}

/** Current in words: "inward, 29 % of peak" / "outward, 2.5× peak" / "no current". */
export function describeCurrent(currentRelPeak: number): string {
  if (Math.abs(currentRelPeak) < 0.0005)
    return 'no current'
  const size = Math.abs(currentRelPeak)
  // Above 100 % (outward currents, or Mg-free at strong hyperpolarisation) a multiple reads
  // better; as short as the percentage, so that Try it's readout keeps its two lines.
  const amount = size > 1.005
    ? `${size.toFixed(1)}\u00D7 peak`
    : `${formatPercent(size)} of peak`
  return `${currentRelPeak < 0
    ? 'inward'
    : 'outward'}, ${amount}`
}

/**
 * The accessible name of one presenter step: the slide's caption for it (its wording, passed in)
 * and the model's numbers.
 */
export function describeStep(state: ChannelState, caption: string): string {
  const head = `Step ${state.step + 1} of ${STEP_COUNT}${caption
    ? `: ${caption}`
    : ''}`
  const current = state.open
    ? `, current ${describeCurrent(state.currentRelPeak)}`
    : ''
  return `${head}; ${formatPercent(state.unblocked)} unblocked at ${formatMillivolts(state.vMv)}${current}.`
}

/** The accessible name of the interactive view. */
export function describeOperatingPoint(state: ChannelState): string {
  const mg = state.mgMm === 0
    ? 'no Mg2+ outside'
    : `${formatMillimolar(state.mgMm)} Mg2+ outside`
  const half = state.mgMm === 0
    ? 'no block to relieve'
    : `half unblocked at ${formatMillivolts(state.halfUnblockMv, 1)}`
  return `NMDA receptor at ${formatMillivolts(state.vMv)} with ${mg}: ${formatPercent(state.unblocked)} unblocked, current ${describeCurrent(state.currentRelPeak)}; ${half}.`
}
