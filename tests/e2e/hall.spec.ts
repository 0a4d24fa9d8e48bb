import type { SlideMeasure } from '../../lib/hallChecks'
import { expect, test } from '@playwright/test'
import { formatHallFinding, slideFindings, titleFindings } from '../../lib/hallChecks'
import { deck } from './deck'
import { measureSlide } from './hallMeasure'

// Designed for the hall (issue 16): measured on every slide at its last click, judged by
// lib/hallChecks.ts. At 1920x1080: the type scale per kind, no slide more than two-thirds
// empty, nothing off the canvas, no citation over two lines. At 1920x1080 and 1024x768
// together: one title size and place on every slide that is not a divider.
async function measureAll(page: import('@playwright/test').Page): Promise<SlideMeasure[]> {
  const d = await deck()
  const out: SlideMeasure[] = []
  for (const s of d.slides) {
    await page.goto(`${s.no}?clicks=99`)
    await page.locator(`.slidev-page-${s.no}`).waitFor()
    await page.evaluate(() => document.fonts.ready)
    await page.waitForTimeout(150)
    out.push(await measureSlide(page, s.no, `${s.file}:${s.line} "${s.title}"`))
  }
  return out
}

test('the hall: type scale, fill, overflow, citations and one title box (1920x1080 and 1024x768)', async ({ browser }) => {
  test.setTimeout(600_000)
  const measures: Record<string, SlideMeasure[]> = {}
  for (const [w, h] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    const context = await browser.newContext({
      viewport: { width: w, height: h },
      reducedMotion: 'reduce',
    })
    measures[w] = await measureAll(await context.newPage())
    await context.close()
  }
  const big = measures[1920]!
  const small = measures[1024]!
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
  expect(findings.map(formatHallFinding)).toEqual([])
})
