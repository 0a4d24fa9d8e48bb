import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { formatMillivolts } from '../../lib/mgBlock'

// Live state shared between windows (components/useLiveState.ts), measured as the hall sees
// it: the Try-it slider moved in one window, its readout in another.

/** The potential slider and readout of the Try-it slide in a window (the first: the presenter view also draws the next slide). */
export function tryIt(page: Page, no: number) {
  return {
    slider: page.locator(`.slidev-page-${no} input[data-control="potential"]`).first(),
    readout: page.locator(`.slidev-page-${no} [data-readout="potential"]`).first(),
  }
}

/**
 * Moves `from`'s slider to `mv` and measures, on the clock both windows share, how long
 * `to` takes to show it.
 */
export async function shareDelay(from: Page, to: Page, no: number, mv: number): Promise<number> {
  const text = formatMillivolts(mv)
  const seen = to.evaluate(({ sel, text }) => new Promise<number>((resolve) => {
    const check = () => [
      ...document.querySelectorAll(sel),
    ].some(e => e.textContent?.trim() === text)
    if (check())
      return resolve(0)
    const obs = new MutationObserver(() => {
      if (check()) {
        obs.disconnect()
        resolve(Date.now())
      }
    })
    obs.observe(document.body, { subtree: true, childList: true, characterData: true })
  }), { sel: `.slidev-page-${no} [data-readout="potential"]`, text })
  const sent = await tryIt(from, no).slider.evaluate((el: HTMLInputElement, v) => {
    el.value = String(v)
    el.dispatchEvent(new Event('input', { bubbles: true }))
    return Date.now()
  }, mv)
  const shown = await seen
  expect(shown, `${text} was already shown before the change`).toBeGreaterThan(0)
  return shown - sent
}
