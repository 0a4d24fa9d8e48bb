import type { Page } from '@playwright/test'
import { deck } from './deck'
import { expect, test } from './fixtures'

/** Records console errors and any request that leaves localhost (and blocks it). */
function watch(page: Page) {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error')
      problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', e => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', r => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`))
  page.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue()
    problems.push(`off-localhost request: ${url.href}`)
    return route.abort()
  })
  return problems
}

test('every slide can be reached with the keyboard, with no errors and no request leaving localhost', async ({ page }) => {
  test.setTimeout(180_000)
  const d = await deck()
  const problems = watch(page)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('1')
  await expect(page.locator('.slidev-page-1')).toBeVisible()
  const seen = new Set<number>([1])
  // Clicks count as key presses too; bound the loop so a stuck deck fails instead of hanging.
  for (let i = 0; i < d.slides.length * 8 && seen.size < d.slides.length; i++) {
    const before = page.url()
    await page.keyboard.press('ArrowRight')
    // As a clicker would: the next press after the deck has moved (on a busy machine the
    // address can lag a press, and a slide passed between two looks would go unseen).
    await page.waitForURL(u => u.href !== before, { timeout: 2000 }).catch(() => {})
    if (page.url() === before)
      break
    const no = Number(new URL(page.url()).pathname.split('/').filter(Boolean).pop())
    if (no)
      seen.add(no)
  }
  const missing = d.slides.filter(s => !seen.has(s.no)).map(s => `${s.no} ${s.title}`)
  expect(missing).toEqual([])
  await expect(page.locator(`.slidev-page-${d.slides.length}`)).toBeVisible()
  expect(problems).toEqual([])
})

test('the presenter view shows the current slide\'s notes', async ({ page }) => {
  const d = await deck()
  const slide = d.slides.find(s => s.no > 2 && s.note.trim().length > 40)!
  const problems = watch(page)
  await page.goto(`presenter/${slide.no}`)
  const notes = page.locator('.slidev-note')
  await expect(notes.first()).toBeVisible()
  const firstWords = slide.note.replace(/\[@[^\]]+\]/g, '').replace(/[*_`<>]/g, '').trim().split(/\s+/).slice(0, 5).join(' ')
  await expect(notes.first()).toContainText(firstWords)
  expect(problems).toEqual([])
})

// The talk ends on its closing slide: the reference slides, kept for questions about a
// source, come after it, not between the take-home messages and "Questions".
test('the talk goes from its last point to the closing slide, which offers both PDFs for download; the reference slides follow it', async ({ page, request }) => {
  const d = await deck()
  const closing = d.slides.find(s => s.content.includes('class="downloads"'))!
  const isReferences = (s: { content: string }) => s.content.includes('<ReferenceList')
  expect(d.slides.slice(closing.no).filter(s => !isReferences(s)).map(s => s.title), 'after the closing slide').toEqual([])
  expect(d.slides.length, 'reference slides after the closing one').toBeGreaterThan(closing.no)
  expect(d.slides.slice(0, closing.no).filter(isReferences).map(s => s.title), 'before the closing slide').toEqual([])
  await page.goto(String(closing.no))
  for (const [name, type] of [
    ['slides', /slides \(PDF\)/],
    ['handout', /handout .*\(PDF\)/],
  ] as const) {
    const link = page.getByRole('link', { name: type })
    await expect(link).toBeVisible()
    const href = await link.evaluate(a => (a as HTMLAnchorElement).href)
    expect(href).toMatch(new RegExp(`/${name}\\.pdf$`))
    const response = await request.get(href)
    expect(response.status()).toBe(200)
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-')
  }
})

test('presenting full screen on a 4:3 projector, the navigation bar shows only when the mouse or the keyboard asks for it', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto('5')
  await expect(page.locator('.slidev-page-5')).toBeVisible()
  const bar = page.locator('#slide-container > div:has(> nav)')
  const opacity = () => bar.evaluate(e => getComputedStyle(e).opacity)
  // Slidev's own rule for a screen taller than 16:9 (persistNav): the bar stays in the band
  // under the slide. In a window that is left as it is.
  await expect.poll(opacity).toBe('1')
  await page.mouse.move(512, 200)
  await page.keyboard.press('f')
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === document.body), { message: 'f (Slidev\'s shortcut) goes full screen' }).toBe(true)
  await expect.poll(opacity, { message: 'full screen, the hall does not watch the toolbar' }).toBe('0')
  await page.mouse.move(30, 745)
  await expect.poll(opacity, { message: 'the mouse over the band shows it' }).toBe('1')
  await page.mouse.move(512, 200)
  await expect.poll(opacity).toBe('0')
  await page.keyboard.press('Tab')
  await expect.poll(opacity, { message: 'so does the keyboard' }).toBe('1')
})
