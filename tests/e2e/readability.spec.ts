import { expect, test } from '@playwright/test'
import { deck } from './deck'

// A lecture hall at 1920x1080: nothing may spill off a slide, and no text may be smaller
// than 20 px on screen. Each slide is checked at its last click, when all of it shows.
const MIN_PX = 20

test('every slide fits its canvas and no text is below 20 px at 1920x1080', async ({ page }) => {
  test.setTimeout(300_000)
  const d = await deck()
  const problems: string[] = []
  for (const s of d.slides) {
    await page.goto(`${s.no}?clicks=99`)
    const root = page.locator(`.slidev-page-${s.no}`)
    await root.waitFor()
    await page.waitForTimeout(150)
    const found = await root.evaluate((el, min) => {
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
    }, MIN_PX)
    problems.push(...found.map(f => `${s.file}:${s.line} slide ${s.no} "${s.title}": ${f}`))
  }
  expect(problems).toEqual([])
})
