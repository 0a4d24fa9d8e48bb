/**
 * Checks that the deck reads from the back of a lecture hall (issue 16), as pure functions of
 * what a browser measured on each slide: the type scale per kind of text, one title box on
 * every slide that is not a section divider, no slide more than two-thirds empty, nothing off
 * the canvas, no citation broken over two lines, columns side by side kept apart. A spec
 * measures (tests/e2e/sweep.spec.ts, or a one-pass sweep over every slide and click); these
 * functions only judge, so they can be unit tested and called from any sweep.
 *
 * Sizes are compared as px of a 1920x1080 projector: a measure taken at any window size is
 * scaled by 1920 / (the slide's width on screen). styles/tokens.css sets the scale.
 */

/** The reference canvas of the scale: a 1920x1080 projector. */
export const HALL_WIDTH = 1920

/**
 * The deck's slide canvas width (canvasWidth in slides.md and short.md; --hall-px in
 * styles/tokens.css is CANVAS_WIDTH / HALL_WIDTH px). A multiple of 16, so that at 16:9 the
 * canvas is a whole number of px tall and fills a 1920x1080 screen exactly.
 */
export const CANVAS_WIDTH = 976

/** Smallest rendered size per kind of text, in px at 1920x1080. */
export const HALL_MIN_PX = {
  body: 40,
  label: 28,
  footnote: 24,
} as const

export type TextKind = keyof typeof HALL_MIN_PX

export interface Box { x: number, y: number, width: number, height: number }

/** One element around a text, innermost first: its tag and classes. */
export interface Ancestor { tag: string, classes: readonly string[] }

/**
 * The kind of a text from the elements around it (innermost first). Footnotes: the sources
 * line, source and credit lines, legends, the running footer, the references list, and the
 * superscripts (citation numbers, charges) that hang on body text. Labels: text drawn in a
 * diagram (SVG, a diagram component), table cells, the kicker, tags and a study's design line.
 * Everything else is body.
 */
export function textKind(ancestry: readonly Ancestor[]): TextKind {
  const has = (pred: (a: Ancestor) => boolean) => ancestry.some(pred)
  const cls = (...names: string[]) => (a: Ancestor) => names.some(n => a.classes.includes(n))
  // `footnote`: a figure's own note (a model's illustrative parameters) is a footnote, even in an SVG.
  if (has(cls('slide-sources', 'source-line', 'figure-credit', 'ev-legend', 'deck-footer', 'references-list', 'reference-list', 'footnote')))
    return 'footnote'
  if (has(a => a.tag === 'sup' || a.tag === 'sub'))
    return 'footnote'
  if (has(a => a.tag === 'svg' || a.tag === 'td' || a.tag === 'th'))
    return 'label'
  if (has(cls('deck-kicker', 'tag', 'component-box', 'component-wide', 'figure-frame', 'study-line')))
    return 'label'
  return 'body'
}

export interface TextSample {
  kind: TextKind
  /** Rendered font size on screen, px. */
  px: number
  text: string
}

export interface SlideMeasure {
  /** 1-based slide number, and where it is written (file:line), for the message. */
  no: number
  where: string
  /** A section divider (or the title or closing slide): its title is not in the title box. */
  divider: boolean
  /** The slide on screen (Slidev's canvas after scaling). */
  slide: Box
  /** The title (`# ...`, the slide's h1), if it has one. */
  title?: { box: Box, px: number }
  texts: TextSample[]
  /** Boxes of what the slide shows below its title: text lines, figures, filled or bordered boxes. */
  content: Box[]
  /** The layout's content box: where content may go below the title. */
  contentArea?: Box
  /** The sources line at the foot of the slide (addons/citations SlideSources), if any. */
  sources?: Box
  /** Every citation superscript: its text and how many line boxes it takes. */
  citations: { text: string, lines: number }[]
  /**
   * For each pair of columns side by side (`.cols`): the left one's number in its row (1-based),
   * and px on screen between the right end of its text and the first ink of the column to its
   * right: that one's text, or the markers its lists hang into the gap.
   */
  gutters?: { column: number, px: number }[]
  /** The leftmost list marker of the slide's lists (outside markers), px on screen, if any. */
  markersLeft?: number
}

export interface HallFinding {
  no: number
  where: string
  check: 'type' | 'title' | 'empty' | 'overflow' | 'citation' | 'gutter' | 'margin'
  message: string
}

/** px on screen -> px at 1920x1080 for a slide drawn `slideWidth` px wide. */
export function toHallPx(px: number, slideWidth: number): number {
  return px * HALL_WIDTH / slideWidth
}

/** Texts smaller than the scale allows for their kind (one finding per kind and size). */
export function typeFindings(m: SlideMeasure): HallFinding[] {
  const out: HallFinding[] = []
  const seen = new Set<string>()
  for (const t of m.texts) {
    const hall = toHallPx(t.px, m.slide.width)
    const min = HALL_MIN_PX[t.kind]
    // A hundredth of a px is layout rounding, not a smaller size.
    if (hall >= min - 0.01)
      continue
    const key = `${t.kind}:${hall.toFixed(1)}`
    if (seen.has(key))
      continue
    seen.add(key)
    out.push({
      no: m.no,
      where: m.where,
      check: 'type',
      message: `${t.kind} text "${t.text.slice(0, 40)}" is ${hall.toFixed(1)} px at 1920x1080, below ${min} px`,
    })
  }
  return out
}

/** A title box in 1920x1080 px relative to the slide's top left corner, and its size. */
export function hallTitle(m: SlideMeasure): { left: number, top: number, px: number } | undefined {
  if (!m.title)
    return undefined
  const k = HALL_WIDTH / m.slide.width
  return {
    left: (m.title.box.x - m.slide.x) * k,
    top: (m.title.box.y - m.slide.y) * k,
    px: m.title.px * k,
  }
}

/**
 * Every slide that is not a divider has a title, at the same size and the same left and top
 * (within `tolerance` px at 1920x1080) as the first such slide of `slides`. Measures from
 * several window sizes may be passed together: they are compared in the same 1920 px frame.
 */
export function titleFindings(slides: readonly SlideMeasure[], tolerance = 1): HallFinding[] {
  const out: HallFinding[] = []
  let ref: { left: number, top: number, px: number, no: number } | undefined
  for (const m of slides) {
    if (m.divider)
      continue
    const t = hallTitle(m)
    if (!t) {
      out.push({
        no: m.no,
        where: m.where,
        check: 'title',
        message: 'has no title (# ...) in the title box',
      })
      continue
    }
    if (!ref) {
      ref = { ...t, no: m.no }
      continue
    }
    const off = [
      Math.abs(t.px - ref.px) > tolerance / 2
        ? `size ${t.px.toFixed(1)} px, not ${ref.px.toFixed(1)}`
        : '',
      Math.abs(t.left - ref.left) > tolerance
        ? `left ${t.left.toFixed(1)}, not ${ref.left.toFixed(1)}`
        : '',
      Math.abs(t.top - ref.top) > tolerance
        ? `top ${t.top.toFixed(1)}, not ${ref.top.toFixed(1)}`
        : '',
    ].filter(Boolean)
    if (off.length) {
      out.push({
        no: m.no,
        where: m.where,
        check: 'title',
        message: `title box differs from slide ${ref.no}'s: ${off.join(', ')} (px at 1920x1080)`,
      })
    }
  }
  return out
}

/** The area of the union of `boxes`, each clipped to `clip` (exact, by coordinate compression). */
export function unionArea(boxes: readonly Box[], clip: Box): number {
  const rects = boxes
    .map(b => ({
      x0: Math.max(b.x, clip.x),
      y0: Math.max(b.y, clip.y),
      x1: Math.min(b.x + b.width, clip.x + clip.width),
      y1: Math.min(b.y + b.height, clip.y + clip.height),
    }))
    .filter(r => r.x1 > r.x0 && r.y1 > r.y0)
  const xs = [
    ...new Set(rects.flatMap(r => [r.x0, r.x1])),
  ].sort((a, b) => a - b)
  let area = 0
  for (let i = 0; i + 1 < xs.length; i++) {
    const [a, b] = [xs[i]!, xs[i + 1]!]
    const spans = rects.filter(r => r.x0 <= a && r.x1 >= b).map(r => [r.y0, r.y1] as const).sort((p, q) => p[0] - q[0])
    let covered = 0
    let end = -Infinity
    for (const [y0, y1] of spans) {
      if (y1 <= end)
        continue
      covered += y1 - Math.max(y0, end)
      end = y1
    }
    area += covered * (b - a)
  }
  return area
}

/** Share of the content area (below the title) that nothing covers, 0..1. */
export function emptyShare(m: SlideMeasure): number | undefined {
  const area = m.contentArea
  if (!area || area.width <= 0 || area.height <= 0)
    return undefined
  return 1 - unionArea(m.content, area) / (area.width * area.height)
}

/** A slide that is not a divider may leave at most `maxEmpty` of its content area empty. */
export function emptinessFindings(m: SlideMeasure, maxEmpty = 2 / 3): HallFinding[] {
  if (m.divider)
    return []
  const empty = emptyShare(m)
  if (empty === undefined || empty <= maxEmpty)
    return []
  return [
    {
      no: m.no,
      where: m.where,
      check: 'empty',
      message: `${Math.round(empty * 100)} % of the area below the title is empty (at most ${Math.round(maxEmpty * 100)} %)`,
    },
  ]
}

/** Do two boxes share more than `tolerance` px in both directions? */
export function overlaps(a: Box, b: Box, tolerance = 1): boolean {
  return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > tolerance
    && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > tolerance
}

/** Content that reaches past the slide's edges, or runs into the sources line at its foot. */
export function overflowFindings(m: SlideMeasure, tolerance = 1): HallFinding[] {
  const s = m.slide
  // The sources line too: content that grows pushes it, in flow, off the foot of the slide.
  const out = [
    ...m.content,
    ...(m.sources
      ? [m.sources]
      : []),
  ].filter(b => b.x < s.x - tolerance || b.y < s.y - tolerance || b.x + b.width > s.x + s.width + tolerance || b.y + b.height > s.y + s.height + tolerance)
  const findings: HallFinding[] = out.length
    ? [
        {
          no: m.no,
          where: m.where,
          check: 'overflow',
          message: `${out.length} box(es) reach past the canvas, the first at y ${Math.round(out[0]!.y - s.y)}-${Math.round(out[0]!.y + out[0]!.height - s.y)} of ${Math.round(s.height)}`,
        },
      ]
    : []
  const sources = m.sources
  const onSources = sources
    ? m.content.filter(b => overlaps(b, sources, tolerance))
    : []
  if (onSources.length) {
    findings.push({
      no: m.no,
      where: m.where,
      check: 'overflow',
      message: `${onSources.length} box(es) run into the sources line (y ${Math.round(sources!.y - s.y)} of ${Math.round(s.height)})`,
    })
  }
  return findings
}

/** A citation superscript must sit in one line box: never "[28–" / "30]". */
export function citationFindings(m: SlideMeasure): HallFinding[] {
  return m.citations
    .filter(c => c.lines !== 1)
    .map(c => ({
      no: m.no,
      where: m.where,
      check: 'citation' as const,
      message: `citation [${c.text}] spans ${c.lines} line boxes`,
    }))
}

/**
 * Least space between two columns' text, in px at 1920x1080: three-quarters of the smallest
 * body size. A list in the right column hangs its markers into the gap; at the columns' gap
 * alone a long line of the left column ran to within 15-18 px of the markers, and the two columns
 * read as one line from the back of the hall.
 */
export const HALL_MIN_GUTTER_PX = HALL_MIN_PX.body * 0.75

/** Columns side by side whose text comes closer than HALL_MIN_GUTTER_PX. */
export function gutterFindings(m: SlideMeasure): HallFinding[] {
  return (m.gutters ?? []).flatMap(({ column, px }) => {
    const hall = toHallPx(px, m.slide.width)
    return hall >= HALL_MIN_GUTTER_PX - 0.01
      ? []
      : [
          {
            no: m.no,
            where: m.where,
            check: 'gutter' as const,
            message: `${Math.round(hall)} px between column ${column}'s text and column ${column + 1}'s (at least ${HALL_MIN_GUTTER_PX} px at 1920x1080): widen the gap between the columns`,
          },
        ]
  })
}

/**
 * A list's markers hang left of the slide's text margin (the title's left edge, the content
 * box's): the bullets then start further left than the title and paragraphs above them, as a
 * compact list's did where a rule took its items' indent away.
 */
export function marginFindings(m: SlideMeasure, toleranceHallPx = 8): HallFinding[] {
  if (m.markersLeft === undefined || !m.contentArea)
    return []
  // A marker measured from where the text moves when it is set inside: the glyph's side
  // bearing puts every square marker a few px left of the margin, unseen from any seat.
  const by = m.contentArea.x - m.markersLeft
  return toHallPx(by, m.slide.width) > toleranceHallPx
    ? [
        {
          no: m.no,
          where: m.where,
          check: 'margin',
          message: `a list's markers hang ${Math.round(toHallPx(by, m.slide.width))} px (at 1920x1080) left of the slide's text margin: indent the list`,
        },
      ]
    : []
}

/** Everything but the title check, which compares slides with each other. */
export function slideFindings(m: SlideMeasure): HallFinding[] {
  return [
    ...typeFindings(m),
    ...emptinessFindings(m),
    ...overflowFindings(m),
    ...citationFindings(m),
    ...gutterFindings(m),
    ...marginFindings(m),
  ]
}

export function formatHallFinding(f: HallFinding): string {
  return `${f.where} slide ${f.no}: ${f.check}: ${f.message}`
}
