import type { Locator, Page } from '@playwright/test'

/** A label, an ion or a shape of a drawn diagram as the browser laid it out (CSS px). */
export interface Drawn { kind: 'text' | 'ion' | 'shape', id: string, text: string, x: number, y: number, w: number, h: number, fontPx: number }

/**
 * Everything the reader sees in an SVG figure: texts (with their rendered font size in screen
 * px), ions and agonists (`data-collide="ion"`), shapes (`data-shape`). Hidden things (opacity
 * 0 anywhere up to the <svg>) are left out: only what is on screen can collide.
 */
export async function drawnItems(figure: Locator): Promise<Drawn[]> {
  return figure.evaluate((root) => {
    const seen = (el: Element) => {
      let o = 1
      for (let e: Element | null = el; e && e !== root.parentElement; e = e.parentElement)
        o *= Number(getComputedStyle(e).opacity)
      return o > 0.05 && getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none'
    }
    const out: Drawn[] = []
    const push = (el: Element, kind: Drawn['kind']) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || !seen(el))
        return
      const svg = (el as SVGElement).ownerSVGElement ?? (el as SVGSVGElement)
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
      // A text's box is its line box (Source Sans 3: 1.024 em above the baseline, 0.4 em
      // below); what a reader sees collide is the ink, from the tallest letters (0.76 em) to the
      // descenders (0.24 em). Stacked lines (tspans) keep the first line's top, the last's bottom.
      const fs = kind === 'text'
        ? Number.parseFloat(getComputedStyle(el).fontSize) * scale
        : 0
      const top = r.y + (1.024 - 0.76) * fs
      const bottom = r.y + r.height - (0.4 - 0.24) * fs
      out.push({
        kind,
        id: el.getAttribute('data-id') ?? el.getAttribute('data-shape') ?? el.getAttribute('data-glyph') ?? el.getAttribute('class') ?? el.tagName,
        text: kind === 'text'
          ? el.textContent!.trim()
          : '',
        x: r.x,
        y: top,
        w: r.width,
        h: bottom - top,
        fontPx: kind === 'text'
          ? Math.min(...[
            el,
            ...el.querySelectorAll('tspan'),
          ].map(e => Number.parseFloat(getComputedStyle(e).fontSize))) * scale
          : 0,
      })
    }
    // Texts that are not the symbol inside an ion (that one is inside its ion by design).
    root.querySelectorAll('svg text').forEach(t => !t.closest('[data-collide="ion"]') && t.textContent!.trim() && push(t, 'text'))
    root.querySelectorAll('[data-collide="ion"]').forEach(i => push(i, 'ion'))
    root.querySelectorAll('[data-shape]').forEach(s => push(s, 'shape'))
    return out
  }) as Promise<Drawn[]>
}

const inside = (o: Drawn, i: Drawn, slack = 0.5) => i.x >= o.x - slack && i.y >= o.y - slack && i.x + i.w <= o.x + o.w + slack && i.y + i.h <= o.y + o.h + slack
const meet = (a: Drawn, b: Drawn, slack = 0.5) => a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h
/** Ions are round: two collide when their circles do (their boxes touch on a diagonal). */
const circlesMeet = (a: Drawn, b: Drawn) => Math.hypot(a.x + a.w / 2 - b.x - b.w / 2, a.y + a.h / 2 - b.y - b.h / 2) < (a.w + b.w) / 2 - 0.5
function circleMeetsBox(c: Drawn, b: Drawn) {
  const r = c.w / 2
  const nx = Math.min(b.x + b.w, Math.max(b.x, c.x + r))
  const ny = Math.min(b.y + b.h, Math.max(b.y, c.y + r))
  return Math.hypot(c.x + r - nx, c.y + r - ny) < r - 0.5
}

/**
 * Collisions a reader would see: text on text, text on an ion, ion on ion, and a text or an ion
 * on a shape it is not wholly inside. An ion drawn on its shape by design (a bound agonist in
 * its site, on its subunit) is named in `allowed` as "ion id|shape id" pairs.
 */
export function overlaps(items: Drawn[], allowed: (a: Drawn, b: Drawn) => boolean = () => false): string[] {
  const found: string[] = []
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!
      const b = items[j]!
      if (a.kind === 'shape' && b.kind === 'shape')
        continue
      if (allowed(a, b) || allowed(b, a))
        continue
      const name = (d: Drawn) => `${d.kind} ${d.id}${d.text
        ? ` "${d.text}"`
        : ''}`
      let hit: boolean
      if (a.kind === 'ion' && b.kind === 'ion') {
        hit = circlesMeet(a, b)
      }
      else if (a.kind === 'shape' || b.kind === 'shape') {
        const [shape, thing] = a.kind === 'shape'
          ? [a, b]
          : [b, a]
        hit = inside(shape, thing)
          ? false
          : thing.kind === 'ion'
            ? circleMeetsBox(thing, shape)
            : meet(shape, thing)
      }
      else {
        hit = meet(a, b)
      }
      if (hit)
        found.push(`${name(a)} overlaps ${name(b)}`)
    }
  }
  return found
}

/** A bound agonist drawn on its site and subunit, by design (the Mg2+ block diagram). */
export const isLigandOnItsSite = (a: Drawn, b: Drawn) => a.id.includes('mg-ligand') && /glun\d|-site$/.test(b.id)

/**
 * Every drawn figure on the slide `slide` (each top-level <svg>): collisions as `overlaps`
 * finds them, and anything drawn outside the figure's own box (its viewBox as laid out).
 */
export async function figureProblems(page: Page, slide: string): Promise<string[]> {
  const problems: string[] = []
  const figures = page.locator(`${slide} svg:not(svg svg)`)
  for (let i = 0; i < await figures.count(); i++) {
    const svg = figures.nth(i)
    const box = await svg.evaluate((el) => {
      const r = el.getBoundingClientRect()
      return {
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
        small: r.width < 40 || r.height < 40,
        name: el.closest('figure')?.className || el.getAttribute('class') || 'svg',
      }
    })
    // Icons and glyphs (the ev-mark, the toolbar's) are not figures.
    if (box.small)
      continue
    const items = await drawnItems(svg)
    problems.push(...overlaps(items, isLigandOnItsSite).map(p => `figure ${box.name}: ${p}`))
    for (const d of items) {
      if (d.x < box.x - 1 || d.y < box.y - 1 || d.x + d.w > box.x + box.w + 1 || d.y + d.h > box.y + box.h + 1) {
        problems.push(`figure ${box.name}: ${d.kind} ${d.id}${d.text
          ? ` "${d.text}"`
          : ''} is outside the figure's box`)
      }
    }
  }
  return problems
}
