import type { Page as ChromiumPage } from 'playwright-chromium'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { expect, test } from '@playwright/test'
import { loadCitedDeck } from '../../addons/citations/lib'
import { loadDeck } from '../../lib/deck'
import { editToScreen, startDevServer } from '../../lib/devLoop'
import { copyProject } from '../support/project'

// The dev server the lecturer edits with (`npm run dev` is `slidev slides.md`), on a copy
// of the project: the real slides are never edited. Its port follows the preview's.
const port = Number(process.env.E2E_PORT ?? 4317) + 1

test('an edit to a slide file is on screen, citations renumbered across the deck', async ({ page }) => {
  test.setTimeout(240_000)
  const dir = copyProject()
  const deck = await loadDeck(join(dir, 'slides.md'))
  const file = 'slides/01-definition.md'
  const slide = deck.slides.find(s => s.file === file && s.content.includes('under intense scrutiny'))!
  // A key first cited late in the talk: cited here, it must take a low number, and every
  // key first cited between here and there moves up by one, on this slide and the others.
  const before = deck.cited
  const late = before.citations.order.at(-1)!
  expect(before.numbers.get(late)).toBe(before.numbers.size)

  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  const server = await startDevServer(dir, port)
  try {
    await page.goto(`${server.url}${slide.no}`)
    const shown = page.locator(`.slidev-page-${slide.no}`)
    await expect(shown.getByText('under intense scrutiny')).toBeVisible({ timeout: 60_000 })

    // The first edit after start: a word and a citation.
    const path = join(dir, file)
    // The helper is typed with playwright-chromium's Page (the benchmark's); this one is
    // @playwright/test's copy of the same class.
    const ms = await editToScreen(page as unknown as ChromiumPage, path, t => t.replace('under intense scrutiny [@petrenko2003]', `under intense scrutiny FreshWord [@petrenko2003; @${late}]`), 'FreshWord', 60_000)
    expect(ms).toBeGreaterThan(0)
    const after = await loadCitedDeck(join(dir, 'slides.md'))
    const n = after.numbers.get(late)!
    expect(n).toBeLessThan(before.numbers.get(late)!)
    await expect(shown.locator(`sup.citation[data-cite="petrenko2003 ${late}"]`)).toHaveText(after.numbers.get('petrenko2003') === n - 1 ? `${n - 1},${n}` : new RegExp(`\\b${n}\\b`))
    await expect(shown.locator(`.slide-sources li[data-cite="${late}"] .source-number`)).toHaveText(String(n))

    // A later edit on a slide of another file, seen there too: numbers of the whole deck follow.
    const moved = after.citations.order.find(k => after.numbers.get(k)! > n && before.numbers.get(k) !== after.numbers.get(k))!
    const other = after.citations.occurrences.find(o => o.key === moved && o.part === 'content' && !o.file.endsWith(file))!
    await page.goto(`${server.url}${other.slide}`)
    await expect(page.locator(`.slidev-page-${other.slide} .slide-sources li[data-cite="${moved}"] .source-number`)).toHaveText(String(after.numbers.get(moved)))

    // Undo: the numbers go back.
    writeFileSync(path, readFileSync(path, 'utf8').replace(` FreshWord [@petrenko2003; @${late}]`, ' [@petrenko2003]'))
    await expect(page.locator(`.slidev-page-${other.slide} .slide-sources li[data-cite="${moved}"] .source-number`)).toHaveText(String(before.numbers.get(moved)), { timeout: 30_000 })
    expect(errors).toEqual([])
  }
  finally {
    await server.stop()
  }
})
