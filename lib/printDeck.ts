import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS } from './browser'
import { PRINT_READINESS_GLOBAL } from './printReady'

/** Slides and handout pages carry their own margins; Chromium must add none. */
export const NO_MARGIN = {
  top: '0',
  right: '0',
  bottom: '0',
  left: '0',
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}

export interface PrintOptions {
  /** Where the built deck is served, ending in `/`. */
  siteUrl: string
  /** One page per click step instead of one per slide. */
  withClicks?: boolean
  /** Slide canvas in CSS px (Slidev: canvasWidth x canvasWidth / aspectRatio). */
  width: number
  height: number
  slideCount: number
  /** Names the slide in error messages: `no -> "slides/02-x.md:12 (Title)"`. */
  describeSlide: (no: number) => string
  timeoutMs?: number
}

export interface PrintedDeck {
  pdf: Uint8Array
  /** First PDF page (1-based) of each slide number. */
  firstPage: Map<number, number>
  pageCount: number
  /** Text of the first and last printed slide: the caller checks that the site is this deck. */
  firstText: string
  lastText: string
}

export async function launchBrowser(browserPath: string): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS })
  }
  catch (e) {
    throw new ExportError(`could not start the browser at ${browserPath}: ${(e as Error).message.split('\n')[0]}\nSet CHROMIUM_PATH to a working Chromium, Chrome or Edge.`)
  }
}

/**
 * Prints the built deck through Slidev's own /print route, the same page `slidev export`
 * prints, but from the already built site: no second compilation of the deck. The caller
 * owns the browser: the build prints both PDFs with one.
 */
export async function printDeck(opts: PrintOptions, context: BrowserContext): Promise<PrintedDeck> {
  const timeout = opts.timeoutMs ?? 60_000
  // One slide high, like a screen: a viewport as tall as the whole deck made Chromium paint
  // every slide for the screen before printing it again (twice the time, same PDF).
  const { page, errors } = await openPrintRoute(context, `${opts.siteUrl}print?print=${opts.withClicks ? 'clicks' : 'true'}`, timeout, { width: opts.width, height: opts.height })
  try {
    await waitForSlides(page, opts.slideCount, opts.describeSlide, timeout, errors)
    if (errors.length) {
      const culprits = await slidesWithErrors(page)
      throw new ExportError(`${culprits.length
        ? `these slides fail to render:\n  ${culprits.map(no => `${opts.describeSlide(no)}: ${errors[0]}`).join('\n  ')}`
        : `the deck reported errors while printing:\n  ${errors.join('\n  ')}`}\nFix the slide (or the component it uses) and build again.`)
    }
    const slides = await page.locator('.print-slide-container').evaluateAll(els => els.map(e => ({ id: e.id, text: e.textContent ?? '' })))
    const firstPage = new Map<number, number>()
    slides.forEach(({ id }, i) => {
      const no = Number(id.split('-')[0])
      if (!firstPage.has(no))
        firstPage.set(no, i + 1)
    })
    const pdf = await page.pdf({
      width: `${opts.width}px`,
      height: `${opts.height}px`,
      margin: NO_MARGIN,
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
    })
    return {
      pdf,
      firstPage,
      pageCount: slides.length,
      firstText: slides[0]?.text ?? '',
      lastText: slides.at(-1)?.text ?? '',
    }
  }
  finally {
    await page.close()
  }
}

/**
 * The print route shows every slide in one page, so an error there does not say which slide
 * threw. A slide whose component throws never finishes rendering: once the others have had
 * time to finish (the unfinished set stops shrinking), the ones left are the culprits.
 */
async function slidesWithErrors(page: Page): Promise<number[]> {
  let last = ''
  let unfinished: number[] = []
  for (let stable = 0, i = 0; stable < 10 && i < 100; i++) {
    unfinished = await page.evaluate(name => (window as unknown as Record<string, (() => { unfinished: number[] }) | undefined>)[name]?.().unfinished ?? [], PRINT_READINESS_GLOBAL)
    stable = unfinished.join() === last
      ? stable + 1
      : 0
    last = unfinished.join()
    await page.waitForTimeout(100)
  }
  return unfinished
}

/**
 * The page's uncaught errors and console errors from now on. Every console error counts:
 * stock Slidev 53 logs none, so any error is the deck's (or a Slidev regression).
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(m.text())
  })
  return errors
}

/**
 * Opens a print route of the deck, collecting the page's errors.
 * Both PDFs open their pages in one context, so the second finds the deck's code cached.
 */
export async function openPrintRoute(context: BrowserContext, url: string, timeout: number, viewport?: { width: number, height: number }): Promise<{ page: Page, errors: string[] }> {
  const page = await context.newPage()
  if (viewport)
    await page.setViewportSize(viewport)
  const errors = collectErrors(page)
  // Paper is light: set before the deck loads, so its colour scheme starts light whatever
  // the system prefers (colorSchema: auto follows the system).
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  // Not `networkidle`: what the page declares (lib/printReady.ts) says when it is done.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout })
  return { page, errors }
}

/**
 * Waits until Slidev's print route has rendered `slideCount` slides and the deck says they
 * are finished (lib/printReady.ts: layouts rendered, data-waitfor met, images loaded, Mermaid
 * drawn); a timeout names the slides by file and line. Returns how many slide pages (click
 * steps included) the route rendered.
 */
export async function waitForSlides(page: Page, slideCount: number, describeSlide: (no: number) => string, timeout: number, errors: readonly string[] = []): Promise<number> {
  const containers = page.locator('.print-slide-container')
  const deadline = Date.now() + timeout
  // Polled from here rather than with waitForFunction, so that a page that reports an error
  // (a slide that throws never finishes) stops the wait at once: the caller names the slide.
  for (;;) {
    const r = await page.evaluate(({ n, name }) => {
      const ready = (window as unknown as Record<string, (() => { unfinished: number[], mermaid: boolean }) | undefined>)[name]
      const have = [
        ...document.querySelectorAll('.print-slide-container'),
      ].map(e => Number(e.id.split('-')[0]))
      const state = ready?.()
      return { done: !!state && have.length >= n && !state.unfinished.length && !state.mermaid, have, unfinished: state?.unfinished ?? [] }
    }, { n: slideCount, name: PRINT_READINESS_GLOBAL })
    if (r.done || errors.length)
      break
    if (Date.now() > deadline) {
      const missing = Array.from({ length: slideCount }, (_, i) => i + 1).filter(n => !r.have.includes(n) || r.unfinished.includes(n))
      throw new ExportError(`timed out after ${timeout} ms waiting for these slides to finish rendering:\n  ${missing.map(describeSlide).join('\n  ') || '(a Mermaid diagram)'}`)
    }
    await page.waitForTimeout(50)
  }
  await page.evaluate(() => {
    const c = document.querySelector<HTMLElement>('#mermaid-rendering-container')
    if (c)
      c.style.display = 'none'
  })
  await page.evaluate(() => document.fonts.ready)
  return containers.count()
}
