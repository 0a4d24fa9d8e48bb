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
  // Known and not yet fixed (issue 16): the tolerance chart holds three panels (dose-response,
  // threshold, mechanism) in one box beside the text; at hall sizes they do not fit, and the fix
  // is to give the hyperalgesia panels a slide of their own. Listed by title; the test fails
  // when a listed slide passes (remove it) as well as when any other slide fails.
  const known = ['Tolerance: NMDA antagonists reduce the shift of the curve']
  const isKnown = (f: { where: string }) => known.some(t => f.where.endsWith(`"${t}"`))
  for (const t of known)
    expect(findings.filter(f => f.where.endsWith(`"${t}"`)).length, `"${t}" now passes: take it off the known list`).toBeGreaterThan(0)
  expect(findings.filter(f => !isKnown(f)).map(formatHallFinding)).toEqual([])
})

// The deck's own text may not happen to put a citation at a line end; this puts one there, in
// a narrow paragraph on a slide of the built deck, beside a control drawn without the addon's
// rule, so the check is shown able to fail.
test('a citation stays on one line, joined to the word before it', async ({ page }) => {
  await page.goto('4')
  await page.locator('.slidev-page-4').waitFor()
  const lines = await page.evaluate(() => {
    const layout = document.querySelector('.slidev-page-4 .slidev-layout')!
    const probe = document.createElement('div')
    probe.innerHTML = `<style>.hall-control::before{content:'['}.hall-control::after{content:']'}</style>
      <p>receptors in pain<sup class="citation">28–30</sup> and more</p>
      <p>receptors in pain<sup class="hall-control">28–30</sup> and more</p>`
    layout.append(probe)
    const [real, control] = [
      ...probe.querySelectorAll('sup'),
    ]
    const lineOf = (sup: Element) => {
      const word = sup.previousSibling!
      const range = document.createRange()
      range.setStart(word, word.textContent!.length - 1)
      range.setEnd(word, word.textContent!.length)
      const w = range.getBoundingClientRect()
      const s = sup.getClientRects()
      // One line box, and it starts on the line of the word's last letter.
      return { boxes: s.length, withWord: Math.abs(s[0]!.bottom - w.bottom) < w.height / 2 }
    }
    // Narrow both paragraphs until the control breaks; the real citation must not, there.
    let out: { width: number, real: ReturnType<typeof lineOf>, control: ReturnType<typeof lineOf> } | undefined
    for (let em = 12; em >= 2 && !out; em -= 0.05) {
      for (const p of probe.querySelectorAll('p'))
        p.style.width = `${em}em`
      const c = lineOf(control!)
      if (c.boxes > 1 || !c.withWord) {
        out = {
          width: em,
          real: lineOf(real!),
          control: c,
        }
      }
    }
    probe.remove()
    return out
  })
  expect(lines, 'no width made the control break: the probe cannot tell').toBeDefined()
  expect(lines!.real).toEqual({ boxes: 1, withWord: true })
})
