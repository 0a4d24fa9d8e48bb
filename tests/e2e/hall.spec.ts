import { expect, test } from '@playwright/test'
import { figureProblems } from './diagramBoxes'

// Designed for the hall (issue 16). Every slide is measured and judged by lib/hallChecks.ts in
// sweep.spec.ts, in the same pass over the slides as the other per-slide checks; here, that a
// citation's line rule can be seen to work.

// The deck's own text may not happen to put a citation at a line end; this puts one there, in
// a narrow paragraph on a slide of the built deck, beside a control drawn without the addon's
// rule, so the check is shown able to fail.
test('a citation stays on one line, joined to the word before it', async ({ page }) => {
  await page.goto('4')
  await page.locator('.slidev-page-4 .slidev-layout').waitFor()
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

// sweep.spec runs figureProblems on every figure at every click step. Here, on a slide of the
// built deck, a figure drawn with the three faults it looks for, beside the same figure drawn
// right, so the check is shown to find each and to pass a clean one.
test('the figure check finds text on text, text across a shape, and text outside the figure', async ({ page }) => {
  await page.goto('4')
  await page.locator('.slidev-page-4 .slidev-layout').waitFor()
  await page.evaluate(() => {
    const figure = (name: string, t: Record<string, [number, number]>) => `<svg class="${name}" viewBox="0 0 200 100" width="200" height="100">
      <rect data-shape="box" x="10" y="10" width="60" height="30" />
      ${Object.entries(t).map(([text, [x, y]]) => `<text x="${x}" y="${y}" font-size="14">${text}</text>`).join('')}
    </svg>`
    const probe = document.createElement('div')
    probe.id = 'figure-probe'
    probe.innerHTML = figure('broken', {
      'in box': [40, 30],
      'first': [100, 60],
      'second': [110, 62],
      'edge': [180, 90],
    })
    + figure('clean', {
      'in box': [15, 30],
      'first': [100, 60],
      'second': [100, 85],
      'edge': [150, 90],
    })
    document.querySelector('.slidev-page-4 .slidev-layout')!.append(probe)
  })
  const found = await figureProblems(page, '#figure-probe')
  expect(found.filter(f => f.startsWith('figure clean'))).toEqual([])
  const broken = found.filter(f => f.startsWith('figure broken')).join('\n')
  expect(broken).toMatch(/"in box"/)
  expect(broken).toMatch(/"first" overlaps text .*"second"|"second" overlaps text .*"first"/)
  expect(broken).toMatch(/"edge" is outside the figure's box/)
})
