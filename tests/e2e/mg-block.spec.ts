import { expect, test } from '@playwright/test'
import { channelStateAtStep, formatPercent, jahrStevensUnblock } from '../../lib/mgBlock'
import { slideNumberOf } from './deck'

// The "NMDAR Properties" slide, driven like a presenter: → through the five steps, the
// readout and the accessible name following the model at each.
test('clicking through the Mg2+ block slide shows each step with the model\'s numbers', async ({ page }) => {
  const no = await slideNumberOf(/<MgBlockChannel :step="\$clicks"/)
  await page.goto(String(no))
  const view = page.locator(`.slidev-page-${no} [data-mg-block]`)
  await expect(view).toBeVisible()
  for (let step = 0; step <= 4; step++) {
    if (step > 0)
      await page.keyboard.press('ArrowRight')
    await expect(view).toHaveAttribute('data-step', String(step))
    const s = channelStateAtStep(step)
    await expect(view.locator('svg[role="img"]').first()).toHaveAttribute('aria-label', new RegExp(`^Step ${step + 1} of 5: .+; ${formatPercent(s.unblocked)} unblocked`))
    await expect(view.locator('[data-readout="unblocked"]')).toHaveText(formatPercent(s.unblocked))
  }
  // At the influx step the ions move: their positions change from one moment to the next.
  await expect(view).toHaveAttribute('data-animating', 'true')
  const positions = () => view.locator('[data-glyph]').evaluateAll(els => els.map(e => `${(e as SVGElement).style.transform}|${(e as SVGElement).style.opacity}`).join(';'))
  const before = await positions()
  await page.waitForTimeout(400)
  expect(await positions()).not.toBe(before)
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}(\\?|$)`))
})

test('the Try-it slide is operable from the keyboard, and the readout follows the controls', async ({ page }) => {
  const no = await slideNumberOf(/<MgBlockChannel\s+interactive/)
  await page.goto(String(no))
  const view = page.locator(`.slidev-page-${no} [data-mg-block]`)
  const potential = view.locator('input[data-control="potential"]')
  await expect(potential).toBeVisible()
  await expect(view.getByLabel('Membrane potential')).toBeVisible()
  // Tab to the first control, then ArrowUp: the slider moves, the deck stays put (ArrowRight,
  // a clicker's key, turns the talk: tests/e2e/presenter.spec.ts).
  for (let i = 0; i < 30 && !(await potential.evaluate(el => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(potential).toBeFocused()
  for (let i = 0; i < 10; i++)
    await page.keyboard.press('ArrowUp')
  await expect(page).toHaveURL(new RegExp(`/${no}(\\?|$)`))
  await expect(view.locator('[data-readout="potential"]')).toHaveText('−60 mV')
  await expect(view.locator('[data-readout="unblocked"]')).toHaveText(formatPercent(jahrStevensUnblock(-60, 1)))
  await page.keyboard.press('Tab')
  const mg = view.locator('input[data-control="mg"]')
  await expect(mg).toBeFocused()
  await page.keyboard.press('Home')
  await expect(view.locator('[data-readout="mg"]')).toHaveText('0.0 mM')
  await expect(view.locator('[data-readout="unblocked"]')).toHaveText('100 %')
})

test('print shows the two-state summary, click export each step; reduced motion shows static arrows', async ({ page }) => {
  const no = await slideNumberOf(/<MgBlockChannel :step="\$clicks"/)
  // Slidev names print pages "<slide, 3 digits>-<click + 1, 2 digits>".
  const pages = `.print-slide-container[id^="${String(no).padStart(3, '0')}-"]`
  await page.goto('print?print=true')
  const printed = page.locator(`${pages} [data-mg-block]`)
  await expect(printed).toHaveCount(1)
  await expect(printed).toHaveAttribute('data-mode', 'summary')
  await expect(printed.locator('[data-summary-panel]')).toHaveCount(2)
  await page.goto('print?print=clicks')
  const frames = page.locator(`${pages} [data-mg-block]`)
  await expect(frames).toHaveCount(5)
  for (let i = 0; i < 5; i++) {
    await expect(frames.nth(i)).toHaveAttribute('data-step', String(i))
    await expect(frames.nth(i)).toHaveAttribute('data-animating', 'false')
  }
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto(`${no}?clicks=4`)
  const view = page.locator(`.slidev-page-${no} [data-mg-block]`)
  await expect(view.locator('[data-static-arrows]')).toBeVisible()
  await expect(view).toHaveAttribute('data-animating', 'false')
})
