import type { Locator, Page } from '@playwright/test'
import type { WindupState } from '../../lib/windup'
import { resolve } from 'node:path'
import process from 'node:process'
import { printedLabel } from '../../lib/figureLabel'
import { CANVAS_WIDTH, HALL_MIN_PX, HALL_WIDTH } from '../../lib/hallChecks'
import { CONDITIONS, windupState, windupTrain } from '../../lib/windup'
import { pageTexts, renderPage } from '../support/pdf'
import { openComponentSlide, openPrint, printPageErrors, slideNumberOf, watchErrors } from './deck'
import { figureProblems } from './diagramBoxes'
import { expect, test } from './fixtures'

// The "Windup Pain" slide, found by its component in the source, driven like a presenter.

/** The name a printed step has: heading and description in one, the tagged PDF's alternative text. */
const printedName = (s: WindupState) => printedLabel(s.heading, s.description)

const STEPS = [
  { name: '16 C-fibre stimuli to a dorsal horn neuron', rows: [] },
  {
    name: '0.5 Hz: the response winds up',
    rows: ['windup'],
  },
  {
    name: '0.5 Hz + NMDA antagonist: no wind-up',
    rows: ['windup', 'antagonist'],
  },
  {
    name: '0.1 Hz: too slow to wind up',
    rows: ['windup', 'antagonist', 'slow'],
  },
]
const MODEL = Object.fromEntries(CONDITIONS.map(c => [c.id, windupTrain({ rateHz: c.rateHz, antagonist: c.antagonist }).response]))
/** The hall's type scale at 1920x1080 (28 px labels, 24 px footnotes), in canvas px. */
const MIN_LABEL_CANVAS_PX = HALL_MIN_PX.label / (HALL_WIDTH / CANVAS_WIDTH)
const MIN_FOOTNOTE_CANVAS_PX = HALL_MIN_PX.footnote / (HALL_WIDTH / CANVAS_WIDTH)

const openSlide = (page: Page) => openComponentSlide(page, 'WindupTrain', '.windup-train')

/** Rendered bar heights of a row, in screen px, in stimulus order. */
function barHeights(figure: Locator, row: string): Promise<number[]> {
  return figure.locator(`[data-row="${row}"] rect.bar`).evaluateAll(els => els.map(e => e.getBoundingClientRect().height))
}

/** Smallest rendered text of each kind, in slide-canvas px (Slidev scales the canvas). */
function smallestText(page: Page, no: number): Promise<{ label: number, footnote: number }> {
  return page.evaluate((no) => {
    const slide = document.querySelector(`.slidev-page-${no}`) as HTMLElement
    const scale = slide.getBoundingClientRect().width / slide.offsetWidth
    const texts = [
      ...slide.querySelectorAll('.windup-train text'),
    ] as SVGTextElement[]
    const size = (t: SVGTextElement) => {
      const svg = t.ownerSVGElement!
      return Number.parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width / scale
    }
    const shown = texts.filter(t => Number(getComputedStyle(t).opacity) > 0 && t.textContent!.trim())
    return {
      label: Math.min(...shown.filter(t => !t.classList.contains('footnote')).map(size)),
      footnote: Math.min(...shown.filter(t => t.classList.contains('footnote')).map(size)),
    }
  }, no)
}

test('clicking through the windup slide shows one train per click, bars as the model says', async ({ page }) => {
  const errors = watchErrors(page)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const { no, figure } = await openSlide(page)
  const img = figure.getByRole('img')
  for (const [i, step] of STEPS.entries()) {
    if (i > 0)
      await page.keyboard.press('ArrowRight')
    await expect(figure).toHaveAttribute('data-step', String(i))
    await expect(img).toHaveAccessibleName(step.name)
    await expect(figure.locator('[data-row][data-visible="true"]')).toHaveCount(step.rows.length)
    for (const row of ['windup', 'antagonist', 'slow']) {
      const heights = await barHeights(figure, row)
      expect(heights).toHaveLength(16)
      if (!step.rows.includes(row)) {
        expect(Math.max(...heights), `${row} hidden at step ${i}`).toBeLessThan(0.5)
        continue
      }
      // The drawn bars are the model's numbers: each height over the first is the response.
      heights.forEach((h, n) => expect(h / heights[0]!, `${row}, stimulus ${n + 1}`).toBeCloseTo(MODEL[row]![n]!, 2))
    }
    const text = await smallestText(page, no)
    expect(text.label).toBeGreaterThanOrEqual(MIN_LABEL_CANVAS_PX)
    expect(text.footnote).toBeGreaterThanOrEqual(MIN_FOOTNOTE_CANVAS_PX)
  }
  await expect(img).toHaveAccessibleDescription(/0\.5 Hz \(every 2 s\): the response climbs with each stimulus, the 16th 1\.9 times the 1st\..*AP5.*stays flat.*0\.1 Hz \(every 10 s\): the response stays flat/)
  await expect(figure.locator('text.model')).toHaveText(/^Model: residual depolarisation relieves the Mg/)
  // Step 3 is the last click: the next key press leaves the slide.
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}(\\?|$)`))
  expect(errors).toEqual([])
})

test('on screen the stimuli arrive one by one; with reduced motion the train is there at once', async ({ page }) => {
  const { figure } = await openSlide(page)
  await page.keyboard.press('ArrowRight')
  await expect(figure).toHaveAttribute('data-motion', 'smooth')
  // Shortly after the click the first bars have grown and the last has not started. Polled,
  // not read after a fixed 700 ms: on a loaded machine the page can get no frame that long.
  await expect.poll(async () => (await barHeights(figure, 'windup'))[0], { timeout: 6000 }).toBeGreaterThan(10)
  const early = await barHeights(figure, 'windup')
  expect(early[15]).toBeLessThan(0.5)
  await expect.poll(async () => (await barHeights(figure, 'windup'))[15], { timeout: 6000 }).toBeGreaterThan(early[0]!)

  await page.emulateMedia({ reducedMotion: 'reduce' })
  await expect(figure).toHaveAttribute('data-motion', 'none')
  await page.keyboard.press('ArrowRight')
  await expect(figure).toHaveAttribute('data-step', '2')
  // No transition: the very next frame shows all sixteen antagonist bars at full height.
  const next = await figure.evaluate(el => new Promise<number[]>(done => requestAnimationFrame(() =>
    done([
      ...el.querySelectorAll('[data-row="antagonist"] rect.bar'),
    ].map(b => b.getBoundingClientRect().height)))))
  expect(Math.min(...next)).toBeGreaterThan(10)
  expect(Math.max(...next) - Math.min(...next)).toBeLessThan(0.5)
})

test('print shows all three trains; click export shows every step as itself', async ({ page }) => {
  const no = await slideNumberOf(/<WindupTrain\b/)
  const pages = `.print-slide-container[id^="${String(no).padStart(3, '0')}-"]`

  // openPrint fails on any error the print route meets, as the build does.
  const print = await openPrint(page)
  const summary = print.locator(`${pages} .windup-train`)
  await expect(summary).toHaveCount(1)
  await expect(summary).toHaveAttribute('data-summary', 'true')
  await expect(summary).toHaveAttribute('data-motion', 'none')
  await expect(summary.locator('[data-row][data-visible="true"]')).toHaveCount(3)
  // In print the name carries the description too: it is the tagged PDF's alternative text.
  await expect(summary.getByRole('img')).toHaveAccessibleName(printedName(windupState(0, { summary: true })))
  // The printed summary draws the most at once: no text on text or across a bar, nothing off the figure.
  expect(await figureProblems(print, pages)).toEqual([])

  const clicks = await openPrint(page, 'clicks')
  const frames = clicks.locator(`${pages} .windup-train`)
  await expect(frames).toHaveCount(4)
  for (let i = 0; i < 4; i++) {
    await expect(frames.nth(i)).toHaveAttribute('data-step', String(i))
    await expect(frames.nth(i).getByRole('img')).toHaveAccessibleName(printedName(windupState(i)))
  }
  // Nothing went wrong in either print page while the test read them.
  expect([
    ...printPageErrors(print),
    ...printPageErrors(clicks),
  ]).toEqual([])
})

test('the slides PDF prints the summary: three labelled trains, the model line, the bars', async () => {
  const pdf = resolve(process.env.DIST_DIR ?? 'dist', 'slides.pdf')
  const no = await slideNumberOf(/<WindupTrain\b/)
  const text = pageTexts(pdf)[no - 1]!
  expect(text).toMatch(/Windup Pain/i) // the source's title, printed as the kicker
  for (const label of [
    '0.5 Hz (every 2 s): 16th = 1.9',
    '0.5 Hz + AP5 (NMDA antagonist): 16th = 1.0',
    '0.1 Hz (every 10 s): 16th = 1.0',
    'Model: residual depolarisation relieves the Mg',
    'illustrative: 12 mV per volley',
  ])
    expect(text).toContain(label)

  // The bars are drawn: the 0.5 Hz series colour (deck token --deck-series-opioid, #b2182b on
  // paper) and the antagonist's hatching (#2166ac) both cover a visible area of the page.
  const { width, height, pixels } = renderPage(pdf, no, { dpi: 48 })
  const count = (rgb: [number, number, number]) => {
    let n = 0
    for (let i = 0; i < width * height; i++) {
      if (Math.abs(pixels[3 * i]! - rgb[0]) + Math.abs(pixels[3 * i + 1]! - rgb[1]) + Math.abs(pixels[3 * i + 2]! - rgb[2]) < 60)
        n++
    }
    return n / (width * height)
  }
  expect(count([0xB2, 0x18, 0x2B])).toBeGreaterThan(0.01)
  expect(count([0x21, 0x66, 0xAC])).toBeGreaterThan(0.002)
})

test('the windup chain: every box inside the drawing, every label inside its box, no list repeating it', async ({ page }) => {
  const no = await slideNumberOf(/<FigureFrame name="windup-chain"/)
  await page.goto(`${no}`)
  const svg = page.locator(`.slidev-page-${no} .figure-frame svg`)
  await expect(svg).toBeVisible()
  const problems = await svg.evaluate((el) => {
    const root = el as SVGSVGElement
    const vb = root.viewBox.baseVal
    const out: string[] = []
    const rects = [
      ...root.querySelectorAll('rect'),
    ].map((r) => {
      const b = r.getBBox()
      const half = Number.parseFloat(r.getAttribute('stroke-width') ?? '0') / 2
      if (b.x - half < vb.x || b.y - half < vb.y || b.x + b.width + half > vb.x + vb.width || b.y + b.height + half > vb.y + vb.height)
        out.push(`box at y=${b.y} leaves the viewBox`)
      return b
    })
    for (const t of root.querySelectorAll('text')) {
      const b = t.getBBox()
      const box = rects.find(r => b.y >= r.y && b.y + b.height <= r.y + r.height && b.x >= r.x && b.x + b.width <= r.x + r.width)
      if (!box)
        out.push(`"${t.textContent}" is not inside a box`)
    }
    // The slide beside the chart does not repeat its steps word for word.
    const slide = root.closest('.slidev-page')!.cloneNode(true) as HTMLElement
    slide.querySelectorAll('.figure-frame').forEach(f => f.remove())
    const beside = slide.textContent!.replace(/\s+/g, ' ').toLowerCase()
    const repeated = [
      ...root.querySelectorAll('text'),
    ].map(t => t.textContent!.trim().replace(/^\d+\s+/, '')).filter(l => beside.includes(l.toLowerCase()))
    return { out, boxes: rects.length, repeated }
  })
  expect(problems).toEqual({ out: [], boxes: 6, repeated: [] })
})
