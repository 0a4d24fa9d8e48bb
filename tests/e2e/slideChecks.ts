import type { Page } from '@playwright/test'
import type { Rgba } from '../../lib/contrast'
import { EVIDENCE_LEGEND } from '../../addons/citations/lib'
import { contrastRatio, over, parseColor, requiredRatio } from '../../lib/contrast'
import { runAxe } from './deck'

// The per-slide checks of the sweep (sweep.spec.ts), kept apart from the specs so that one
// pass over the slides can run them all, and the specs that test the checks themselves
// (accessibility.spec.ts) import them rather than a spec file.
export const WCAG_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
]
/** axe's outline rules are best practice, not WCAG tags, and only moderate or minor: run and count them apart. */
export const OUTLINE_RULES = ['heading-order', 'page-has-heading-one', 'empty-heading']

export interface Violation { id: string, impact: string | null, help: string, nodes: { target: string[] }[] }
export type AxeContext = string | { exclude: string[][] }
export type AxeRunOnly = { type: 'tag', values: string[] } | { type: 'rule', values: string[] }

export async function audit(page: Page, context: AxeContext, runOnly: AxeRunOnly = { type: 'tag', values: WCAG_TAGS }): Promise<Violation[]> {
  const r = await runAxe(page, context, {
    runOnly,
    resultTypes: ['violations'],
  })
  return r.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => ({ target: n.target })),
  }))
}

export const serious = (vs: Violation[]) => vs.filter(v => v.impact === 'serious' || v.impact === 'critical')
export const describe = (v: Violation) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`

export interface Heading { level: number, text: string }

/** The visible headings inside `selector`, in document order, as a screen reader lists them. */
export function headingsIn(page: Page, selector: string): Promise<Heading[]> {
  return page.locator(selector).evaluate(root => [
    ...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]'),
  ]
    .filter(h => h.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    .map(h => ({
      level: h.hasAttribute('aria-level')
        ? Number(h.getAttribute('aria-level'))
        : /^H\d$/.test(h.tagName)
          ? Number(h.tagName[1])
          : 2,
      text: (h.textContent || h.getAttribute('aria-label') || '').trim(),
    })))
}

/** A slide's outline: one h1 first, each heading at most one level below the one before, none empty. */
export function outlineProblems(headings: Heading[]): string[] {
  const problems: string[] = []
  const h1 = headings.filter(h => h.level === 1).length
  if (h1 !== 1)
    problems.push(`${h1} h1 headings; a slide has exactly one (its title, \`# ...\`)`)
  else if (headings[0]!.level !== 1)
    problems.push(`the first heading is h${headings[0]!.level} "${headings[0]!.text}"; the slide's h1 title comes first`)
  headings.forEach((h, i) => {
    const before = headings[i - 1]
    if (before && h.level > before.level + 1)
      problems.push(`h${before.level} "${before.text}" is followed by h${h.level} "${h.text}": a skipped level; use h${before.level + 1}`)
    if (!h.text)
      problems.push(`an empty h${h.level}: give it text or remove it`)
  })
  return problems
}

// WCAG AA contrast: axe-core for HTML text, our own measure for SVG <text> (axe skips it).

/** A paint seen through the SVG at one point: a colour and how much of it shows. */
export interface Layer { color: string, alpha: number }
export interface SvgText {
  text: string
  fill: string
  alpha: number
  sizePx: number
  weight: number
  /** For a few points along the text, what lies under it, topmost first, ending opaque. */
  samples: Layer[][]
}

/**
 * Every visible SVG <text> of the slide, with its fill and what is painted under it: the
 * filled shapes drawn before it in the same SVG that contain the point (a pattern counts as
 * its background rect), then the page's background. Pure data; the arithmetic is lib/contrast.
 */
export function collectSvgText(page: Page, selector: string): Promise<SvgText[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!
    const canvas = root.getBoundingClientRect().width / root.clientWidth // Slidev's slide scale
    const opacityOf = (el: Element | null): number => {
      let o = 1
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity)
      return o
    }
    const painted = (el: Element) => !el.closest('defs, pattern, marker, clipPath, mask, symbol')
      && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden'
    const paintColor = (el: Element): string | undefined => {
      const fill = getComputedStyle(el).fill
      const ref = fill.match(/url\("?#([^")]+)"?\)/)
      if (!ref) {
        return fill === 'none'
          ? undefined
          : fill
      }
      const target = document.getElementById(ref[1]!)
      const base = target?.tagName === 'pattern'
        ? target.querySelector('rect')
        : target?.querySelector('stop')
      return base
        ? (base.tagName === 'stop'
            ? getComputedStyle(base).stopColor
            : getComputedStyle(base).fill)
        : undefined
    }
    const pageBackground = (el: Element): Layer[] => {
      const layers: { color: string, alpha: number }[] = []
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor
        if (bg && bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)') {
          layers.push({ color: bg, alpha: 1 })
          if (!bg.startsWith('rgba'))
            return layers
        }
      }
      layers.push({ color: 'rgb(255, 255, 255)', alpha: 1 }) // the browser's canvas
      return layers
    }
    const out: SvgText[] = []
    for (const text of root.querySelectorAll('svg text')) {
      const content = (text.textContent ?? '').replace(/\s+/g, ' ').trim()
      const box = text.getBoundingClientRect()
      const alpha = opacityOf(text) * Number(getComputedStyle(text).fillOpacity)
      if (!content || !painted(text) || box.width === 0 || alpha < 0.01)
        continue
      const svg = text.closest('svg')!
      let outer = svg
      for (let s = svg.parentElement?.closest('svg'); s; s = s.parentElement?.closest('svg')) outer = s
      const shapes = [
        ...outer.querySelectorAll<SVGGeometryElement>('rect, circle, ellipse, path, polygon, polyline'),
      ]
        .filter(s => painted(s) && (s.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING))
      const samples = [0.2, 0.5, 0.8].map((f) => {
        const x = box.left + box.width * f
        const y = box.top + box.height / 2
        const layers: Layer[] = []
        for (let i = shapes.length - 1; i >= 0; i--) {
          const s = shapes[i]!
          const color = paintColor(s)
          const a = opacityOf(s) * Number(getComputedStyle(s).fillOpacity)
          const ctm = s.getScreenCTM()
          // A shape scaled to nothing (a bar before its click) covers no text.
          if (!color || a < 0.01 || !ctm || ctm.a * ctm.d - ctm.b * ctm.c === 0)
            continue
          const p = new DOMPoint(x, y).matrixTransform(ctm.inverse())
          if (!s.isPointInFill(p))
            continue
          layers.push({ color, alpha: a })
          if (a >= 1 && !color.startsWith('rgba'))
            return layers
        }
        return layers.concat(pageBackground(outer))
      })
      const cs = getComputedStyle(text)
      const scale = (text as SVGGraphicsElement).getScreenCTM()?.a ?? canvas
      out.push({
        text: content,
        fill: cs.fill,
        alpha,
        sizePx: Number.parseFloat(cs.fontSize) * scale / canvas,
        weight: Number(cs.fontWeight),
        samples,
      })
    }
    return out
  }, selector)
}

/** What the viewer sees under a point: the layers composited from the bottom up. */
export function backdrop(layers: Layer[]): Rgba {
  let bg = parseColor(layers.at(-1)!.color)!
  for (const l of layers.slice(0, -1).reverse()) {
    const c = parseColor(l.color)!
    bg = over({ ...c, a: c.a * l.alpha }, bg)
  }
  return bg
}

/** The SVG texts that miss WCAG AA, each with the worst of its sampled points. */
export function svgFailures(texts: SvgText[]): string[] {
  const failures: string[] = []
  for (const t of texts) {
    const fill = parseColor(t.fill)
    if (!fill) {
      failures.push(`"${t.text}": fill ${t.fill} is not a colour`)
      continue
    }
    const ratios = t.samples.map(s => contrastRatio({ ...fill, a: fill.a * t.alpha }, backdrop(s)))
    const worst = Math.min(...ratios)
    const need = requiredRatio(t.sizePx, t.weight)
    if (worst < need)
      failures.push(`"${t.text.slice(0, 60)}": ${worst.toFixed(2)}:1 (needs ${need}:1; fill ${t.fill} on ${t.samples[ratios.indexOf(worst)]!.map(l => l.color).join(' over ')})`)
  }
  return failures
}

export interface HtmlText { target: string, text: string, color: string, alpha: number, sizePx: number, weight: number, layers: Layer[], covered: string | null }

/**
 * HTML text that axe left unmeasured (outside SVG). axe gives up when any element's box
 * overlaps the text, and an SVG path's box ignores its clip-path: the tolerance plot's
 * shifted curves, clipped to the plot, still "cover" the bullet points beside it. Here the
 * browser's own hit test (which honours clipping) must find the text on top; its colour is
 * then measured on the backgrounds of its ancestors.
 */
export function measureHtmlText(page: Page, nodes: { target: string[], path: string }[]): Promise<HtmlText[]> {
  return page.evaluate((nodes) => {
    const out: HtmlText[] = []
    for (const { target, path } of nodes) {
      const sel = target.join(' ')
      const el = document.querySelector(path)
      if (!el)
        throw new Error(`axe's node ${sel} (${path}) is not in the page`)
      if (el.closest('svg'))
        continue // SVG text: collectSvgText measures it.
      const box = el.getBoundingClientRect()
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      // Backgrounds from the text outwards, topmost first, down to the first opaque one.
      const layers: Layer[] = []
      let alpha = 1
      for (let e: Element | null = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e)
        alpha *= Number(cs.opacity)
        const bg = cs.backgroundColor
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
          layers.push({ color: bg, alpha: 1 })
          if (!bg.startsWith('rgba'))
            break
        }
      }
      if (!layers.length || layers.at(-1)!.color.startsWith('rgba'))
        layers.push({ color: 'rgb(255, 255, 255)', alpha: 1 }) // the browser's canvas
      const cs = getComputedStyle(el)
      out.push({
        target: sel,
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        color: cs.color,
        alpha,
        sizePx: Number.parseFloat(cs.fontSize),
        weight: Number(cs.fontWeight),
        layers,
        covered: top && (top === el || el.contains(top) || top.contains(el))
          ? null
          : `${top?.tagName.toLowerCase()}.${[
            ...(top?.classList ?? []),
          ].join('.')}`,
      })
    }
    return out
  }, nodes)
}

export function htmlFailures(m: HtmlText[]): string[] {
  return m.flatMap((t) => {
    if (t.covered)
      return [`${t.target} "${t.text.slice(0, 60)}": covered by ${t.covered}`]
    const fg = parseColor(t.color)!
    const ratio = contrastRatio({ ...fg, a: fg.a * t.alpha }, backdrop(t.layers))
    const need = requiredRatio(t.sizePx, t.weight)
    return ratio < need
      ? [`${t.target} "${t.text.slice(0, 60)}": ${ratio.toFixed(2)}:1 (needs ${need}:1; ${t.color} on ${t.layers.map(l => l.color).join(' over ')})`]
      : []
  })
}

/** Readability at 1920x1080: no text below `min` px on screen, nothing spilling off the slide. */
export const MIN_PX = 20
export function readabilityProblems(page: Page, slide: string, min = MIN_PX): Promise<string[]> {
  return page.locator(slide).evaluate((el, min) => {
    const out: string[] = []
    const box = el.getBoundingClientRect()
    const slideScale = box.width / (el as HTMLElement).offsetWidth
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || seen.has(parent) || !n.textContent?.trim())
        continue
      seen.add(parent)
      const style = getComputedStyle(parent)
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0 || (parent.closest('[aria-hidden="true"]:not(svg *)') && !parent.closest('svg')))
        continue
      const r = parent.getBoundingClientRect()
      if (r.width === 0 || r.height === 0)
        continue
      // Rendered size: HTML text by the slide's scale on screen; SVG text by the matrix that
      // maps its user units to the screen (the slide's scale and the viewBox together).
      let px: number
      if (parent instanceof SVGGraphicsElement) {
        const m = parent.getScreenCTM()
        px = Number.parseFloat(style.fontSize) * (m
          ? Math.hypot(m.a, m.b)
          : slideScale)
      }
      else {
        px = Number.parseFloat(style.fontSize) * slideScale
      }
      if (px < min - 0.05)
        out.push(`text "${n.textContent.trim().slice(0, 40)}" at ${px.toFixed(1)} px`)
      if (r.bottom > box.bottom + 2 || r.right > box.right + 2 || r.left < box.left - 2 || r.top < box.top - 2)
        out.push(`"${n.textContent.trim().slice(0, 40)}" overflows the slide`)
    }
    return out
  }, min)
}

/**
 * What the audience can read on the shown slide: its visible text, without what is hidden
 * from assistive technology (decorative arrows, icons), plus each figure's text alternative,
 * which changes with a diagram's step. Compared between click steps: a click that changes none
 * of it gave the lecturer a press that shows nothing to talk about.
 */
export function readableText(page: Page, slide: string): Promise<string> {
  return page.locator(slide).evaluate((el) => {
    const parts: string[] = []
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      const text = n.textContent?.trim()
      if (!parent || !text || parent.closest('[aria-hidden="true"]'))
        continue
      // Fully transparent counts as hidden: Slidev hides a click's content with opacity 0.
      if (parent.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        parts.push(text)
    }
    for (const img of el.querySelectorAll('[role="img"][aria-label]')) {
      if (img.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        parts.push(img.getAttribute('aria-label')!)
    }
    return parts.join(' ')
  })
}

/**
 * How much of a record we read, and what we made of it: a remark for whoever maintains the
 * deck (`Maintainer:`), not for a student, not even in the "Sources and corrections" appendix,
 * which says what the lecture corrected, not how far we got ("the part of the guidelines we
 * could read", "read here as nmol", "we have no trial to quote").
 */
export const WORKING_NOTES = /\bread (?:here|for this deck)\b|\bwe (?:have no|could(?: not)? read)\b|\bwhere (?:they|it) (?:were|was) read\b|\bpart of (?:the|its|that|it)\b[^.]{1,60}?\bread\b|no verified source|\bis not confirmed\b/i

/**
 * Our audit trail and provenance: which record was seen where, what could not be traced, what
 * the lecture the deck was built from said. They live in references.bib, `npm run check:refs`,
 * the Markdown's maintainer remarks and the handout's "Sources and corrections" appendix;
 * never on a projected slide or in the notes a student reads, where a clinical audience sees
 * the evidence mark and its legend instead. (An audience has never seen "the source lecture".)
 */
export const AUDIT_WORDING = new RegExp(`source lecture|do not reuse|\\(unverified\\)|not independently verified|not traced|not verified|reference audit|\\bthe source (?:lists|cites|said|says|reports|gives|gave|positions|offers)\\b|present (?:it|them|both) as\\b|we have not (?:re-)?checked|${WORKING_NOTES.source}`, 'i')

/**
 * What a slide's shown `text` says that a clinical audience should not see (`at` names the
 * slide): audit wording, an evidence mark (†) without its legend, a legend more than once or
 * with no mark. `marked`: the slide carries the mark.
 */
export function evidenceProblems(text: string, at: string): { problems: string[], marked: boolean } {
  const problems: string[] = []
  const audit = text.match(AUDIT_WORDING)
  if (audit)
    problems.push(`${at}: shows "${audit[0]}"`)
  const legends = text.split(EVIDENCE_LEGEND).length - 1
  const daggers = text.split('†').length - 1 - legends
  if (daggers > 0 && legends !== 1)
    problems.push(`${at}: ${daggers} dagger(s) and ${legends} legend(s); a slide with the mark shows the legend once`)
  if (daggers === 0 && legends)
    problems.push(`${at}: a legend with no dagger to explain`)
  return { problems, marked: daggers > 0 }
}

/**
 * Headings of the shown slide (its title, a card's heading) whose last line is one word alone
 * ("…changed the / question"): from the back of the hall the word reads as an afterthought,
 * and a title's lines are read as its phrasing. (In a narrow card a point may end with one
 * long word, as set text does; a short one is avoided by text-wrap: pretty.)
 */
export function strandedWords(page: Page, slide: string): Promise<string[]> {
  return page.locator(slide).evaluate((el) => {
    const out: string[] = []
    for (const block of el.querySelectorAll<HTMLElement>('h1, h2, h3, [role="heading"]')) {
      if (block.closest('[aria-hidden="true"], svg') || !block.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        continue
      // Each word's line, by the top of its box; a citation mark belongs to its word.
      const words: { text: string, top: number, height: number }[] = []
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('sup, .citation, [aria-hidden="true"]'))
          continue
        for (const m of n.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(n, m.index)
          range.setEnd(n, m.index + m[0].length)
          const r = range.getBoundingClientRect()
          if (r.width > 0)
            words.push({ text: m[0], top: r.top, height: r.height })
        }
      }
      // Words in reading order; a word whose box starts half a line below the one before opens a line.
      const lineStarts = words.filter((w, i) => i > 0 && w.top > words[i - 1]!.top + w.height / 2)
      const last = words.at(-1)!
      if (lineStarts.length > 0 && lineStarts.at(-1) === last)
        out.push(`"${(block.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}…" ends with "${last.text}" alone on its last line`)
    }
    return out
  })
}
