import { findBrowser } from '../../lib/browser'
import { accentOnDark, contrastRatio, DECK_BACKGROUNDS, parseColor } from '../../lib/contrast'
import { launchBrowser, openPrintRoute } from '../../lib/printDeck'
import { deck, slideNumberOf } from './deck'
import { expect, test } from './fixtures'

// Each scheme is really the deck's own, and the PDFs print light. The per-slide WCAG AA
// contrast check (light and dark: axe for HTML text, our own measure for SVG text) runs in
// sweep.spec.ts, in one pass over the slides with the other per-slide checks.

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' })

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
