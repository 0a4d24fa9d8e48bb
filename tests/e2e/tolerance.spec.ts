import type { Locator, Page } from '@playwright/test'
import { openComponentSlide, openPrint, printPageErrors, slideNumberOf, watchErrors } from './deck'
import { drawnItems, figureProblems, overlaps } from './diagramBoxes'
import { expect, test } from './fixtures'

// The "Opioid Tolerance" slide, found by its component in the source, driven like a presenter.

// What each step shows, by the model's numbers and the figure's parts: the words (headings,
// the antagonist's name) are the slide's and a fork may change them.
const ANTAGONIST = '[data-label="antagonist"] text'
const STEPS = [
  {
    description: /day 0 ED50 2\.9 mg\/kg/,
    shown: ['Day 0'],
    hidden: [
      'Day 7',
      ANTAGONIST,
      '6.3\u00D7 the day-0 dose',
    ],
  },
  {
    description: /Day 7, morphine alone: .*ED50 2\.5 times day 0/,
    shown: ['Day 0', 'Day 7'],
    hidden: [ANTAGONIST, '6.3\u00D7 the day-0 dose'],
  },
  {
    description: /Day 14, morphine alone: ED50 6\.3 times day 0.*needs 6\.3 times the day-0 dose/,
    shown: ['Day 14', '6.3\u00D7 the day-0 dose'],
    hidden: [ANTAGONIST, 'Day 7'],
  },
  {
    description: /Day 14, morphine alone: ED50 6\.3 times day 0.*unchanged/,
    shown: [ANTAGONIST, 'Day 14', '6.3\u00D7 the day-0 dose'],
    hidden: ['Day 7'],
  },
]

/**
 * The highest opacity a reader actually sees among the <text>/<tspan> elements whose whole
 * text is `label`: the product of the opacities up to the <svg> (Playwright would count
 * opacity 0 as visible); 0 when no element carries the label.
 */
async function seenOpacity(figure: Locator, label: string): Promise<number> {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)
  // A label given as a CSS selector (it starts with "." or "[") is found by its place, not its words.
  const matches = /^[.[]/.test(label)
    ? figure.locator(label)
    : figure.locator('text, tspan').filter({ hasText: exact })
  const opacities = await matches.evaluateAll(els => els.map((el) => {
    let o = 1
    for (let e: Element | null = el; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement)
      o *= Number(getComputedStyle(e).opacity)
    return o
  }))
  return Math.max(0, ...opacities)
}

const openSlide = (page: Page) => openComponentSlide(page, 'ToleranceCurves', '.tolerance-curves')

test('clicking through the tolerance slide shows each step with its description and labels', async ({ page }) => {
  const errors = watchErrors(page)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const { no, figure } = await openSlide(page)
  const img = figure.getByRole('img')
  const names = new Set<string>()
  const ratioSteps: number[] = []
  for (const [i, step] of STEPS.entries()) {
    if (i > 0)
      await page.keyboard.press('ArrowRight')
    await expect(figure).toHaveAttribute('data-step', String(i))
    await expect(img).toHaveAccessibleName(/\S/)
    names.add((await img.evaluate(el => el.querySelector('title')?.textContent)) ?? '')
    await expect(img).toHaveAccessibleDescription(step.description)
    for (const label of step.shown)
      expect(await seenOpacity(figure, label), `${label} at step ${i}`).toBeGreaterThan(0.9)
    for (const label of step.hidden)
      expect(await seenOpacity(figure, label), `${label} at step ${i}`).toBe(0)
    // The dose ratio stays on screen when the antagonist's curve comes: it says whose it is.
    if (await figure.locator('.equal-effect').getAttribute('data-visible') === 'true') {
      ratioSteps.push(i)
      await expect(figure.locator('.equal-effect text')).toHaveText(/^Morphine alone:/)
    }
    // The hall's type scale (lib/hallChecks.ts) at every step, not only the last one, in px
    // at 1920x1080; and no label on another label (the curves and axes may pass under one).
    const texts = (await drawnItems(figure)).filter(d => d.kind === 'text')
    const hallPx = 1920 / await page.locator(`.slidev-page-${no}`).evaluate(e => e.getBoundingClientRect().width)
    const smallest = (footnote: boolean) => Math.min(...texts.filter(t => t.id.includes('footnote') === footnote).map(t => t.fontPx * hallPx))
    expect(smallest(false), `labels at step ${i}`).toBeGreaterThanOrEqual(28)
    expect(smallest(true), `footnote at step ${i}`).toBeGreaterThanOrEqual(24)
    expect(overlaps(texts), `step ${i}`).toEqual([])
  }
  expect(names.size, 'one heading a step').toBe(STEPS.length)
  expect(ratioSteps, 'steps that show the dose ratio').toEqual([2, 3])
  await expect(figure.locator('text.footnote').first()).toContainText('illustrative: Hill slope n = 2')
  // Step 3 is the last click: the next key press leaves the slide.
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}(\\?|$)`))
  expect(errors).toEqual([])
})

test('the day-7 shift is a smooth transition on screen and instant with reduced motion', async ({ page }) => {
  const { figure } = await openSlide(page)
  const curve = figure.locator('g.curve.morphine')
  const shiftX = () => curve.evaluate(el => new DOMMatrix(getComputedStyle(el).transform).m41)
  expect(await shiftX()).toBe(0)
  // The shift is read along its own transition, caught as it starts and paused, not from
  // painted frames: a busy machine paints its first frame after the click late, when the
  // curve has already come part of the way.
  await curve.evaluate((node) => {
    node.addEventListener('transitionrun', (e) => {
      const run = node.getAnimations().find(a => (a as CSSTransition).transitionProperty === 'transform')
      if (e.target === node && run && !(window as any).__shift) {
        run.pause()
        ;(window as any).__shift = run
      }
    })
  })
  await page.keyboard.press('ArrowRight')
  await expect(figure).toHaveAttribute('data-step', '1')
  const target = Number(/translate\(([\d.]+)px/.exec((await curve.getAttribute('style'))!)![1])
  expect(target).toBeGreaterThan(50)
  await page.waitForFunction(() => (window as any).__shift, undefined, { timeout: 5000 })
  // From day 0, through positions in between, to the day-7 curve.
  const along = await curve.evaluate((node) => {
    const run = (window as any).__shift as CSSTransition
    const duration = Number(run.effect!.getTiming().duration)
    const xs = [0, duration / 2].map((t) => {
      run.currentTime = t
      return new DOMMatrix(getComputedStyle(node).transform).m41
    })
    run.finish()
    return xs
  })
  expect(along[0]).toBeCloseTo(0, 0)
  expect(along[1]).toBeGreaterThan(5)
  expect(along[1]).toBeLessThan(target - 5)
  await expect.poll(shiftX, { timeout: 5000 }).toBeCloseTo(target, 0)

  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.keyboard.press('ArrowRight')
  await expect(figure).toHaveAttribute('data-motion', 'none')
  await expect(figure).toHaveAttribute('data-step', '2')
  const target14 = Number(/translate\(([\d.]+)px/.exec((await curve.getAttribute('style'))!)![1])
  expect(target14).toBeGreaterThan(target)
  // No transition: the very next frame already shows day 14.
  const next = await curve.evaluate(el => new Promise<number>(done => requestAnimationFrame(() => done(new DOMMatrix(getComputedStyle(el).transform).m41))))
  expect(next).toBeCloseTo(target14, 0)
})

test('print shows the summary frame; click export shows every step as itself', async ({ page }) => {
  const no = await slideNumberOf(/<ToleranceCurves\b/)
  // Slidev names print pages "<slide, 3 digits>-<click + 1, 2 digits>".
  const pages = `.print-slide-container[id^="${String(no).padStart(3, '0')}-"]`

  // openPrint fails on any error the print route meets, as the build does.
  const print = await openPrint(page)
  const summary = print.locator(`${pages} .tolerance-curves`)
  await expect(summary).toHaveCount(1)
  await expect(summary).toHaveAttribute('data-summary', 'true')
  await expect(summary).toHaveAttribute('data-motion', 'none')
  // In print the name carries the description too: it is the tagged PDF's alternative text.
  await expect(summary.getByRole('img')).toHaveAccessibleName(/Day 0 and day 14: morphine alone ED50 6\.3 times day 0.*unchanged/)
  expect(await figureProblems(print, pages), 'print summary').toEqual([])
  await expect(summary.locator('[data-curve][data-visible="true"]')).toHaveCount(3)
  await expect(summary.locator('g.equal-effect')).toHaveAttribute('data-visible', 'true')

  const clicks = await openPrint(page, 'clicks')
  const frames = clicks.locator(`${pages} .tolerance-curves`)
  await expect(frames).toHaveCount(STEPS.length)
  for (let i = 0; i < STEPS.length; i++) {
    await expect(frames.nth(i)).toHaveAttribute('data-summary', 'false')
    await expect(frames.nth(i)).toHaveAttribute('data-step', String(i))
    await expect(frames.nth(i).getByRole('img')).toHaveAccessibleName(STEPS[i]!.description)
  }
  // Nothing went wrong in either print page while the test read them.
  expect([
    ...printPageErrors(print),
    ...printPageErrors(clicks),
  ]).toEqual([])
})

test('the antagonist curve moves back from where tolerance would have taken it to day 0', async ({ page }) => {
  const { figure } = await openSlide(page)
  for (let i = 0; i < 2; i++)
    await page.keyboard.press('ArrowRight')
  await expect(figure).toHaveAttribute('data-step', '2')
  const curve = figure.locator('g.curve.antagonist')
  const morphineX = Number(/translate\(([\d.]+)px/.exec((await figure.locator('g.curve.morphine').getAttribute('style'))!)![1])
  await page.keyboard.press('ArrowRight')
  await expect(figure).toHaveAttribute('data-step', '3')
  // Read along the return's own timeline, not from painted frames: a busy machine paints its
  // first frame after the click late, when the curve has already come part of the way.
  const along = await curve.evaluate((node) => {
    const run = node.getAnimations().find(a => (a as CSSAnimation).animationName === 'tc-return')
    if (!run)
      return undefined
    run.pause()
    const xs = [0, 150 + 600].map((t) => {
      run.currentTime = t
      return new DOMMatrix(getComputedStyle(node).transform).m41
    })
    run.finish()
    return xs
  })
  expect(along, 'the antagonist curve returns by the tc-return animation').toBeDefined()
  // It starts on the day-14 morphine curve, is halfway back halfway through, and ends on day 0.
  const [start, middle] = along!
  expect(start).toBeCloseTo(morphineX, 0)
  expect(middle).toBeGreaterThan(5)
  expect(middle).toBeLessThan(morphineX - 5)
  await expect.poll(() => curve.evaluate(el => new DOMMatrix(getComputedStyle(el).transform).m41), { timeout: 5000 }).toBeCloseTo(0, 0)
})
