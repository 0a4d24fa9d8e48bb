import type { Page } from '@playwright/test'
import type { AxeContext } from './slideChecks'
import { deck, slideNumberOf } from './deck'
import { expect, test } from './fixtures'
import { audit, describe, headingsIn, OUTLINE_RULES, outlineProblems, serious } from './slideChecks'

// axe-core in Chromium on Slidev's presenter view, notes page and navigation bar: no serious or
// critical violation, contrast included. Slidev's own chrome passes only with
// setup/main.ts and styles/presenter.css; nothing is excluded by rule. Every slide of the
// deck is audited in sweep.spec.ts, in the same pass as the other per-slide checks.

test('the outline check and axe\'s outline rules catch a broken outline', async ({ page }) => {
  await page.setContent('<html lang="en"><body><main><h1>Title</h1><h3>Skipped</h3><h2></h2><h1>Second</h1></main></body></html>')
  expect(outlineProblems(await headingsIn(page, 'main'))).toEqual([
    '2 h1 headings; a slide has exactly one (its title, `# ...`)',
    'h1 "Title" is followed by h3 "Skipped": a skipped level; use h2',
    'an empty h2: give it text or remove it',
  ])
  expect((await audit(page, 'html', { type: 'rule', values: OUTLINE_RULES })).map(v => v.id).sort()).toEqual(['empty-heading', 'heading-order'])
  await page.setContent('<html lang="en"><body><main><h2>No title</h2></main></body></html>')
  expect(outlineProblems(await headingsIn(page, 'main'))).toEqual(['0 h1 headings; a slide has exactly one (its title, `# ...`)'])
  expect((await audit(page, 'html', { type: 'rule', values: OUTLINE_RULES })).map(v => v.id)).toEqual(['page-has-heading-one'])
})

test('the page has a language, and the talk\'s title (not "... - Slidev") as its title', async ({ page }) => {
  await page.goto('1')
  expect(await page.getAttribute('html', 'lang')).toMatch(/^en/)
  const title = String((await deck()).headmatter.title)
  await expect(page).toHaveTitle(title)
  expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(title)
})

/**
 * Slidev's chrome in light and dark: the presenter view (with notes greyed out by click
 * marks, and long notes that scroll), the notes page for a second screen, and the play
 * view's navigation bar, shown as keyboard focus shows it. The slides inside are left out:
 * sweep.spec.ts audits each one on its own.
 */
test('Slidev\'s presenter view, notes page and navigation bar: no serious or critical axe violation, light or dark', async ({ page, context }) => {
  test.setTimeout(180_000)
  const d = await deck()
  const clickNotes = await slideNumberOf(/<MgBlockChannel :step="\$clicks"/)
  const longNotes = [...d.slides].sort((a, b) => b.note.length - a.note.length)[0]!.no
  const chrome: AxeContext = {
    exclude: [
      ['.slidev-page'],
    ],
  }
  const problems: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme })
    for (const view of ['presenter/1', `presenter/${clickNotes}?clicks=2`, `presenter/${longNotes}`]) {
      await page.goto(view)
      await page.locator('.slidev-note').waitFor()
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark')
      for (const v of serious(await audit(page, chrome)))
        problems.push(`${colorScheme} /${view}: ${describe(v)}`)
    }

    // The notes page follows the presenter; on a small second screen long notes scroll.
    await page.setViewportSize({ width: 1000, height: 700 })
    const notes = await context.newPage()
    await notes.emulateMedia({ reducedMotion: 'reduce', colorScheme })
    await notes.goto('notes')
    await page.goto(`presenter/${longNotes - 1}`)
    await page.locator('.slidev-note').waitFor()
    await page.keyboard.press('Shift+ArrowRight')
    await expect(notes.locator('.slidev-note')).toContainText(d.slides[longNotes - 1]!.note.trim().split(/\s+/).slice(0, 4).join(' '))
    expect(await notes.locator('.slidev-note').evaluate(e => e.parentElement!.scrollHeight > e.parentElement!.clientHeight)).toBe(true)
    for (const v of serious(await audit(notes, chrome)))
      problems.push(`${colorScheme} /notes: ${describe(v)}`)
    await notes.close()
    await page.setViewportSize({ width: 1920, height: 1080 })

    await page.goto('1')
    await page.locator('.slidev-page-1').waitFor()
    await page.keyboard.press('Tab')
    // The bar is transparent until hovered or focused; axe skips what cannot be seen.
    await expect.poll(() => page.locator('nav').evaluate(n => getComputedStyle(n.parentElement!).opacity)).toBe('1')
    for (const v of serious(await audit(page, chrome)))
      problems.push(`${colorScheme} /1 navigation bar: ${describe(v)}`)
  }
  expect(problems).toEqual([])
})

interface TabStop { tag: string, name: string, focusVisible: boolean }

/** Tab from the top of the page until focus leaves it or comes round again. */
async function tabCycle(page: Page): Promise<TabStop[]> {
  await page.locator('body').focus()
  const stops: TabStop[] = []
  const seen = new Set<string>()
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null
      if (!e || e === document.body)
        return null
      const s = getComputedStyle(e)
      const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)'
      const labels = e instanceof HTMLInputElement
        ? [
            ...(e.labels ?? []),
          ].map(l => l.textContent).join(' ')
        : ''
      if (!e.dataset.tabStop)
        e.dataset.tabStop = String(document.querySelectorAll('[data-tab-stop]').length)
      return {
        id: e.dataset.tabStop,
        tag: e.tagName.toLowerCase(),
        name: (e.getAttribute('aria-label') || labels || e.getAttribute('title') || e.textContent || '').trim(),
        focusVisible: outline || s.boxShadow !== 'none',
      }
    })
    if (!stop || seen.has(stop.id))
      break
    seen.add(stop.id)
    stops.push({ tag: stop.tag, name: stop.name, focusVisible: stop.focusVisible })
  }
  return stops
}

test('the presenter view is operable from the keyboard: each control once, named, with visible focus', async ({ page }) => {
  const tryIt = await slideNumberOf(/<MgBlockChannel\s+interactive/)
  await page.goto(`presenter/${tryIt}`)
  await page.locator('.slidev-note').waitFor()
  // The Try-it controls are part of the cycle: wait for the slide that holds them (a CI run
  // cycled through the presenter view while its current slide was still loading).
  await page.locator(`.slidev-page-${tryIt} input[data-control="potential"]`).first().waitFor()
  const stops = await tabCycle(page)
  expect(stops.filter(s => !s.name || !s.focusVisible)).toEqual([])
  const names = stops.map(s => s.name)
  // Once each: the menu buttons were two tab stops each before setup/main.ts.
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  for (const name of [
    'Membrane potential',
    '[Mg²⁺] outside',
    'Speaker notes',
    'Go to next slide',
    'Change sync settings',
    'More Options',
  ])
    expect(names).toContain(name)

  // The settings menu opens and closes from the keyboard, and says so.
  const more = page.locator('button[data-menu-button][aria-label="More Options"]')
  await more.focus()
  await expect(more).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  await expect(more.locator('xpath=following-sibling::div')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(more).toHaveAttribute('aria-expanded', 'false')

  // A focused slider keeps ArrowUp/ArrowDown (ArrowRight is a clicker's key: it moves the
  // talk, tests/e2e/presenter.spec.ts); "Go to next slide" moves the talk on.
  const potential = page.locator(`.slidev-page-${tryIt} input[data-control="potential"]`).first()
  await potential.focus()
  const before = await potential.inputValue()
  await page.keyboard.press('ArrowUp')
  expect(await potential.inputValue()).not.toBe(before)
  await expect(page).toHaveURL(new RegExp(`/presenter/${tryIt}(\\?|$)`))
  await page.locator('nav button[title="Go to next slide"]').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/presenter/${tryIt + 1}(\\?|$)`))
})

test('long speaker notes scroll from the keyboard without turning the slide', async ({ page }) => {
  const d = await deck()
  const longNotes = [...d.slides].sort((a, b) => b.note.length - a.note.length)[0]!.no
  await page.goto(`presenter/${longNotes}`)
  const pane = page.getByRole('region', { name: 'Speaker notes' })
  await expect(pane).toHaveAttribute('tabindex', '0')
  expect(await pane.evaluate(e => e.scrollHeight > e.clientHeight)).toBe(true)
  await pane.click()
  await expect(pane).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => pane.evaluate(e => e.scrollTop)).toBeGreaterThan(0)
  await expect(page).toHaveURL(new RegExp(`/presenter/${longNotes}$`))
  // A clicker (PageDown) still drives the talk while the notes have focus.
  await page.keyboard.press('PageDown')
  await expect(page).not.toHaveURL(new RegExp(`/presenter/${longNotes}$`))
})

test('in the play view every control on the Try-it slide is reachable by Tab, named, with visible focus', async ({ page }) => {
  const tryIt = await slideNumberOf(/<MgBlockChannel\s+interactive/)
  await page.goto(String(tryIt))
  await page.locator(`.slidev-page-${tryIt} [data-mg-block]`).waitFor()
  const stops = await tabCycle(page)
  expect(stops.filter(s => !s.name || !s.focusVisible)).toEqual([])
  const names = stops.map(s => s.name)
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  for (const name of [
    'Membrane potential',
    '[Mg²⁺] outside',
    'Go to next slide',
    'More Options',
  ])
    expect(names).toContain(name)
})
