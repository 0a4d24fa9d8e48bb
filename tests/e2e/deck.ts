import type { BrowserContext, Locator, Page } from '@playwright/test'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from '@playwright/test'
import { loadDeck } from '../../lib/deck'
import { waitForSlides } from '../../lib/printDeck'
import { watchPage } from './fixtures'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** The deck as Slidev parses it, for tests that need slide numbers or titles. */
export function deck() {
  return loadDeck(resolve(root, 'slides.md'))
}

/** Number of the first slide whose source (content or notes) matches `pattern`. */
export async function slideNumberOf(pattern: RegExp): Promise<number> {
  const d = await deck()
  const slide = d.slides.find(s => pattern.test(s.content) || pattern.test(s.note))
  if (!slide)
    throw new Error(`no slide matches ${pattern}`)
  return slide.no
}

/**
 * Console errors, uncaught exceptions and failed requests of `page`, collected as they happen
 * (not the requests a navigation cancels: leaving a page is not an error of the deck).
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  watchPage(page, what => what.startsWith('cancelled') || errors.push(what))
  return errors
}

/** Opens the first slide that uses <`component`> and returns its number and the `selector` element on it. */
export async function openComponentSlide(page: Page, component: string, selector: string): Promise<{ no: number, figure: Locator }> {
  const no = await slideNumberOf(new RegExp(`<${component}\\b`))
  await page.goto(`${no}`)
  const figure = page.locator(`.slidev-page-${no} ${selector}`)
  await expect(figure).toBeVisible()
  return { no, figure }
}

/** axe-core's browser build, for page.addScriptTag. */
export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** `target`: axe's selector, short and read in a report; `path`: one that finds the node in the whole page. */
export interface AxeNode { target: string[], path: string, summary: string }
export interface AxeRule { id: string, impact: string | null, help: string, nodes: AxeNode[] }
export interface AxeOutcome { violations: AxeRule[], passes: AxeRule[], incomplete: AxeRule[] }

/**
 * Runs axe-core (injected once per page load) on `context` (a selector, or axe's own context
 * object) with `options`.
 *
 * The play view keeps every slide mounted once Slidev has preloaded them (3 s after it
 * starts), hidden: about 4,000 elements, and axe builds its tree of the whole document on
 * every run, which made a run on one slide ~5x slower than on a page of that slide alone. So
 * the hidden slides are set aside for the run: taken out of the document and put back, in
 * order, where they were. Their findings were compared over every slide in both schemes
 * (slide by slide, with and without): the same. Only when every slide is mounted, so that
 * Slidev does not insert one meanwhile; the order is checked when they are back.
 */
export async function runAxe(page: Page, context: string | object, options: Record<string, unknown>): Promise<AxeOutcome> {
  if (!await page.evaluate(() => 'axe' in window))
    await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async ({ context, opts }) => {
    const axe = (window as any).axe
    const show = document.querySelector('#slideshow')
    const slides = (document.querySelector('#app') as any)?.__vue_app__?._context.provides['$$slidev-context']?.nav?.slides?.length
    const pages = show
      ? [...show.children].filter(e => e.classList.contains('slidev-page'))
      : []
    const aside = pages.length === slides
      ? pages.filter(e => getComputedStyle(e).display === 'none').map(el => ({ el, next: el.nextSibling }))
      : []
    for (const { el } of aside)
      el.remove()
    let r: any
    try {
      r = await axe.run(typeof context === 'string'
        ? document.querySelector(context)
        : context, { ...opts, elementRef: true })
    }
    finally {
      for (const { el, next } of aside.reverse())
        show!.insertBefore(el, next)
    }
    if (aside.length && [...show!.children].filter(e => e.classList.contains('slidev-page')).some((e, i) => e !== pages[i]))
      throw new Error('the hidden slides set aside for axe did not go back in their order')
    // axe made its selectors unique in the page it saw, without the slides set aside: one may
    // now find a hidden slide's element first.
    const pathOf = (el: Element): string => {
      const steps: string[] = []
      for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
        if (e.id) {
          steps.unshift(`#${CSS.escape(e.id)}`)
          break
        }
        steps.unshift(`${e.tagName.toLowerCase()}:nth-child(${[...e.parentElement!.children].indexOf(e) + 1})`)
      }
      return steps.join(' > ')
    }
    const rules = (list: any[] = []) => list.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({
        target: n.target,
        path: n.element
          ? pathOf(n.element)
          : '',
        summary: n.failureSummary ?? '',
      })),
    }))
    return {
      violations: rules(r.violations),
      passes: rules(r.passes),
      incomplete: rules(r.incomplete),
    }
  }, { context, opts: options })
}

/**
 * Slidev lays its drawing layer, an empty <svg>, over the whole slide. axe-core cannot see
 * through it and reports every text's contrast as "incomplete" (bgOverlap) instead of
 * measuring it, so a contrast audit passes without having looked. While nothing is drawn
 * the layer paints nothing: hide it for the audit. Throws if something is drawn on it.
 */
export async function hideEmptyDrawingLayer(page: Page): Promise<void> {
  const drawn = await page.evaluate(() => {
    const layers = [
      ...document.querySelectorAll<SVGSVGElement>('#slide-content > svg'),
    ]
    const drawn = layers.filter(s => s.childElementCount > 0).length
    if (!drawn)
      layers.forEach(s => (s.style.display = 'none'))
    return drawn
  })
  if (drawn)
    throw new Error('the slide has drawings on Slidev\'s drawing layer; clear them (drawings are not part of the deck) before auditing contrast')
}

/**
 * Shows slide `no` at click `clicks` (99: its last) the way a lecturer's keys get there: by
 * Slidev's own navigation in the running deck, once the deck is open (one page load per
 * sweep, not one per slide: a load is most of a sweep's time, and axe would be injected
 * again each time). Resolves, with the slide's number of clicks, when that slide alone is
 * shown and no transition is running.
 */
/** Slidev's own navigation to slide `no` in an open deck or presenter view, returning at once. */
export function goToSlide(page: Page, no: number, clicks?: number): Promise<void> {
  // Slidev provides its context to the app under this key (@slidev/client/constants.ts).
  return page.evaluate(({ no, clicks }) => (document.querySelector('#app') as any).__vue_app__._context.provides['$$slidev-context'].nav.go(no, clicks), { no, clicks })
}

/** The seconds a clock of the presenter's bar shows ("1:30", or "talk 2:10 of 45:00"). */
export async function clockSeconds(clock: Locator): Promise<number> {
  const [, m, s] = /(\d+):(\d\d)/.exec(await clock.textContent() ?? '')!
  return Number(m) * 60 + Number(s)
}

export async function showSlide(page: Page, no: number, clicks: number): Promise<{ clicksTotal: number }> {
  // Slidev provides its context to the app under this key (@slidev/client/constants.ts).
  const nav = () => Boolean((document.querySelector('#app') as any)?.__vue_app__?._context.provides['$$slidev-context']?.nav)
  if (!await page.evaluate(nav).catch(() => false)) {
    await page.goto(`${no}?clicks=${clicks}`)
    await page.waitForFunction(nav)
  }
  else {
    await goToSlide(page, no, clicks)
  }
  const state = (no: number) => {
    const shown = [
      ...document.querySelectorAll<HTMLElement>('.slidev-page'),
    ].filter(p => getComputedStyle(p).display !== 'none')
    const moving = [
      ...document.querySelectorAll('[class*="-leave-active"], [class*="-enter-active"]'),
    ]
    return shown.length === 1 && shown[0]!.classList.contains(`slidev-page-${no}`) && !moving.length
      ? ''
      : `shown: ${shown.map(p => p.className).join(', ')}; moving: ${moving.map(m => m.className).join(', ')}`
  }
  let why = ''
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    why = await page.evaluate(state, no)
    if (!why) {
      const clicksTotal = await page.evaluate(() => (document.querySelector('#app') as any).__vue_app__._context.provides['$$slidev-context'].nav.clicksTotal as number)
      return { clicksTotal }
    }
    await page.waitForTimeout(30)
  }
  throw new Error(`slide ${no} at click ${clicks} is not shown alone: ${why}`)
}

/** The print context opened last for each test page: closed when the page opens another. */
const printContexts = new WeakMap<Page, BrowserContext>()
/** What each print page has met since it opened (openPrint fails on any until it is ready). */
const printErrors = new WeakMap<Page, string[]>()

/** The errors a page from openPrint has met since it opened, for a test to check at its end. */
export function printPageErrors(print: Page): readonly string[] {
  return printErrors.get(print) ?? []
}

/**
 * Opens Slidev's print route (`clicks`: a page per click step) without a service worker, as
 * the build prints it (lib/pipeline.ts), in a browser context of its own at `page`'s size,
 * colour scheme and motion (which the build fixes: one slide's size, light, no motion), and
 * returns that page. It waits until the deck says every slide is finished, as the build does
 * before it prints: on a loaded machine the route took longer than an assertion's 5 s to
 * render the 81 slides. The context closes with `page`'s, or when `page` opens another.
 *
 * A slide whose code fails to load never finishes: the wait then stops at once and says what
 * the page met (a CI run once waited out 60 s on slides 1 and 81 and said nothing more).
 */
export async function openPrint(page: Page, mode: 'true' | 'clicks' = 'true'): Promise<Page> {
  const d = await deck()
  const prefers = await page.evaluate(() => ({
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
  }))
  await printContexts.get(page)?.close()
  // The test's own options (its base URL) come with it: Playwright gives them to every context.
  const context = await page.context().browser()!.newContext({
    viewport: page.viewportSize(),
    colorScheme: prefers.dark
      ? 'dark'
      : 'light',
    reducedMotion: prefers.reduce
      ? 'reduce'
      : 'no-preference',
    serviceWorkers: 'block',
  })
  printContexts.set(page, context)
  page.once('close', () => void context.close())
  const print = await context.newPage()
  const seen = watchErrors(print)
  printErrors.set(print, seen)
  await print.goto(`print?print=${mode}`, { waitUntil: 'domcontentloaded' })
  try {
    // lib/ is typed against playwright-chromium's copy of playwright-core: the same Page.
    await waitForSlides(print as unknown as Parameters<typeof waitForSlides>[0], d.slides.length, no => `slide ${no}`, 60_000, seen)
  }
  catch (e) {
    throw new Error(`${(e as Error).message}\nWhile the print route loaded: ${seen.join('; ') || 'no page error, console error or failed request'}`, { cause: e })
  }
  if (seen.length)
    throw new Error(`the print route met:\n  ${seen.join('\n  ')}`)
  return print
}
