import type { Locator, Page } from '@playwright/test'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from '@playwright/test'
import { loadDeck } from '../../lib/deck'

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

/** Console errors and uncaught exceptions of `page`, collected as they happen. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error')
      errors.push(m.text())
  })
  page.on('pageerror', e => errors.push(e.message))
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

export interface AxeNode { target: string[], summary: string }
export interface AxeRule { id: string, impact: string | null, help: string, nodes: AxeNode[] }
export interface AxeOutcome { violations: AxeRule[], passes: AxeRule[], incomplete: AxeRule[] }

/** Runs axe-core (injected once per page load) on the element `selector` with `options`. */
export async function runAxe(page: Page, selector: string, options: Record<string, unknown>): Promise<AxeOutcome> {
  if (!await page.evaluate(() => 'axe' in window))
    await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async ({ sel, opts }) => {
    const axe = (window as any).axe
    const r = await axe.run(document.querySelector(sel), opts)
    const rules = (list: any[]) => list.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target, summary: n.failureSummary ?? '' })),
    }))
    return {
      violations: rules(r.violations),
      passes: rules(r.passes),
      incomplete: rules(r.incomplete),
    }
  }, { sel: selector, opts: options })
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
