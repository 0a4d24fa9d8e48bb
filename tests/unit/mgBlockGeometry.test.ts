import type { MgWording, Scene, SceneItem } from '../../lib/mgBlockGeometry'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { channelStateAtStep, drawnMgOut, ivCurve, mgExpulsion, negativeSlopePeak, nmdaCurrent, openChannelState, sweepState } from '../../lib/mgBlock'
import {
  collisions,
  DEFAULT_LABELS,
  flowPath,
  ION_RADIUS,
  ION_SPACING,
  IonLane,
  itemBox,
  IV_FRAME,
  ivPath,
  LABEL_SIZE,
  laneKind,
  laneOpacity,
  lerp,
  operatingPoint,
  pathLength,
  plotX,
  plotY,
  pointAt,
  queueDistances,
  RECEPTOR,
  STEPS_SCENE,
  stepsScene,
  summaryScene,
  textWidth,
  tickLabel,
  TRY_IT_SCENE,
  tryItScene,
  voltageTicks,
} from '../../lib/mgBlockGeometry'

// Two sets of words: this deck's, and a fork's longer ones. The layout must hold for both, so
// no test here depends on the lecture's wording.
function wording(names: [string[], string[]], target: string[]): MgWording {
  return {
    subunits: names,
    ...DEFAULT_LABELS,
    target,
    summaryTitles: ['Agonists bound: Mg²⁺ blocks', 'Depolarised: block relieved'],
    legend: ['◆ glycine on GluN1, ▲ glutamate on GluN2B'],
  }
}
const WORDINGS = {
  deck: wording([
    ['GluN1', '(NR1)'],
    ['GluN2B', '(NR2B)'],
  ], ['Ca²⁺ → phosphorylation,', 'gene transcription', '→ central sensitization']),
  fork: wording([
    ['NR1'],
    ['GluN2-X', '(NR2X)'],
  ], ['Ca²⁺ → kinases,', '→ sensitization']),
}

/** The first step, at rest, in this deck's words, drawn still. */
function restingScene(): Scene {
  return stepsScene(channelStateAtStep(0), WORDINGS.deck, {
    vMv: -70,
    mgExpelled: 0,
    flowing: false,
    staticArrows: true,
  })
}

function withItems(scene: Scene, extra: SceneItem[]): Scene {
  return {
    ...scene,
    items: [
      ...scene.items,
      ...extra,
    ],
  }
}

describe('the collision check itself', () => {
  it('finds text on text, text on an ion, and an ion on a shape it is not inside', () => {
    const scene = restingScene()
    const outside = scene.items.find(i => i.id === 'outside')!
    expect(collisions(withItems(scene, [
      { ...outside, id: 'copy' } as SceneItem,
    ]))).toContain('outside overlaps copy')
    const name = scene.items.find(i => i.id === 'name1-0')!
    const onName = {
      kind: 'ion',
      id: 'stray',
      ion: 'na',
      x: (name as { x: number }).x,
      y: RECEPTOR.nameY,
    } as SceneItem
    expect(collisions(withItems(scene, [onName])).join('\n')).toMatch(/stray/)
    const offScene = {
      kind: 'ion',
      id: 'lost',
      ion: 'ca',
      x: STEPS_SCENE.width,
      y: 300,
    } as SceneItem
    expect(collisions(withItems(scene, [offScene]))).toContain(`lost leaves the ${STEPS_SCENE.width}x${STEPS_SCENE.height} scene`)
  })

  it('estimates a wider box for a longer or bolder label', () => {
    expect(textWidth('GluN2B', 'bold')).toBeGreaterThan(textWidth('GluN2B'))
    expect(textWidth('Ca²⁺ → phosphorylation,')).toBeGreaterThan(textWidth('Ca²⁺'))
  })
})

describe.each(Object.entries(WORDINGS))('no collisions, with the %s wording', (_, w) => {
  it.each([0, 1, 2, 3, 4])('steps view, step %i: on screen, in print and with reduced motion', (step) => {
    const s = channelStateAtStep(step)
    for (const still of [true, false]) {
      const scene = stepsScene(s, w, {
        vMv: s.vMv,
        mgExpelled: drawnMgOut(s),
        flowing: !still && s.flux.direction !== 'none',
        staticArrows: still,
      })
      expect(collisions(scene), `step ${step}, ${still ? 'still' : 'moving'}`).toEqual([])
    }
  })

  it('while the agonists move in (steps 2 and 3) and the Mg2+ enters the opened pore (step 3), every frame', () => {
    for (const step of [1, 2]) {
      const s = channelStateAtStep(step)
      for (let t = 0; t <= 1; t += 0.05) {
        // The Mg2+ moves from outside into the pore as the channel it blocks opens.
        const scene = stepsScene(s, w, {
          vMv: s.vMv,
          mgExpelled: s.open
            ? 1 - t
            : drawnMgOut(s),
          flowing: false,
          staticArrows: false,
        })
        for (const ligand of scene.items.filter(i => i.kind === 'ligand')) {
          const at = {
            ...ligand,
            ...lerp(ligand.from, ligand, t),
            id: `${ligand.id}@${t.toFixed(2)}`,
          }
          const others = scene.items.filter(i => i !== ligand && !(i.kind === 'rect' && i.id.endsWith('-site')))
          expect(collisions({
            ...scene,
            items: [...others, at],
          }), `step ${step}, t ${t.toFixed(2)}`).toEqual([])
        }
      }
    }
  })

  it('while the potential sweeps and the Mg2+ leaves (step 4), every frame', () => {
    for (let t = 0; t <= 1; t += 0.02) {
      const s = sweepState(t)
      const scene = stepsScene(s, w, {
        vMv: s.vMv,
        mgExpelled: mgExpulsion(s.vMv),
        flowing: false,
        staticArrows: false,
      })
      expect(collisions(scene), `t ${t.toFixed(2)}`).toEqual([])
    }
  })

  it('while the ions flow (step 5): every ion in the lane, at any moment, clear of labels and of each other', () => {
    const s = channelStateAtStep(4)
    const scene = stepsScene(s, w, {
      vMv: s.vMv,
      mgExpelled: 1,
      flowing: true,
      staticArrows: false,
    })
    const lane = flowPath(STEPS_SCENE.cx, STEPS_SCENE.width, STEPS_SCENE.height, 'inward')
    const L = pathLength(lane)
    for (let offset = 0; offset < ION_SPACING; offset += 4) {
      // The densest the lane gets: one ion every ION_SPACING, all of them on screen.
      const ions: SceneItem[] = []
      for (let d = offset; d < L; d += ION_SPACING) {
        const p = pointAt(lane, d)
        const r = ION_RADIUS.ca
        if (p.x + r <= STEPS_SCENE.width && p.y + r <= STEPS_SCENE.height) {
          ions.push({
            kind: 'ion',
            id: `moving@${d}`,
            ion: 'ca',
            ...p,
          })
        }
      }
      expect(collisions(withItems(scene, ions)), `offset ${offset}`).toEqual([])
    }
  })

  it('try-it view over the whole range of both controls', () => {
    for (let v = -100; v <= 40; v += 10) {
      for (const mg of [0, 0.5, 1, 2]) {
        const s = openChannelState(v, mg)
        for (const still of [true, false])
          expect(collisions(tryItScene(s, w, { flowing: !still, staticArrows: still })), `${v} mV, ${mg} mM`).toEqual([])
      }
    }
  })

  it('print summary', () => {
    expect(collisions(summaryScene(channelStateAtStep(2), channelStateAtStep(4), w))).toEqual([])
  })

  // In print "Na⁺, Ca²⁺ in" sat on the panel's numbers, the arrow's head against them: touching
  // is no collision, but it read as one line. Lines are not in collisions(), so the head too.
  it('print summary: the flux label and the arrow\'s head stand clear of the numbers under them', () => {
    const scene = summaryScene(channelStateAtStep(2), channelStateAtStep(4), w)
    const byId = new Map(scene.items.map(i => [i.id, i]))
    const vm = itemBox(byId.get('p1-vm')!)
    const flux = itemBox(byId.get('p1-flux')!)
    expect(vm.y - (flux.y + flux.h), 'gap under the flux label').toBeGreaterThanOrEqual(4)
    const arrow = byId.get('p1-arrow')!
    expect(arrow.kind).toBe('line')
    if (arrow.kind === 'line') {
      // The marker (markerWidth 3, centred on the end) reaches 1.5 stroke widths past it.
      const tip = Math.max(arrow.y1, arrow.y2) + 1.5 * arrow.width
      expect(vm.y - tip, 'gap under the arrow\'s head').toBeGreaterThanOrEqual(4)
    }
  })
})

describe('the drawing rules of issue #16', () => {
  const w = WORDINGS.deck
  it('ions fit the pore single file: the widest ion clears both walls', () => {
    expect(2 * Math.max(...Object.values(ION_RADIUS))).toBeLessThan(2 * RECEPTOR.poreHalfWidth)
  })

  it('every ion symbol fits inside its circle at the label size', () => {
    for (const [ion, symbol] of [
      ['na', 'Na⁺'],
      ['ca', 'Ca²⁺'],
      ['k', 'K⁺'],
      ['mg', 'Mg²⁺'],
    ] as const)
      expect(textWidth(symbol, 'bold'), symbol).toBeLessThanOrEqual(2 * ION_RADIUS[ion] - 4)
  })

  it('no lipid in the pore: the membrane stops at the subunits', () => {
    for (const scene of [
      stepsScene(channelStateAtStep(0), w, {
        vMv: -70,
        mgExpelled: 0,
        flowing: false,
        staticArrows: true,
      }),
      tryItScene(openChannelState(-70, 1), w, { flowing: false, staticArrows: true }),
    ]) {
      const cx = scene.width === STEPS_SCENE.width
        ? STEPS_SCENE.cx
        : TRY_IT_SCENE.cx
      for (const m of scene.membrane)
        expect(m.x + m.w <= cx - RECEPTOR.poreHalfWidth || m.x >= cx + RECEPTOR.poreHalfWidth).toBe(true)
    }
  })

  it('the expelled Mg2+ is clear of the subunit names', () => {
    const scene = stepsScene(channelStateAtStep(4), w, {
      vMv: -20,
      mgExpelled: 1,
      flowing: false,
      staticArrows: true,
    })
    const mg = itemBox(scene.items.find(i => i.id === 'mg')!)
    for (const name of scene.items.filter(i => i.id.startsWith('name')))
      expect(mg.y + mg.h).toBeLessThan(itemBox(name).y)
  })

  it('labels are drawn at the label size', () => {
    expect(LABEL_SIZE).toBeGreaterThanOrEqual(15)
  })
})

describe('the Mg2+ leaves as the model unblocks', () => {
  it('is in the pore at rest, out at -20 mV, and half way near the potential where B is half way', () => {
    expect(mgExpulsion(-70)).toBe(0)
    expect(mgExpulsion(-20)).toBe(1)
    const mid = sweepState(0.5)
    expect(mgExpulsion(mid.vMv)).toBeGreaterThan(0)
    expect(mgExpulsion(mid.vMv)).toBeLessThan(1)
    // B(V) is steep near V1/2: the second half of the sweep moves the ion more than the first.
    expect(mgExpulsion(sweepState(1).vMv) - mgExpulsion(mid.vMv)).toBeGreaterThan(mgExpulsion(mid.vMv))
  })
})

describe('ion lane', () => {
  const lane = flowPath(STEPS_SCENE.cx, STEPS_SCENE.width, STEPS_SCENE.height, 'inward')
  it('comes in from outside, down the pore, into the cell; outward is the reverse', () => {
    expect(lane[0]!.y).toBeLessThan(RECEPTOR.membraneTop)
    expect(lane[lane.length - 1]!.y).toBeGreaterThan(STEPS_SCENE.height)
    expect(pointAt(lane, pathLength(lane) - (STEPS_SCENE.height + 24 - RECEPTOR.mgPoreY)).x).toBeCloseTo(STEPS_SCENE.cx, 9)
    expect(flowPath(STEPS_SCENE.cx, STEPS_SCENE.width, STEPS_SCENE.height, 'outward')[0]).toEqual(lane[lane.length - 1])
  })

  it('keeps its ions single file: never closer than ION_SPACING, at any rate', () => {
    const l = new IonLane(pathLength(lane), 40)
    l.seed(queueDistances(STEPS_SCENE.cx, STEPS_SCENE.width), n => laneKind(n, 0.34))
    for (let f = 0; f < 600; f++) {
      l.step(16, 50, n => laneKind(n, 0.34))
      const s = l.ions.map(i => i.s).sort((a, b) => a - b)
      for (let i = 1; i < s.length; i++)
        expect(s[i]! - s[i - 1]!).toBeGreaterThanOrEqual(ION_SPACING - 1e-9)
    }
    expect(l.ions.length).toBeGreaterThan(3)
  })

  it('starts with the ions drawn waiting outside, and sends none at zero rate once they are in', () => {
    const l = new IonLane(pathLength(lane), 40)
    const waiting = queueDistances(STEPS_SCENE.cx, STEPS_SCENE.width)
    l.seed(waiting, n => laneKind(n, 0.34))
    expect(l.ions.map(i => i.s)).toEqual(waiting)
    for (let f = 0; f < 400; f++)
      l.step(16, 0, () => 'na')
    expect(l.ions).toHaveLength(0)
  })

  // The audience saw half an ion cut off at the drawing's edge, against the Try-it sliders.
  it('shows an ion only wholly inside the drawing, and the waiting ones whole and opaque', () => {
    for (const scene of [STEPS_SCENE, TRY_IT_SCENE]) {
      for (const direction of ['inward', 'outward'] as const) {
        const path = flowPath(scene.cx, scene.width, scene.height, direction)
        const length = pathLength(path)
        let seen = 0
        for (let s = 0; s <= length; s += 2) {
          const p = pointAt(path, s)
          const r = ION_RADIUS.ca
          const whole = p.x - r >= 0 && p.x + r <= scene.width && p.y - r >= 0 && p.y + r <= scene.height
          if (laneOpacity(s, length) > 0) {
            seen++
            expect(whole, `${direction} at s = ${s}: (${p.x}, ${p.y}) shows, crossing the edge`).toBe(true)
          }
        }
        expect(seen).toBeGreaterThan(50)
      }
      const inward = flowPath(scene.cx, scene.width, scene.height, 'inward')
      const waiting = queueDistances(scene.cx, scene.width)
      expect(waiting.length).toBeGreaterThan(0)
      for (const s of waiting)
        expect(laneOpacity(s, pathLength(inward))).toBe(1)
    }
  })

  it('mixes Ca2+ into the Na+ at the given share', () => {
    const kinds = Array.from({ length: 100 }, (_, n) => laneKind(n, 0.3))
    expect(kinds.filter(k => k === 'ca')).toHaveLength(30)
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
    // Labelled with a true minus, as the readout's "−70 mV" is (the axis read "-100").
    expect(voltageTicks(IV_FRAME, 20).map(tickLabel)).toEqual([
      '−100',
      '−80',
      '−60',
      '−40',
      '−20',
      '0',
      '20',
      '40',
    ])
  })
})

// Figure 1 (the subunits) and the Mg²⁺ block diagrams both mark the agonist sites: a reader
// who has learnt one shape per site on one slide must not meet it for the other site on the next
// (Figure 1 once marked glycine's site with the triangle that glutamate is drawn as here).
describe('the agonist sites in Figure 1', () => {
  it('have the shapes of the Mg²⁺ block diagrams\' sites: glycine\'s square, glutamate\'s round', () => {
    const scene = restingScene()
    const site = (ligand: string) => scene.items.find(i => i.id.endsWith(`${ligand}-site`)) as Extract<SceneItem, { kind: 'rect' }>
    expect(site('glycine').rx, 'the diagrams\' glycine site').toBe(0)
    expect(site('glutamate').rx, 'the diagrams\' glutamate site').toBe(site('glutamate').w / 2)

    const svg = readFileSync(fileURLToPath(new URL('../../figures/petrenko-fig1-subunits.svg', import.meta.url)), 'utf8')
    // NR1 carries the glycine site (class fill-edge), NR2 the glutamate site (fill-edge-warm).
    const shapes = (cls: string) => [
      ...svg.matchAll(new RegExp(`<(\\w+) class="${cls}"`, 'g')),
    ].map(m => m[1])
    expect(shapes('fill-edge')).toEqual(['rect', 'rect', 'rect', 'rect', 'rect'])
    expect(shapes('fill-edge-warm')).toEqual(['circle', 'circle', 'circle', 'circle'])
    const rects = [
      ...svg.matchAll(/<rect class="fill-edge" x="[\d.]+" y="[-\d.]+" width="([\d.]+)" height="([\d.]+)"/g),
    ]
    expect(rects.every(m => m[1] === m[2]), 'squares').toBe(true)
    expect(svg).toMatch(/glycine site ■/)
    expect(svg).toMatch(/glutamate site ●/)
  })
})
