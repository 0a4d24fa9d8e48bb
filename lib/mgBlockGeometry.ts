/**
 * SVG geometry of the Mg2+ block diagrams (components/MgBlock*.vue): where the membrane, the
 * receptor, the ions, the labels and the I-V plot go, as plain data. The views only draw the
 * items these functions return, so every coordinate is here and unit-tested
 * (tests/unit/mgBlockGeometry.test.ts), including the check that no label sits on another label
 * or on an ion at any step (`collisions`). No physiology here: the state comes from ./mgBlock,
 * the words from the slide (MgWording).
 */
import type { ChannelState, IvPoint } from './mgBlock'
import { describeCurrent, formatMillimolar, formatMillivolts, formatPercent } from './mgBlock'

export type IonKind = 'na' | 'ca' | 'k' | 'mg'
export interface Point { x: number, y: number }
export interface Box { x: number, y: number, w: number, h: number }

/**
 * Font size of every label, in SVG units. The scenes are drawn at about one SVG unit per canvas
 * px (the steps and print scenes are 520 units wide in a 520 px box), and the deck's 976 px canvas
 * is 1.97 screen px per canvas px at 1920x1080: 15 units are ~29.5 px there, above the hall's
 * 28 px floor for diagram labels (tests/e2e/diagram-layout.spec.ts measures it).
 */
export const LABEL_SIZE = 15
/** Baseline to baseline of stacked labels: the browser's line box of a 15-unit label is 21.4 units. */
export const LINE_HEIGHT = 22
/** The gate's label: its baseline under the subunits' lower end. */
const GATE_LABEL_DROP = 22
/** Circle radius of each ion: wide enough for its symbol at LABEL_SIZE ("Ca²⁺" inside its circle). */
export const ION_RADIUS: Record<IonKind, number> = { na: 17, ca: 20, k: 17, mg: 20 }
/** Chemical symbols: notation, not lecture wording. */
export const ION_SYMBOL: Record<IonKind, string> = {
  na: 'Na⁺',
  ca: 'Ca²⁺',
  k: 'K⁺',
  mg: 'Mg²⁺',
}

/**
 * One receptor, x relative to the pore's centre line, y from the top of the scene. The pore is
 * 44 units wide: one ion of radius <= 20 at a time (single file), never touching a wall.
 */
export const RECEPTOR = {
  subunitTop: 70,
  subunitBottom: 236,
  membraneTop: 150,
  membraneBottom: 220,
  poreHalfWidth: 22,
  subunitWidth: 64,
  /** Mg2+ sits ~80 % into the field (Sharma & Stevens 1996, `sharma1996`): deep in the band. */
  mgPoreY: 185,
  gateY: 232,
  /** Subunit names are drawn inside the subunits, below the agonist sites. */
  nameY: 168,
  siteY: 100,
  siteHalf: 14,
  ligandRadius: 12,
  /** The row above the outer mouth, from where the Mg2+ leaves and the ions come in. */
  mouthY: 26,
  /** Where the expelled Mg2+ waits outside, clear of the incoming ions. */
  expelled: { dx: -52, y: 38 },
  /** Where the agonists come from before they bind. */
  glycineFrom: { dx: -210, y: 36 },
  glutamateFrom: { dx: 230, y: 100 },
} as const

/** The flux label's baseline, a line under the gate's label, for a receptor drawn `dy` lower. */
function fluxLabelY(dy: number): number {
  return RECEPTOR.subunitBottom + dy + GATE_LABEL_DROP + LINE_HEIGHT
}

/** The words a slide passes in (MgBlockChannel props): names, captions, UI labels. */
export interface MgWording {
  /** Lines of each subunit's name, e.g. [['GluN1', '(NR1)'], ['GluN2B', '(NR2B)']]. */
  subunits: readonly [readonly string[], readonly string[]]
  outside: string
  inside: string
  glycine: string
  glutamate: string
  glycineSite: string
  glutamateSite: string
  gateOpen: string
  gateClosed: string
  influx: string
  efflux: string
  blocked: string
  /** Step 5's consequence of Ca2+ entry, one string per line (steps view). */
  target: readonly string[]
  /** Print summary: the two panels' titles and the symbol legend. */
  summaryTitles: readonly [string, string]
  legend: readonly string[]
}

/** The drawing's small words; a slide overrides them with `labels` (a talk in another language). */
export const DEFAULT_LABELS = {
  outside: 'outside',
  inside: 'inside',
  glycine: 'glycine',
  glutamate: 'glutamate',
  glycineSite: 'Gly site',
  glutamateSite: 'Glu site',
  gateOpen: 'gate open',
  gateClosed: 'gate closed',
  influx: 'Na⁺, Ca²⁺ in',
  efflux: 'K⁺ out',
  blocked: 'blocked',
} as const satisfies Partial<MgWording>

interface ItemBase {
  id: string
  /** Shapes this item is drawn on by design (a bound agonist on its subunit). */
  on?: readonly string[]
}
export interface TextItem extends ItemBase {
  kind: 'text'
  x: number
  y: number
  text: string
  anchor: 'start' | 'middle' | 'end'
  weight: 'normal' | 'bold'
  italic?: boolean
}
export interface ShapeItem extends ItemBase {
  kind: 'rect'
  x: number
  y: number
  w: number
  h: number
  rx: number
  cls: string
}
export interface IonItem extends ItemBase {
  kind: 'ion'
  ion: IonKind
  x: number
  y: number
}
export interface LigandItem extends ItemBase {
  kind: 'ligand'
  ligand: 'glycine' | 'glutamate'
  x: number
  y: number
  /** Where it comes from when it appears (the view moves it in; print and reduced motion do not). */
  from: Point
}
export interface LineItem extends ItemBase {
  kind: 'line'
  x1: number
  y1: number
  x2: number
  y2: number
  cls: string
  width: number
  arrow: boolean
}
export type SceneItem = TextItem | ShapeItem | IonItem | LigandItem | LineItem

export interface Scene {
  width: number
  height: number
  items: SceneItem[]
  /** Background membrane pieces (lipid pattern): never across the pore. */
  membrane: Box[]
}

// ---------------------------------------------------------------------------------------------
// Text measure: an upper estimate of a label's width in Source Sans 3, so that the pure check
// errs on the side of a collision. The e2e test measures the real glyphs.

const NARROW = /[ijlrtfI.,:;'|()[\]!1]/
const WIDE = /[mw%@]/i
const SCRIPT = /[²³⁺⁻]/
export function textWidth(text: string, weight: 'normal' | 'bold' = 'normal', size = LABEL_SIZE): number {
  let em = 0
  for (const ch of text) {
    em += ch === ' '
      ? 0.24
      : SCRIPT.test(ch)
        ? 0.42
        : NARROW.test(ch)
          ? 0.3
          : WIDE.test(ch)
            ? 0.85
            : /[A-Z]/.test(ch)
              ? 0.64
              : 0.53
  }
  return em * size * (weight === 'bold'
    ? 1.06
    : 1)
}

export function itemBox(item: SceneItem): Box {
  switch (item.kind) {
    case 'text': {
      const w = textWidth(item.text, item.weight)
      const x = item.anchor === 'start'
        ? item.x
        : item.anchor === 'middle'
          ? item.x - w / 2
          : item.x - w
      // Ascender to descender of the line box, from the baseline.
      return {
        x,
        y: item.y - 0.8 * LABEL_SIZE,
        w,
        h: LABEL_SIZE,
      }
    }
    case 'rect':
      return {
        x: item.x,
        y: item.y,
        w: item.w,
        h: item.h,
      }
    case 'ion': {
      const r = ION_RADIUS[item.ion]
      return {
        x: item.x - r,
        y: item.y - r,
        w: 2 * r,
        h: 2 * r,
      }
    }
    case 'ligand': {
      const r = RECEPTOR.ligandRadius
      return {
        x: item.x - r,
        y: item.y - r,
        w: 2 * r,
        h: 2 * r,
      }
    }
    case 'line':
      return {
        x: Math.min(item.x1, item.x2),
        y: Math.min(item.y1, item.y2),
        w: Math.abs(item.x2 - item.x1),
        h: Math.abs(item.y2 - item.y1),
      }
  }
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}
export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
}

/** A circle (given by its box) is clear of a box when the box's nearest point is outside it. */
function circleClear(circle: Box, box: Box): boolean {
  const r = circle.w / 2
  const cx = circle.x + r
  const cy = circle.y + r
  const nx = Math.min(box.x + box.w, Math.max(box.x, cx))
  const ny = Math.min(box.y + box.h, Math.max(box.y, cy))
  return Math.hypot(cx - nx, cy - ny) >= r
}

/**
 * Pairs of items that collide: text on text, text or ion on an ion, text or ion on a shape it
 * is not wholly inside (a name inside its subunit, a ligand inside its site are by design).
 * Lines and the membrane are background and may pass under anything. Also any item outside
 * the scene.
 */
export function collisions(scene: Pick<Scene, 'items' | 'width' | 'height'>): string[] {
  const found: string[] = []
  const solid = scene.items.filter(i => i.kind !== 'line')
  const frame = {
    x: 0,
    y: 0,
    w: scene.width,
    h: scene.height,
  }
  for (const item of solid) {
    if (!contains(frame, itemBox(item)))
      found.push(`${item.id} leaves the ${scene.width}x${scene.height} scene`)
  }
  for (let i = 0; i < solid.length; i++) {
    for (let j = i + 1; j < solid.length; j++) {
      const a = solid[i]!
      const b = solid[j]!
      if (a.kind === 'rect' && b.kind === 'rect')
        continue
      const ba = itemBox(a)
      const bb = itemBox(b)
      // Two round things collide when their circles do; boxes would see a collision on a diagonal.
      const round = (i: SceneItem) => (i.kind === 'ion' && i.ion !== 'k') || i.kind === 'ligand'
      const apart = round(a) && round(b)
        ? Math.hypot(ba.x - bb.x + (ba.w - bb.w) / 2, ba.y - bb.y + (ba.h - bb.h) / 2) >= (ba.w + bb.w) / 2
        : round(a) && b.kind === 'rect'
          ? circleClear(ba, bb)
          : round(b) && a.kind === 'rect'
            ? circleClear(bb, ba)
            : !intersects(ba, bb)
      if (apart)
        continue
      const byDesign = (a.kind === 'rect' && contains(ba, bb)) || (b.kind === 'rect' && contains(bb, ba))
        || a.on?.includes(b.id) || b.on?.includes(a.id)
      if (!byDesign)
        found.push(`${a.id} overlaps ${b.id}`)
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// Paths

export function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
}

export function pathLength(path: readonly Point[]): number {
  let l = 0
  for (let i = 1; i < path.length; i++)
    l += Math.hypot(path[i]!.x - path[i - 1]!.x, path[i]!.y - path[i - 1]!.y)
  return l
}

/** The point at distance `s` along a polyline (clamped to its ends). */
export function pointAt(path: readonly Point[], s: number): Point {
  let left = Math.max(0, s)
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!
    const b = path[i]!
    const l = Math.hypot(b.x - a.x, b.y - a.y)
    if (left <= l) {
      return lerp(a, b, l === 0
        ? 0
        : left / l)
    }
    left -= l
  }
  return {
    ...path[path.length - 1]!,
  }
}

/** The Mg2+ path out of the pore: up the pore to the mouth, then aside to where it waits. */
export function mgPath(cx: number, dy = 0): Point[] {
  return [
    { x: cx, y: RECEPTOR.mgPoreY + dy },
    { x: cx, y: RECEPTOR.mouthY + dy },
    { x: cx + RECEPTOR.expelled.dx, y: RECEPTOR.expelled.y + dy },
  ]
}

/** Where the drawn Mg2+ is when a fraction `expelled` (0 in the pore .. 1 outside) of its way out. */
export function mgPosition(cx: number, expelled: number, dy = 0): Point {
  const path = mgPath(cx, dy)
  return pointAt(path, pathLength(path) * Math.min(1, Math.max(0, expelled)))
}

/** How far outside the drawing the lane starts and ends. */
const LANE_OUTSIDE = 24
/** Along the lane, an ion is hidden until this far in (the widest wholly inside), then fades in. */
const LANE_HIDDEN = LANE_OUTSIDE + ION_RADIUS.ca
const LANE_FADE = ION_RADIUS.ca

/**
 * The one lane the permeant ions take: in along the row of ions waiting outside, down the
 * pore, into the cell (reversed for an outward current). One lane and a fixed spacing make
 * the ions single file, in the pore and out of it.
 */
export function flowPath(cx: number, sceneWidth: number, sceneHeight: number, direction: 'inward' | 'outward'): Point[] {
  // The corner is cut at 45 degrees: ions a spacing apart along the lane stay at least 0.92 of
  // it apart in the plane, where a square corner would bring them to 0.71.
  const cut = 34
  const path = [
    { x: sceneWidth + LANE_OUTSIDE, y: RECEPTOR.mouthY },
    { x: cx + cut, y: RECEPTOR.mouthY },
    { x: cx, y: RECEPTOR.mouthY + cut },
    { x: cx, y: sceneHeight + LANE_OUTSIDE },
  ]
  return direction === 'inward'
    ? path
    : path.reverse()
}

/** Centre-to-centre distance of ions in the lane: two of the widest radii and a gap. */
export const ION_SPACING = 2 * ION_RADIUS.ca + 8
/** Drawing speed of the ions along the lane, units per second (not a physiological rate). */
export const ION_SPEED = 160
/** The lane's first waiting position is this far right of the pore's centre line. */
const QUEUE_START_DX = 92

/**
 * Distances along the inward lane of the ions drawn waiting outside (nearest the pore first):
 * only where an ion shows whole and opaque (laneOpacity), or it would vanish as the flow starts.
 */
export function queueDistances(cx: number, sceneWidth: number): number[] {
  const entry = sceneWidth + LANE_OUTSIDE - cx
  const out: number[] = []
  for (let dx = QUEUE_START_DX; entry - dx >= LANE_HIDDEN + LANE_FADE; dx += ION_SPACING)
    out.push(entry - dx)
  return out
}

/** Species of the n-th ion in the lane: Ca2+ every `1 / caShare`-th, Na+ otherwise (deterministic). */
export function laneKind(n: number, caShare: number): IonKind {
  return Math.floor((n + 1) * caShare) > Math.floor(n * caShare)
    ? 'ca'
    : 'na'
}

/**
 * The ions moving in the lane, as a pure state machine the view steps every frame. Ions enter
 * at the lane's start (off the scene) no closer than ION_SPACING to the one before, at the
 * model's rate (glyphs per second); they keep their spacing because they all move at ION_SPEED.
 */
export class IonLane {
  ions: { s: number, kind: IonKind }[] = []
  private owed = 0
  private count = 0
  constructor(readonly length: number, readonly capacity: number) {}

  /** Starts with ions at the given distances (the ones drawn waiting outside start moving). */
  seed(distances: readonly number[], kindOf: (n: number) => IonKind): void {
    this.ions = distances.map(s => ({
      s,
      kind: kindOf(this.count++),
    }))
    this.owed = 0
  }

  step(dtMs: number, ratePerSecond: number, kindOf: (n: number) => IonKind): void {
    const ds = ION_SPEED * dtMs / 1000
    for (const ion of this.ions)
      ion.s += ds
    this.ions = this.ions.filter(i => i.s < this.length)
    this.owed = Math.min(1, this.owed + ratePerSecond * dtMs / 1000)
    const last = Math.min(Infinity, ...this.ions.map(i => i.s))
    if (this.owed >= 1 && last >= ION_SPACING && this.ions.length < this.capacity) {
      this.owed -= 1
      this.ions.push({
        s: 0,
        kind: kindOf(this.count++),
      })
    }
  }
}

/**
 * Opacity of an ion at distance s of a lane: it fades in and out over its own radius, wholly
 * inside the drawing. It faded in while still crossing the edge, and the audience saw half an
 * ion cut off against the Try-it sliders.
 */
export function laneOpacity(s: number, length: number): number {
  return Math.max(0, Math.min(1, (s - LANE_HIDDEN) / LANE_FADE, (length - s - LANE_HIDDEN) / LANE_FADE))
}

// ---------------------------------------------------------------------------------------------
// Scenes

/** Options of one receptor drawing. */
interface ReceptorOptions {
  id: string
  cx: number
  dy: number
  /** 0: Mg2+ in the pore; 1: expelled and waiting outside; undefined: no Mg2+ at all. */
  mgExpelled: number | undefined
  siteLabels: boolean
}

function text(id: string, x: number, y: number, value: string, anchor: TextItem['anchor'] = 'start', weight: TextItem['weight'] = 'normal', italic = false): TextItem {
  return {
    kind: 'text',
    id,
    x,
    y,
    text: value,
    anchor,
    weight,
    italic,
  }
}

function receptor(state: ChannelState, w: MgWording, o: ReceptorOptions): SceneItem[] {
  const R = RECEPTOR
  const { cx, dy } = o
  const s = R.siteHalf
  const left = cx - R.poreHalfWidth - R.subunitWidth
  const right = cx + R.poreHalfWidth
  // GluN1 left with the glycine site (a square pocket, a diamond ligand), GluN2 right with the
  // glutamate site (a round pocket, a triangle); each site on the subunit's outer face.
  const sides = [
    {
      x: left,
      face: left,
      ligand: 'glycine',
      bound: state.glycineBound,
      rx: 0,
      from: R.glycineFrom,
      label: [w.glycine, w.glycineSite],
      anchor: 'end',
      labelDx: -4,
    },
    {
      x: right,
      face: right + R.subunitWidth,
      ligand: 'glutamate',
      bound: state.glutamateBound,
      rx: s,
      from: R.glutamateFrom,
      label: [w.glutamate, w.glutamateSite],
      anchor: 'start',
      labelDx: 4,
    },
  ] as const
  const items: SceneItem[] = []
  sides.forEach((side, k) => {
    const id = `${o.id}glun${k + 1}`
    const site = { x: side.face, y: R.siteY + dy }
    items.push({
      kind: 'rect',
      id,
      x: side.x,
      y: R.subunitTop + dy,
      w: R.subunitWidth,
      h: R.subunitBottom - R.subunitTop,
      rx: 14,
      cls: `subunit subunit--n${k + 1}`,
    })
    ;(w.subunits[k] ?? []).forEach((line, i) => {
      items.push(text(`${o.id}name${k}-${i}`, side.x + R.subunitWidth / 2, R.nameY + dy + i * LINE_HEIGHT, line, 'middle', i === 0
        ? 'bold'
        : 'normal'))
    })
    items.push({
      kind: 'rect',
      id: `${o.id}${side.ligand}-site`,
      x: site.x - s,
      y: site.y - s,
      w: 2 * s,
      h: 2 * s,
      rx: side.rx,
      cls: side.bound ? 'site' : 'site site--empty',
    })
    if (side.bound) {
      items.push({
        kind: 'ligand',
        id: `${o.id}${side.ligand}`,
        ligand: side.ligand,
        ...site,
        on: [id],
        from: { x: cx + side.from.dx, y: side.from.y + dy },
      })
    }
    // Below the sites, so the agonists coming in from above and the sides never cross them.
    if (o.siteLabels)
      items.push(text(`${o.id}${side.ligand}-label`, site.x + side.labelDx, site.y + s + 26, side.bound ? side.label[0] : side.label[1], side.anchor))
  })
  // The gate: flaps that meet across the inner end of the pore when closed, swing down when open.
  const gy = R.gateY + dy
  for (const sign of [-1, 1]) {
    const wall = cx + sign * R.poreHalfWidth
    items.push({
      kind: 'line',
      id: `${o.id}gate${sign}`,
      x1: wall,
      y1: gy,
      x2: state.open
        ? wall + sign * 2
        : cx,
      y2: state.open
        ? gy + 14
        : gy,
      cls: 'gate',
      width: 4,
      arrow: false,
    })
  }
  items.push(text(`${o.id}gate-label`, cx - R.poreHalfWidth - 4, R.subunitBottom + dy + GATE_LABEL_DROP, state.open ? w.gateOpen : w.gateClosed, 'end'))
  if (o.mgExpelled !== undefined) {
    items.push({
      kind: 'ion',
      id: `${o.id}mg`,
      ion: 'mg',
      ...mgPosition(cx, o.mgExpelled, dy),
    })
  }
  return items
}

/** Membrane pieces left and right of a receptor (the pore between the subunits stays water). */
function membraneAround(cx: number, from: number, to: number, dy = 0): Box[] {
  const R = RECEPTOR
  const gap = R.poreHalfWidth + R.subunitWidth
  return [
    {
      x: from,
      y: R.membraneTop + dy,
      w: cx - gap - from,
      h: R.membraneBottom - R.membraneTop,
    },
    {
      x: cx + gap,
      y: R.membraneTop + dy,
      w: to - cx - gap,
      h: R.membraneBottom - R.membraneTop,
    },
  ]
}

/** A label in a pill box on the membrane (the potential, the blocked fraction). */
function pill(id: string, cx: number, y: number, value: string, width: number): SceneItem[] {
  return [
    {
      kind: 'rect',
      id: `${id}-box`,
      x: cx - width / 2,
      y: y - 20,
      w: width,
      h: 28,
      rx: 6,
      cls: 'pill',
    },
    text(id, cx, y, value, 'middle', 'bold'),
  ]
}

/** The static arrow through the pore (print and reduced motion) and its words. */
function staticFlux(state: ChannelState, w: MgWording, cx: number, dy: number, height: number): SceneItem[] {
  if (state.flux.direction === 'none')
    return []
  const inward = state.flux.direction === 'inward'
  const top = RECEPTOR.mouthY + 14 + dy
  const bottom = height - 30
  return [
    {
      kind: 'line',
      id: 'flux-arrow',
      x1: cx,
      y1: inward ? top : bottom,
      x2: cx,
      y2: inward ? bottom : top,
      cls: 'arrow',
      // 2..10 units, following |I| relative to the 1 mM peak.
      width: 2 + 8 * Math.min(1, state.flux.relativeMagnitude / 2),
      arrow: true,
    },
    text('flux-label', cx - RECEPTOR.poreHalfWidth - 4, fluxLabelY(dy), inward ? w.influx : w.efflux, 'end'),
  ]
}

/** The ions drawn waiting outside (and one K+ inside): the ones the flow starts from. */
function waitingIons(cx: number, width: number, height: number, hideQueue: boolean): SceneItem[] {
  const lane = flowPath(cx, width, height, 'inward')
  const items: SceneItem[] = hideQueue
    ? []
    : queueDistances(cx, width).map((s, n) => ({
        kind: 'ion',
        id: `wait${n}`,
        ion: laneKind(n, 0.34),
        ...pointAt(lane, s),
      }) as IonItem)
  items.push({
    kind: 'ion',
    id: 'k-inside',
    ion: 'k',
    x: 40,
    y: height - 30,
  })
  return items
}

export const STEPS_SCENE = { width: 520, height: 350, cx: 240 } as const

export interface StepsSceneOptions {
  /** Potential shown on the membrane (the sweep of step 4 passes every value in between). */
  vMv: number
  /** 0..1 of the Mg2+ way out (from the model's B(V) during the sweep). */
  mgExpelled: number
  /** Moving ions are drawn by the view: leave the waiting ones out. */
  flowing: boolean
  /** Print and reduced motion: a static arrow stands for the flow. */
  staticArrows: boolean
}

/** Baseline of the labels in pills on the membrane. */
const PILL_Y = (RECEPTOR.membraneTop + RECEPTOR.membraneBottom) / 2 + 6

/** One receptor in its membrane with the ions around it and the potential on a pill. */
function singleReceptor(state: ChannelState, w: MgWording, frame: { width: number, height: number, cx: number }, o: StepsSceneOptions): SceneItem[] {
  const { width, height, cx } = frame
  const gap = RECEPTOR.poreHalfWidth + RECEPTOR.subunitWidth
  const items: SceneItem[] = [
    text('outside', 8, RECEPTOR.membraneTop - 10, w.outside, 'start', 'normal', true),
    text('inside', width - 8, height - 10, w.inside, 'end', 'normal', true),
    ...waitingIons(cx, width, height, o.flowing),
    ...receptor(state, w, {
      id: '',
      cx,
      dy: 0,
      mgExpelled: state.mgMm > 0
        ? o.mgExpelled
        : undefined,
      siteLabels: true,
    }),
    ...pill('vm', (cx + gap + width) / 2, PILL_Y, `Vm ${formatMillivolts(o.vMv)}`, Math.min(130, width - cx - gap - 12)),
  ]
  if (o.staticArrows)
    items.push(...staticFlux(state, w, cx, 0, height))
  return items
}

/** The stepped view: one receptor in its membrane, the ions around it, the potential. */
export function stepsScene(state: ChannelState, w: MgWording, o: StepsSceneOptions): Scene {
  const { width, height, cx } = STEPS_SCENE
  const items = singleReceptor(state, w, STEPS_SCENE, o)
  if (state.showCalciumTarget && w.target.length > 0) {
    const x = cx + RECEPTOR.poreHalfWidth + 36
    const y = RECEPTOR.subunitBottom + 8
    const lineH = LINE_HEIGHT
    items.push({
      kind: 'rect',
      id: 'target-box',
      x,
      y,
      w: width - 4 - x,
      h: 10 + lineH * w.target.length,
      rx: 6,
      cls: 'target',
    })
    w.target.forEach((line, i) => items.push(text(`target${i}`, x + 8, y + 24 + i * lineH, line, 'start', i === w.target.length - 1
      ? 'bold'
      : 'normal')))
    items.push({
      kind: 'line',
      id: 'target-arrow',
      x1: cx + RECEPTOR.poreHalfWidth + 4,
      y1: y + 30,
      x2: x - 4,
      y2: y + 30,
      cls: 'arrow',
      width: 2.5,
      arrow: true,
    })
  }
  return {
    width,
    height,
    items,
    membrane: membraneAround(cx, 0, width),
  }
}

export const TRY_IT_SCENE = { width: 440, height: 350, cx: 220 } as const

/**
 * The Try-it view: the drawn Mg2+ stands for the population, part way out by B(V) (in the pore
 * at B = 0, waiting outside at B = 1); the blocked fraction and the potential sit on the membrane.
 */
export function tryItScene(state: ChannelState, w: MgWording, o: { flowing: boolean, staticArrows: boolean }): Scene {
  const { width, height, cx } = TRY_IT_SCENE
  const gap = RECEPTOR.poreHalfWidth + RECEPTOR.subunitWidth
  const items = singleReceptor(state, w, TRY_IT_SCENE, { ...o, vMv: state.vMv, mgExpelled: state.unblocked })
  if (state.mgMm > 0)
    items.push(...pill('blocked', (cx - gap) / 2, PILL_Y, `${formatPercent(1 - state.unblocked)} ${w.blocked}`, cx - gap - 8))
  return {
    width,
    height,
    items,
    membrane: membraneAround(cx, 0, width),
  }
}

export const SUMMARY_SCENE = {
  width: 520,
  panelWidth: 260,
  /** The receptors' drop from the panel titles: room for the expelled Mg2+ between them. */
  dy: 20,
} as const

/**
 * Under each receptor, a line apart: the gate's label, the flux label, then the numbers. The
 * numbers once sat 16 units under the flux label, and in print "Na⁺, Ca²⁺ in" read as one line
 * with their heading, the arrow's head against it.
 */
const SUMMARY_FLUX_Y = fluxLabelY(SUMMARY_SCENE.dy)
const SUMMARY_TEXT_TOP = SUMMARY_FLUX_Y + LINE_HEIGHT

/** Print: blocked at rest beside unblocked when depolarised, each with its numbers. */
export function summaryScene(rest: ChannelState, dep: ChannelState, w: MgWording): Scene {
  const { width, panelWidth, dy } = SUMMARY_SCENE
  const textTop = SUMMARY_TEXT_TOP
  // As tall as its text: printed beside the bullets, the figure fills its column's width, and
  // every unit of height comes off the gap above the slide's sources line.
  const height = Math.ceil(textTop + (2 + w.legend.length) * LINE_HEIGHT + 0.2 * LABEL_SIZE + 3)
  const items: SceneItem[] = []
  const membrane: Box[] = []
  ;[rest, dep].forEach((state, k) => {
    const x0 = k * panelWidth
    const cx = x0 + panelWidth / 2
    const id = `p${k}-`
    items.push(text(`${id}title`, x0 + 6, 18, w.summaryTitles[k] ?? '', 'start', 'bold'))
    items.push(...receptor(state, w, {
      id,
      cx,
      dy,
      mgExpelled: state.mgMm > 0
        ? (state.mgInPore ? 0 : 1)
        : undefined,
      siteLabels: false,
    }))
    if (state.flux.direction !== 'none') {
      // The arrow's head (1.5 stroke widths past its end) stops clear of the numbers under it.
      const arrowEnd = textTop - 34
      const inward = state.flux.direction === 'inward'
      items.push({
        kind: 'line',
        id: `${id}arrow`,
        x1: cx,
        y1: inward
          ? RECEPTOR.mouthY + dy + 24
          : arrowEnd,
        x2: cx,
        y2: inward
          ? arrowEnd
          : RECEPTOR.mouthY + dy + 24,
        cls: 'arrow',
        width: 2 + 8 * Math.min(1, state.flux.relativeMagnitude / 2),
        arrow: true,
      })
      items.push(text(`${id}flux`, cx - RECEPTOR.poreHalfWidth - 4, SUMMARY_FLUX_Y, inward ? w.influx : w.efflux, 'end'))
    }
    items.push(text(`${id}vm`, x0 + 6, textTop, `Vm ${formatMillivolts(state.vMv)}, [Mg²⁺]o ${formatMillimolar(state.mgMm)}`, 'start', 'bold'))
    items.push(text(`${id}unblocked`, x0 + 6, textTop + LINE_HEIGHT, `${formatPercent(state.unblocked)} unblocked`))
    items.push(text(`${id}current`, x0 + 6, textTop + 2 * LINE_HEIGHT, describeCurrent(state.currentRelPeak)))
    membrane.push(...membraneAround(cx, x0, x0 + panelWidth, dy))
  })
  w.legend.forEach((line, i) => items.push(text(`legend${i}`, 6, textTop + (3 + i) * LINE_HEIGHT, line)))
  return { width, height, items, membrane }
}

// ---------------------------------------------------------------------------------------------
// I-V plot

export interface PlotFrame {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
  vMin: number
  vMax: number
  /** Current axis limits in model units (g = 1, mV). */
  iMin: number
  iMax: number
}

/**
 * The small I-V plot of the interactive view. The current axis is clipped at +/-40 units so the
 * 1 mM curve's negative-slope region (peak -10.8 at -27 mV) stays visible next to the Mg-free
 * line, which runs off the bottom left (the view clips it and says so).
 */
export const IV_FRAME: PlotFrame = {
  width: 400,
  height: 214,
  left: 44,
  right: 388,
  top: 12,
  bottom: 176,
  vMin: -100,
  vMax: 40,
  iMin: -40,
  iMax: 40,
}

export function plotX(frame: PlotFrame, vMv: number): number {
  return frame.left + ((vMv - frame.vMin) / (frame.vMax - frame.vMin)) * (frame.right - frame.left)
}

export function plotY(frame: PlotFrame, current: number): number {
  return frame.top + ((frame.iMax - current) / (frame.iMax - frame.iMin)) * (frame.bottom - frame.top)
}

/** SVG path data of an I-V curve (values outside the frame are left to the view's clipPath). */
export function ivPath(frame: PlotFrame, points: readonly IvPoint[]): string {
  return points
    .map((pt, i) => `${i === 0
      ? 'M'
      : 'L'}${plotX(frame, pt.vMv).toFixed(1)},${plotY(frame, pt.current).toFixed(1)}`)
    .join(' ')
}

/** A voltage tick's label: a true minus, as every other voltage the deck prints ("−100", "0", "20"). */
export function tickLabel(vMv: number): string {
  return vMv < 0
    ? `\u2212${Math.abs(vMv)}`
    : String(vMv)
}

/** Tick positions of the voltage axis every `stepMv` within the frame. */
export function voltageTicks(frame: PlotFrame, stepMv = 20): number[] {
  const ticks: number[] = []
  for (let v = Math.ceil(frame.vMin / stepMv) * stepMv; v <= frame.vMax; v += stepMv)
    ticks.push(v)
  return ticks
}

/** Pixel placement of the operating point, clamped into the frame so the marker stays visible. */
export function operatingPoint(frame: PlotFrame, vMv: number, current: number): { x: number, y: number, clipped: boolean } {
  const y = plotY(frame, current)
  const yClamped = Math.min(frame.bottom, Math.max(frame.top, y))
  return {
    x: plotX(frame, vMv),
    y: yClamped,
    clipped: yClamped !== y,
  }
}
