import { expect, test } from '@playwright/test'

// Designed for the hall (issue 16). Every slide is measured and judged by lib/hallChecks.ts in
// sweep.spec.ts, in the same pass over the slides as the other per-slide checks; here, that a
// citation's line rule can be seen to work.

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
