import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { deck, hideEmptyDrawingLayer, runAxe } from './deck'
import { audit, collectSvgText, describe, headingsIn, htmlFailures, measureHtmlText, OUTLINE_RULES, outlineProblems, readabilityProblems, serious, svgFailures } from './slideChecks'

// One pass over every slide of the built deck per colour scheme, each slide at its last click
// (all of it showing), running every per-slide check on the page once it is open, instead of
// one sweep per check: opening ~60 slides is most of a sweep's time.
//   light: axe (WCAG A/AA, serious or critical), the heading outline and axe's outline rules,
//          WCAG AA contrast (axe for HTML text, our measure for SVG text), readability
//          (nothing off the slide, no text under 20 px at 1920x1080).
//   dark:  WCAG AA contrast. (The other checks do not depend on the scheme's colours.)

async function contrastProblems(page: Page, slide: string, where: string) {
  const problems: string[] = []
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
  // "Incomplete" is axe saying it could not measure, which is not a pass: we measure those
  // ourselves (SVG text below; HTML text here, see measureHtmlText).
  const unmeasured = axe.incomplete.flatMap(v => v.nodes.map(n => n.target[0]!))
  const html = await measureHtmlText(page, unmeasured)
  problems.push(...htmlFailures(html).map(f => `${where}: ${f}`))
  // axe measured text on this slide (every slide has some): it did not pass unseen.
  expect(axe.passes.length, `${where}: axe measured no text`).toBeGreaterThan(0)
  const texts = await collectSvgText(page, slide)
  problems.push(...svgFailures(texts).map(f => `${where}: SVG text ${f}`))
  return { problems, svgTexts: texts.length, htmlMeasured: html.length }
}

// The two schemes are independent passes: let them run on both workers at once.
test.describe.configure({ mode: 'parallel' })

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' })

    const what = scheme === 'light'
      ? 'no serious axe violation, a heading outline, WCAG AA contrast, fits its canvas with no text under 20 px at 1920x1080'
      : 'WCAG AA contrast'
    test(`every slide (${scheme}): ${what}`, async ({ page }) => {
      test.setTimeout(420_000)
      const d = await deck()
      const problems: string[] = []
      let svgTexts = 0
      let htmlMeasured = 0
      for (const s of d.slides) {
        const where = `${s.file}:${s.line} slide ${s.no} "${s.title}" (${scheme})`
        const slide = `.slidev-page-${s.no}`
        await page.goto(`${s.no}?clicks=99`)
        await page.locator(slide).waitFor()
        await page.waitForTimeout(150)
        // The scheme really applied: otherwise a dark run would measure the light deck again.
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), where).toBe(scheme === 'dark')
        if (scheme === 'light')
          problems.push(...(await readabilityProblems(page, slide)).map(f => `${where}: ${f}`))
        // Or axe reports every text's contrast as unmeasurable, and passes it.
        await hideEmptyDrawingLayer(page)
        const c = await contrastProblems(page, slide, where)
        problems.push(...c.problems)
        svgTexts += c.svgTexts
        htmlMeasured += c.htmlMeasured
        if (scheme === 'light') {
          const at = `${s.file}:${s.contentLine} slide ${s.no} "${s.title}"`
          for (const v of serious(await audit(page, slide)))
            problems.push(`${at}: ${describe(v)}`)
          for (const p of outlineProblems(await headingsIn(page, slide)))
            problems.push(`${at}: ${p}`)
          // Every impact counts here: axe rates these moderate or minor.
          for (const v of await audit(page, 'html', { type: 'rule', values: OUTLINE_RULES }))
            problems.push(`${at}: ${describe(v)}`)
        }
      }
      // The figures and components are on the slides: their text was measured, not missed.
      expect(svgTexts).toBeGreaterThan(100)
      test.info().annotations.push({ type: 'measured here', description: `${svgTexts} SVG texts; ${htmlMeasured} HTML texts axe could not measure` })
      expect(problems).toEqual([])
    })
  })
}
