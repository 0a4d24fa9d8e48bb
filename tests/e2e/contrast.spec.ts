import type { Page } from '@playwright/test'
import type { Rgba } from '../../lib/contrast'
import { expect, test } from '@playwright/test'
import { findBrowser } from '../../lib/browser'
import { accentOnDark, contrastRatio, DECK_BACKGROUNDS, over, parseColor, requiredRatio } from '../../lib/contrast'
import { launchBrowser, openPrintRoute } from '../../lib/printDeck'
import { deck, hideEmptyDrawingLayer, runAxe, slideNumberOf } from './deck'

// WCAG AA colour contrast on every slide, at its last click (all of it showing), in the light
// and in the dark scheme: axe-core's color-contrast rule for the HTML text, and our own
// measurement for SVG <text>, which axe does not look at (the diagrams and figures).

/** A paint seen through the SVG at one point: a colour and how much of it shows. */
interface Layer { color: string, alpha: number }
interface SvgText {
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
function collectSvgText(page: Page, selector: string): Promise<SvgText[]> {
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
          if (!color || a < 0.01 || !ctm)
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
function backdrop(layers: Layer[]): Rgba {
  let bg = parseColor(layers.at(-1)!.color)!
  for (const l of layers.slice(0, -1).reverse()) {
    const c = parseColor(l.color)!
    bg = over({ ...c, a: c.a * l.alpha }, bg)
  }
  return bg
}

/** The SVG texts that miss WCAG AA, each with the worst of its sampled points. */
function svgFailures(texts: SvgText[]): string[] {
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

interface HtmlText { target: string, text: string, color: string, alpha: number, sizePx: number, weight: number, layers: Layer[], covered: string | null }

/**
 * HTML text that axe left unmeasured (outside SVG). axe gives up when any element's box
 * overlaps the text, and an SVG path's box ignores its clip-path: the tolerance plot's
 * shifted curves, clipped to the plot, still "cover" the bullet points beside it. Here the
 * browser's own hit test (which honours clipping) must find the text on top; its colour is
 * then measured on the backgrounds of its ancestors.
 */
function measureHtmlText(page: Page, targets: string[]): Promise<HtmlText[]> {
  return page.evaluate((sels) => {
    const out: HtmlText[] = []
    for (const sel of sels) {
      const el = document.querySelector(sel)
      if (!el || el.closest('svg'))
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
  }, targets)
}

function htmlFailures(m: HtmlText[]): string[] {
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

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' })

    test(`every slide meets WCAG AA colour contrast (axe for HTML text, our own check for SVG text)`, async ({ page }) => {
      test.setTimeout(300_000)
      const d = await deck()
      const problems: string[] = []
      let svgTexts = 0
      let htmlMeasured = 0
      for (const s of d.slides) {
        const where = `${s.file}:${s.line} slide ${s.no} "${s.title}" (${scheme})`
        await page.goto(`${s.no}?clicks=99`)
        const slide = `.slidev-page-${s.no}`
        await page.locator(slide).waitFor()
        await page.waitForTimeout(100)
        // The scheme really applied: otherwise a dark run would measure the light deck again.
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), where).toBe(scheme === 'dark')

        await hideEmptyDrawingLayer(page)
        const axe = await runAxe(page, slide, {
          runOnly: {
            type: 'rule',
            values: ['color-contrast'],
          },
          resultTypes: ['violations', 'incomplete'],
        })
        for (const v of axe.violations) {
          for (const n of v.nodes)
            problems.push(`${where}: ${n.target.join(' ')}: ${n.summary.replace(/\s+/g, ' ')}`)
        }
        // "Incomplete" is axe saying it could not measure, which is not a pass: we measure
        // those ourselves (SVG text below; HTML text here, see measureHtmlText).
        const unmeasured = axe.incomplete.flatMap(v => v.nodes.map(n => n.target[0]!))
        const html = await measureHtmlText(page, unmeasured)
        htmlMeasured += html.length
        problems.push(...htmlFailures(html).map(f => `${where}: ${f}`))
        // axe measured text on this slide (every slide has some): it did not pass unseen.
        expect(axe.passes.length, `${where}: axe measured no text`).toBeGreaterThan(0)

        const texts = await collectSvgText(page, slide)
        svgTexts += texts.length
        problems.push(...svgFailures(texts).map(f => `${where}: SVG text ${f}`))
      }
      // The figures and components are on the slides: their text was measured, not missed.
      expect(svgTexts).toBeGreaterThan(100)
      test.info().annotations.push({ type: 'measured here', description: `${svgTexts} SVG texts; ${htmlMeasured} HTML texts axe could not measure` })
      expect(problems).toEqual([])
    })

    test('the slide background and the accent are the scheme\'s own', async ({ page }) => {
      const d = await deck()
      await page.goto('3')
      await page.locator('.slidev-page-3 h1').waitFor()
      const seen = await page.evaluate(() => ({
        background: getComputedStyle(document.querySelector('.slidev-page-3 .slidev-layout')!).backgroundColor,
        title: getComputedStyle(document.querySelector('.slidev-page-3 h1')!).color,
      }))
      const accent = String(d.headmatter.accent)
      const expected = scheme === 'dark'
        ? accentOnDark(accent)
        : accent
      expect(parseColor(seen.background)).toEqual(parseColor(DECK_BACKGROUNDS[scheme]))
      expect(parseColor(seen.title)).toEqual(parseColor(expected))
      expect(contrastRatio(seen.title, seen.background)).toBeGreaterThanOrEqual(scheme === 'dark'
        ? 7
        : 4.5)
    })

    if (scheme === 'dark') {
      test('the PDFs are printed light even for a viewer whose system prefers dark', async ({ baseURL }) => {
        // The same browser library, route and call the slides PDF and the handout are printed
        // through, in a context that prefers dark.
        const browser = await launchBrowser(findBrowser().path)
        try {
          const context = await browser.newContext({ colorScheme: 'dark' })
          const { page } = await openPrintRoute(context, `${baseURL}print?print=true`, 60_000)
          // A slide with a list, found by its content rather than by a number that moves.
          const no = await slideNumberOf(/^# Learning objectives/m)
          await page.locator(`.print-slide-container .slidev-page-${no} h1`).waitFor()
          const seen = await page.evaluate(n => ({
            dark: document.documentElement.classList.contains('dark'),
            background: getComputedStyle(document.querySelector(`.print-slide-container .slidev-page-${n} .slidev-layout`)!).backgroundColor,
            text: getComputedStyle(document.querySelector(`.print-slide-container .slidev-page-${n} li`)!).color,
          }), no)
          expect(seen.dark).toBe(false)
          expect(parseColor(seen.background)).toEqual(parseColor(DECK_BACKGROUNDS.light))
          expect(contrastRatio(seen.text, seen.background)).toBeGreaterThan(12)
        }
        finally {
          await browser.close()
        }
      })
    }
  })
}
