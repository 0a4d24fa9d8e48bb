import type { Page } from '@playwright/test'
import type { SlideMeasure } from '../../lib/hallChecks'
import type { AxeOutcome } from './deck'
import { formatHallFinding, slideFindings, titleFindings } from '../../lib/hallChecks'
import { deck, hideEmptyDrawingLayer, runAxe, showSlide } from './deck'
import { figureProblems } from './diagramBoxes'
import { expect, test } from './fixtures'
import { measureSlide } from './hallMeasure'
import { audit, collectSvgText, describe, evidenceProblems, headingsIn, htmlFailures, measureHtmlText, OUTLINE_RULES, outlineProblems, readabilityProblems, readableText, serious, strandedWords, svgFailures, WCAG_TAGS } from './slideChecks'

// One pass over every slide of the built deck per colour scheme, within one open deck (slides
// reached by Slidev's own navigation, as a lecturer's keys reach them), each slide at its last click
// (all of it showing), running every per-slide check on the page once it is open, instead of
// one sweep per check: opening ~60 slides is most of a sweep's time.
//   light: axe (WCAG A/AA, serious or critical), the heading outline and axe's outline rules,
//          no heading ending in one word alone on its last line,
//          WCAG AA contrast (axe for HTML text, our measure for SVG text), readability
//          (nothing off the slide, no text under 20 px), and the hall measure (issue 16:
//          type scale per kind, fill, overflow, citations on one line) at 1920x1080; then the
//          same slide resized to 1024x768 for the hall measure there (one title box at both).
//          Every drawn figure at both sizes: no text on text, an ion or a shape it is not
//          inside, nothing outside the figure's box. What the audience reads: no audit
//          wording, and every evidence mark (†) with its legend, once. Then each earlier click step of the
//          slide, at both sizes: the same checks except axe and fill (a slide half revealed
//          may be emptier than the whole); and each click shows something new to read.
//   dark:  WCAG AA contrast, readability, the hall measure and the figures, at both sizes
//          and every click step, as in the light pass: a dark rule that changed a border, a
//          weight or a size would move the layout. (axe's structural rules, the outline and
//          the audit wording do not depend on the scheme: light only.)

/**
 * axe on the shown slide, once: the contrast rule, or with `everyRule` every WCAG A/AA rule in
 * the same run (contrast is the costliest of them; the light pass used to measure it twice).
 */
function axeSlide(page: Page, slide: string, everyRule: boolean): Promise<AxeOutcome> {
  return runAxe(page, slide, {
    runOnly: everyRule
      ? { type: 'tag', values: WCAG_TAGS }
      : {
          type: 'rule',
          values: ['color-contrast'],
        },
    resultTypes: ['violations', 'incomplete'],
  })
}

async function contrastProblems(page: Page, slide: string, where: string, axe: AxeOutcome) {
  const problems: string[] = []
  const contrast = (rules: AxeOutcome['violations']) => rules.filter(r => r.id === 'color-contrast')
  for (const v of contrast(axe.violations)) {
    for (const n of v.nodes)
      problems.push(`${where}: ${n.target.join(' ')}: ${n.summary.replace(/\s+/g, ' ')}`)
  }
  // "Incomplete" is axe saying it could not measure, which is not a pass: we measure those
  // ourselves (SVG text below; HTML text here, see measureHtmlText).
  const unmeasured = contrast(axe.incomplete).flatMap(v => v.nodes)
  const html = await measureHtmlText(page, unmeasured)
  problems.push(...htmlFailures(html).map(f => `${where}: ${f}`))
  // axe measured text on this slide (every slide has some): it did not pass unseen.
  expect(contrast(axe.passes).length, `${where}: axe measured no text`).toBeGreaterThan(0)
  const texts = await collectSvgText(page, slide)
  problems.push(...svgFailures(texts).map(f => `${where}: SVG text ${f}`))
  return { problems, svgTexts: texts.length, htmlMeasured: html.length }
}

const BIG = { width: 1920, height: 1080 }
const SMALL = { width: 1024, height: 768 }

/**
 * The page shows the slide laid out with its fonts and images: every box on the shown slide
 * the same for three frames in a row. Slidev rescales a slide on the frame after a resize,
 * and a figure may place its labels on the frame after that; a fixed pause was either too
 * short on a busy machine or mostly idle (it was 150 ms, at ~300 stops of a sweep).
 */
async function settle(page: Page) {
  const settled = await page.evaluate(async () => {
    await document.fonts.ready
    const frame = () => new Promise(requestAnimationFrame)
    const shown = () => [
      ...document.querySelectorAll<HTMLElement>('.slidev-page'),
    ].filter(p => getComputedStyle(p).display !== 'none')
    const boxes = () => shown().flatMap(p => [
      p,
      ...p.querySelectorAll('*'),
    ]).map((e) => {
      const r = e.getBoundingClientRect()
      return `${r.x},${r.y},${r.width},${r.height}`
    }).join(';')
    const loaded = () => shown().every(p => [
      ...p.querySelectorAll('img'),
    ].every(i => i.complete))
    let last = ''
    let same = 0
    for (let i = 0; i < 120; i++) {
      await frame()
      const now = boxes()
      same = now === last && loaded()
        ? same + 1
        : 0
      last = now
      if (same === 2)
        return true
    }
    return false
  })
  expect(settled, 'the slide\'s layout settles within 120 frames').toBe(true)
}

/**
 * The page shows slide `no` at 1920x1080, settled: readability there, then the hall measure
 * and every figure at 1920x1080 and again resized to 1024x768 (the page is left small).
 */
async function layoutAtBothSizes(page: Page, no: number, where: string, label: string) {
  const slide = `.slidev-page-${no}`
  const problems = (await readabilityProblems(page, slide)).map(f => `${where}: ${f}`)
  const big = await measureSlide(page, no, label)
  problems.push(...(await figureProblems(page, slide)).map(f => `${where} at 1920x1080: ${f}`))
  await page.setViewportSize(SMALL)
  await settle(page)
  const small = await measureSlide(page, no, label)
  problems.push(...(await figureProblems(page, slide)).map(f => `${where} at 1024x768: ${f}`))
  return { problems, big, small }
}

function hallProblems(big: SlideMeasure[], small: SlideMeasure[]): string[] {
  // The measure found what it checks: titles, texts of every kind, citations.
  expect(big.filter(m => m.title).length).toBeGreaterThan(50)
  expect(new Set(big.flatMap(m => m.texts.map(t => t.kind)))).toEqual(new Set(['body', 'label', 'footnote']))
  expect(big.flatMap(m => m.citations).length).toBeGreaterThan(100)
  const findings = [
    ...big.flatMap(slideFindings),
    ...small.flatMap(m => slideFindings(m).filter(f => f.check === 'citation' || f.check === 'overflow')),
    ...titleFindings([
      ...big,
      ...small,
    ]),
  ]
  return findings.map(formatHallFinding)
}

// The two schemes are independent passes: with two workers they run side by side.
test.describe.configure({ mode: 'parallel' })

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme, reducedMotion: 'reduce', viewport: BIG })

    const what = scheme === 'light'
      ? 'no serious axe violation, a heading outline, no heading ending in a word alone on a line, WCAG AA contrast, no text under 20 px or off the slide, the hall\'s type scale, fill, citations and one title box at 1920x1080 and 1024x768, no audit trail and a legend with every evidence mark'
      : 'WCAG AA contrast, no text under 20 px or off the slide, the hall\'s type scale, fill, citations and one title box at 1920x1080 and 1024x768'
    test(`every slide (${scheme}): ${what}`, async ({ page }) => {
      test.setTimeout(600_000)
      const d = await deck()
      const problems: string[] = []
      const big: SlideMeasure[] = []
      const small: SlideMeasure[] = []
      let svgTexts = 0
      let htmlMeasured = 0
      let stepsSeen = 0
      let marked = 0
      let clicksRead = 0
      for (const s of d.slides) {
        const where = `${s.file}:${s.line} slide ${s.no} "${s.title}" (${scheme})`
        const slide = `.slidev-page-${s.no}`
        await page.setViewportSize(BIG)
        const { clicksTotal: clicks } = await showSlide(page, s.no, 99)
        await settle(page)
        // The scheme really applied: otherwise a dark run would measure the light deck again.
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), where).toBe(scheme === 'dark')
        // Or axe reports every text's contrast as unmeasurable, and passes it.
        await hideEmptyDrawingLayer(page)
        const axe = await axeSlide(page, slide, scheme === 'light')
        const c = await contrastProblems(page, slide, where, axe)
        problems.push(...c.problems)
        svgTexts += c.svgTexts
        htmlMeasured += c.htmlMeasured
        const label = `${s.file}:${s.line} "${s.title}"`
        if (scheme === 'light') {
          const at = `${s.file}:${s.contentLine} slide ${s.no} "${s.title}"`
          for (const v of serious(axe.violations.filter(v => v.id !== 'color-contrast')))
            problems.push(`${at}: ${describe(v)}`)
          for (const p of outlineProblems(await headingsIn(page, slide)))
            problems.push(`${at}: ${p}`)
          for (const p of await strandedWords(page, slide))
            problems.push(`${at}: ${p}`)
          const evidence = evidenceProblems(await page.locator(slide).textContent() ?? '', at)
          problems.push(...evidence.problems)
          marked += Number(evidence.marked)
          // Every impact counts here: axe rates these moderate or minor.
          for (const v of await audit(page, 'html', { type: 'rule', values: OUTLINE_RULES }))
            problems.push(`${at}: ${describe(v)}`)
        }
        // What the audience reads at each click step (light only: the words do not change with the scheme).
        const readable: string[] = []
        if (scheme === 'light')
          readable[clicks] = await readableText(page, slide)
        // The layout in both schemes: a dark rule that changed a border or a weight would move it.
        const last = await layoutAtBothSizes(page, s.no, where, label)
        problems.push(...last.problems)
        big.push(last.big)
        small.push(last.small)
        for (let click = 0; click < clicks; click++) {
          stepsSeen++
          const step = `${where} at click ${click}`
          await page.setViewportSize(BIG)
          await showSlide(page, s.no, click)
          await settle(page)
          await hideEmptyDrawingLayer(page)
          if (scheme === 'light')
            readable[click] = await readableText(page, slide)
          problems.push(...(await contrastProblems(page, slide, step, await axeSlide(page, slide, false))).problems)
          const m = await layoutAtBothSizes(page, s.no, step, `${label} at click ${click}`)
          problems.push(
            ...m.problems,
            ...slideFindings(m.big).filter(f => f.check !== 'empty').map(formatHallFinding),
            ...slideFindings(m.small).filter(f => f.check === 'citation' || f.check === 'overflow').map(formatHallFinding),
          )
        }
        // Every press of the clicker shows something to read or to talk about, not an arrow alone.
        for (let click = 1; click < readable.length; click++) {
          clicksRead++
          if (readable[click] === readable[click - 1])
            problems.push(`${where}: click ${click} shows nothing new to read (only decoration, hidden from assistive technology, or nothing)`)
        }
      }
      // The deck's stepped slides were walked: the diagrams and the v-click slides.
      expect(stepsSeen).toBeGreaterThan(10)
      // The figures and components are on the slides: their text was measured, not missed.
      expect(svgTexts).toBeGreaterThan(100)
      test.info().annotations.push({ type: 'measured here', description: `${stepsSeen} earlier click steps; ${svgTexts} SVG texts; ${htmlMeasured} HTML texts axe could not measure` })
      expect(small).toHaveLength(d.slides.length)
      problems.push(...hallProblems(big, small))
      // The deck does have low-certainty claims and sources that could not be fully checked: some were looked at.
      if (scheme === 'light') {
        expect(marked).toBeGreaterThan(5)
        expect(clicksRead, 'clicks whose text was compared with the step before').toBeGreaterThan(10)
      }
      expect(problems).toEqual([])
    })
  })
}
