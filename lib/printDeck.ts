import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS } from './browser'

export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}

export interface PrintOptions {
  /** Where the built deck is served, ending in `/`. */
  siteUrl: string
  browserPath: string
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
 * prints, but from the already built site: no second compilation of the deck.
 */
export async function printDeck(opts: PrintOptions, browser?: Browser): Promise<PrintedDeck> {
  const own = !browser
  const b = browser ?? await launchBrowser(opts.browserPath)
  const timeout = opts.timeoutMs ?? 60_000
  try {
    const context = await b.newContext({
      viewport: { width: opts.width, height: opts.height * Math.max(1, opts.slideCount) },
      reducedMotion: 'reduce',
    })
    const { page, errors } = await openPrintRoute(context, `${opts.siteUrl}print?print=${opts.withClicks ? 'clicks' : 'true'}`, timeout)
    await waitForSlides(page, opts.slideCount, opts.describeSlide, timeout)
    if (errors.length) {
      const culprits = await slidesWithErrors(context, opts.siteUrl, opts.slideCount)
      throw new ExportError(`${culprits.length
        ? `these slides fail to render:\n  ${culprits.map(c => `${opts.describeSlide(c.no)}: ${c.errors[0]}`).join('\n  ')}`
        : `the deck reported errors while printing:\n  ${errors.join('\n  ')}`}\nFix the slide (or the component it uses) and build again.`)
    }
    const ids = await page.locator('.print-slide-container').evaluateAll(els => els.map(e => e.id))
    const firstPage = new Map<number, number>()
    ids.forEach((id, i) => {
      const no = Number(id.split('-')[0])
      if (!firstPage.has(no))
        firstPage.set(no, i + 1)
    })
    const pdf = await page.pdf({
      width: `${opts.width}px`,
      height: `${opts.height}px`,
      margin: {
        top: '0',
        right: '0',
        bottom: '0',
        left: '0',
      },
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
    })
    await context.close()
    return { pdf, firstPage, pageCount: ids.length }
  }
  finally {
    if (own)
      await b.close()
  }
}

/**
 * The print route shows every slide in one page, so an error there does not say which slide
 * threw. Only then (a failing build) is each slide opened on its own to find out.
 */
async function slidesWithErrors(context: BrowserContext, siteUrl: string, slideCount: number): Promise<{ no: number, errors: string[] }[]> {
  const found: { no: number, errors: string[] }[] = []
  const page = await context.newPage()
  const errors = collectErrors(page)
  for (let no = 1; no <= slideCount; no++) {
    errors.length = 0
    await page.goto(`${siteUrl}${no}`, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => errors.push('did not load'))
    await page.locator(`.slidev-page-${no}`).waitFor({ timeout: 10_000 }).catch(() => errors.push('did not render'))
    if (errors.length) {
      found.push({
        no,
        errors: [...errors],
      })
    }
  }
  await page.close()
  return found
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

/** Opens Slidev's print route, collecting the page's errors. */
export async function openPrintRoute(context: BrowserContext, url: string, timeout: number): Promise<{ page: Page, errors: string[] }> {
  const page = await context.newPage()
  const errors = collectErrors(page)
  // Paper is light: set before the deck loads, so its colour scheme starts light whatever
  // the system prefers (colorSchema: auto follows the system).
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  await page.goto(url, { waitUntil: 'networkidle', timeout })
  return { page, errors }
}

/**
 * Waits until Slidev's print route has rendered `slideCount` slides, late components
 * (data-waitfor) and Mermaid included; a timeout names the slides by file and line.
 * Returns how many slide pages (click steps included) the route rendered.
 */
export async function waitForSlides(page: Page, slideCount: number, describeSlide: (no: number) => string, timeout: number): Promise<number> {
  const deadline = Date.now() + timeout
  const left = () => Math.max(1000, deadline - Date.now())
  const containers = page.locator('.print-slide-container')
  try {
    await page.waitForFunction(n => document.querySelectorAll('.print-slide-container').length >= n, slideCount, {
      timeout: left(),
    })
  }
  catch {
    const have = await containers.evaluateAll(els => els.map(e => Number(e.id.split('-')[0])))
    const missing = Array.from({ length: slideCount }, (_, i) => i + 1).filter(n => !have.includes(n))
    throw new ExportError(`timed out after ${timeout} ms waiting for slides to render; missing:\n  ${missing.map(describeSlide).join('\n  ')}`)
  }
  // Anything still loading, a late component (data-waitfor) or a Mermaid diagram still drawing.
  try {
    await page.waitForFunction(() => {
      if (document.querySelector('.slidev-slide-loading'))
        return false
      // Images (the talk's logo, a lecturer's photos) print blank if still downloading.
      if ([...document.images].some(img => !img.complete))
        return false
      const mermaid = document.querySelector('#mermaid-rendering-container div')
      if (mermaid)
        return false
      for (const el of document.querySelectorAll<HTMLElement>('[data-waitfor]')) {
        const target = el.querySelector(el.dataset.waitfor!)
        if (!target || (target as HTMLElement).offsetParent === null)
          return false
      }
      return true
    }, undefined, {
      timeout: left(),
    })
  }
  catch {
    const stuck = await page.evaluate(() => [
      ...document.querySelectorAll('.print-slide-container'),
    ]
      .filter(c => c.querySelector('.slidev-slide-loading') || [
        ...c.querySelectorAll<HTMLElement>('[data-waitfor]'),
      ].some(el => !el.querySelector(el.dataset.waitfor!)))
      .map(c => Number(c.id.split('-')[0])))
    throw new ExportError(`timed out after ${timeout} ms waiting for these slides to finish rendering:\n  ${[
      ...new Set(stuck),
    ].map(describeSlide).join('\n  ') || '(a Mermaid diagram)'}`)
  }
  await page.evaluate(() => {
    const c = document.querySelector<HTMLElement>('#mermaid-rendering-container')
    if (c)
      c.style.display = 'none'
  })
  await page.evaluate(() => document.fonts.ready)
  return page.locator('.print-slide-container').count()
}
