import type { Page } from '@playwright/test'
import type { Page as ChromiumPage } from 'playwright-chromium'
import type { DevServer } from '../support/devServer'
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { loadCitedDeck } from '../../addons/citations/lib'
import { recordPdfEntry } from '../../lib/buildInputs'
import { loadDeck } from '../../lib/deck'
import { editToScreen, networkWatch, saveFile, startDevServer } from '../../lib/devLoop'
import { formatMillivolts } from '../../lib/mgBlock'
import { formatClock, sectionsOf, timed } from '../../lib/sectionTimer'
import { TEMPLATE_VALUES } from '../../lib/talkConfig'
import { startDev } from '../support/devServer'
import { copyProject, entryFiles, projectRoot } from '../support/project'
import { clockSeconds, deck, slideNumberOf } from './deck'
import { expect, test } from './fixtures'
import { expectShared, tryIt } from './liveState'

// `npm run dev` is how a lecturer presents and edits. The production build can hide what
// breaks it (an unused Node import is dropped from dist/ but blanks the dev page), so these
// tests run the command itself, as the README gives it.
const PORT = Number(process.env.E2E_DEV_PORT ?? 4327)

/** Every page error and console error. */
function problems(page: Page): string[] {
  const seen: string[] = []
  page.on('pageerror', e => seen.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error')
      seen.push(`console error: ${m.text()}`)
  })
  return seen
}

/**
 * Saves `<WindupTrian>` for `<WindupTrain>` in a copy of the project: a component Slidev renders
 * as nothing. Returns the file, the line the build names and the text to restore.
 */
function mistypeWindup(dir: string): { file: string, at: number, text: string } {
  const file = 'slides/04-clinical-implications.md'
  const text = readFileSync(join(dir, file), 'utf8')
  const at = text.split('\n').findIndex(l => l.startsWith('<WindupTrain ')) + 1
  expect(at).toBeGreaterThan(0)
  saveFile(join(dir, file), text.replace('<WindupTrain ', '<WindupTrian '))
  return { file, at, text }
}

test.describe('npm run dev', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 })
  let dev: DevServer
  test.beforeAll(async () => {
    dev = await startDev(projectRoot, PORT)
  })
  test.afterAll(async () => {
    await dev?.close()
  })

  // Tagged @timed as well: it runs first on the same dev server, whose first compiles of the
  // animated slides would otherwise fall inside the timed sharing test below.
  test('shows the first slide, the presenter view and every animated slide, with no error', { tag: '@timed' }, async ({ page }) => {
    const seen = problems(page)
    const d = await deck()
    await page.goto(`${dev.url}1`)
    await expect(page.locator('.slidev-page-1')).toContainText(String(d.headmatter.title), { timeout: 60_000 })

    // The presenter view: this slide, the next, and the speaker notes of this one.
    // Vite compiles the presenter's modules on their first visit: on a loaded 2-core machine
    // that took 36 s once, so it gets the first slide's allowance, not the default 5 s.
    await page.goto(`${dev.url}presenter/1`)
    await expect(page.locator('.slidev-presenter')).toBeVisible({ timeout: 60_000 })
    await expect(page.locator('.slidev-presenter .slidev-note')).not.toBeEmpty()

    // Every slide that hosts an animated diagram renders it, first in the deck, then stepped.
    const animated = d.slides.filter(s => /<(?:MgBlockChannel|ToleranceCurves)\b/.test(s.content))
    for (const s of animated) {
      await page.goto(`${dev.url}${s.no}`)
      // The dev server compiles a slide's components on first request: on a busy machine
      // (the other test worker sweeping the built deck) that takes longer than a click.
      await expect(page.locator(`.slidev-page-${s.no} svg`).first(), `${s.file}:${s.line}`).toBeVisible({ timeout: 30_000 })
      for (let i = 0; i < Number(s.frontmatter.clicks ?? 0); i++)
        await page.keyboard.press('ArrowRight')
      await expect(page, `${s.file}:${s.line}: clicks stay on the slide`).toHaveURL(new RegExp(`/${s.no}(?:\\?clicks=\\d+)?$`))
    }
    expect(seen, dev.output()).toEqual([])
  })

  // The presenter view on the laptop, the deck on another device (a second browser context:
  // no BroadcastChannel between them), kept in step by the dev server.
  test('the Try-it state is shared between devices within 100 ms, and a device that joins later gets it', { tag: '@timed' }, async ({ browser }) => {
    const no = await slideNumberOf(/<MgBlockChannel\s+interactive/)
    const readout = (page: Page) => page.locator(`.slidev-page-${no} [data-readout="potential"]`).first()
    const laptop = await (await browser.newContext()).newPage()
    const projector = await (await browser.newContext()).newPage()
    // In dev, Slidev compiles every slide in the background a few seconds after the first
    // shows; a change timed during that load measures the load, not the sharing.
    const loading = [laptop, projector].map(p => networkWatch(p as unknown as ChromiumPage))
    const seen = [
      ...problems(laptop),
      ...problems(projector),
    ]
    await laptop.goto(`${dev.url}presenter/${no}`)
    await projector.goto(`${dev.url}${no}`)
    await expect(readout(laptop)).toBeVisible({ timeout: 60_000 })
    await expect(readout(projector)).toBeVisible({ timeout: 60_000 })
    // The first change after the pages load waits for the dev server's first compiles of the
    // modules behind it (seconds on a busy 2-core machine): not timed, but it must arrive.
    await tryIt(laptop, no).slider.evaluate((el: HTMLInputElement) => {
      el.value = '-40'
      el.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await expect(readout(projector)).toHaveText(formatMillivolts(-40), { timeout: 30_000 })
    for (const l of loading) {
      await l.quiet(1000)
      l.stop()
    }
    await expectShared(laptop, projector, no, [-31, -32, -33, -34, -35], 100, 'laptop to projector')
    await expectShared(projector, laptop, no, [-48, -49, -50, -51, -52], 100, 'projector to laptop')
    const late = await (await browser.newContext()).newPage()
    await late.goto(`${dev.url}${no}`)
    await expect(readout(late)).toHaveText(formatMillivolts(-52), { timeout: 60_000 })
    expect(seen, dev.output()).toEqual([])
  })
})

// One copy and one dev server for both edit tests (a server's start and first compile of the
// deck is most of either test): the citing edit first, so that it is still the first edit
// after start, the one the citation cache meets cold; it undoes itself, and the plain edit
// then meets the deck as cloned.
test.describe('npm run dev, edited while it runs', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 })
  let dir: string
  let server: DevServer
  test.beforeAll(async () => {
    dir = copyProject()
    server = await startDev(dir, PORT + 1)
  })
  test.afterAll(async () => {
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('an edit that cites renumbers the citations of the whole deck, on screen', async ({ page }) => {
    const deck = await loadDeck(join(dir, 'slides.md'))
    const file = 'slides/01-definition.md'
    const slide = deck.slides.find(s => s.file === file && s.content.includes('under intense scrutiny'))!
    // A key first cited late in the talk: cited here, it must take a low number, and every
    // key first cited between here and there moves up by one, on this slide and the others.
    const before = deck.cited
    const late = before.citations.order.at(-1)!
    expect(before.numbers.get(late)).toBe(before.numbers.size)

    const seen = problems(page)
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
    await expect(shown.locator(`sup.citation[data-cite="petrenko2003 ${late}"]`)).toHaveText(after.numbers.get('petrenko2003') === n - 1
      ? `${n - 1},${n}`
      : new RegExp(`\\b${n}\\b`))
    await expect(shown.locator(`.slide-sources li[data-cite="${late}"] .source-number`)).toHaveText(String(n))

    // A later edit on a slide of another file, seen there too: numbers of the whole deck follow.
    const moved = after.citations.order.find(k => after.numbers.get(k)! > n && before.numbers.get(k) !== after.numbers.get(k))!
    const other = after.citations.occurrences.find(o => o.key === moved && o.part === 'content' && !o.file.endsWith(file))!
    await page.goto(`${server.url}${other.slide}`)
    await expect(page.locator(`.slidev-page-${other.slide} .slide-sources li[data-cite="${moved}"] .source-number`)).toHaveText(String(after.numbers.get(moved)))

    // Undo: the numbers go back.
    saveFile(path, readFileSync(path, 'utf8').replace(` FreshWord [@petrenko2003; @${late}]`, ' [@petrenko2003]'))
    await expect(page.locator(`.slidev-page-${other.slide} .slide-sources li[data-cite="${moved}"] .source-number`)).toHaveText(String(before.numbers.get(moved)), { timeout: 30_000 })
    expect(seen, server.output()).toEqual([])
  })

  test('an edit to a slide file shows in the open deck without a reload', async ({ page }) => {
    const seen = problems(page)
    const d = await deck()
    const target = d.slides.find(s => s.no > 1 && /^# .+$/m.test(s.content))!
    await page.goto(`${server.url}${target.no}`)
    const slide = page.locator(`.slidev-page-${target.no}`)
    await expect(slide).toContainText(target.title, { timeout: 60_000 })
    // Marks the window: a reload would drop it, hot replacement keeps it.
    await page.evaluate(() => ((window as any).__notReloaded = true))

    const file = join(dir, target.file)
    const heading = target.content.match(/^# .+$/m)![0]
    saveFile(file, readFileSync(file, 'utf8').replace(heading, `${heading}\n\nEdited while presenting`))
    await expect(slide).toContainText('Edited while presenting', { timeout: 20_000 })
    expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true)
    expect(seen, server.output()).toEqual([])
  })

  // Slidev loads the other slides three seconds after the page opens. An edit saved before then
  // gave their components a second copy of Slidev's slide list, which mounted every slide again:
  // the slide on screen went blank for a moment (components/slidev.ts).
  test('an edit saved as soon as the deck opens keeps the slide on screen while Slidev loads the rest, with one copy of its slide list', async ({ page }) => {
    const seen = problems(page)
    const lists: string[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/@slidev/slides')
        lists.push(r.url())
    })
    const d = await deck()
    const titled = d.slides.filter(s => /^# .+$/m.test(s.content))
    const target = titled[Math.floor(titled.length / 2)]!
    await page.goto(`${server.url}${target.no}`)
    const slide = page.locator(`.slidev-page-${target.no}`)
    await expect(slide).toContainText(target.title, { timeout: 60_000 })
    // From now on, every frame: is the slide there, heading and all?
    await page.evaluate((no) => {
      const w = window as any
      w.__blank = []
      w.__watching = true
      const t0 = performance.now()
      const look = () => {
        const p = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
        if (!p || p.offsetParent === null || !p.querySelector('h1'))
          w.__blank.push(Math.round(performance.now() - t0))
        if (performance.now() - t0 < 8000)
          requestAnimationFrame(look)
        else
          w.__watching = false
      }
      requestAnimationFrame(look)
    }, target.no)
    const loadedAtSave = await page.locator('.slidev-page').count()
    expect(loadedAtSave, 'saved before Slidev loaded the other slides').toBeLessThan(d.slides.length)
    const file = join(dir, target.file)
    const text = readFileSync(file, 'utf8')
    const heading = target.content.match(/^# .+$/m)![0]
    saveFile(file, text.replace(heading, `${heading}\n\nSaved at once`))
    await expect(slide).toContainText('Saved at once', { timeout: 20_000 })
    await expect(page.locator('.slidev-page')).toHaveCount(d.slides.length, { timeout: 30_000 })
    await page.waitForFunction(() => (window as any).__watching === false, null, { timeout: 30_000 })
    expect(await page.evaluate(() => (window as any).__blank), 'ms after the watch began with the slide not on screen').toEqual([])
    expect(lists, 'copies of Slidev\'s slide list loaded').toHaveLength(1)
    saveFile(file, text)
    expect(seen, server.output()).toEqual([])
  })

  test('the closing slide\'s PDF links say how to make the PDFs, and when the last PDF printed is older than an edit', async ({ page }) => {
    // In a clone not built yet (they opened the deck's first slide).
    for (const pdf of ['slides.pdf', 'handout.pdf']) {
      const r = await page.request.get(`${server.url}${pdf}`)
      expect(r.status(), pdf).toBe(404)
      expect(await r.text(), pdf).toContain('`npm run build` makes the slides and handout PDFs')
    }
    // Printed before the deck's files last changed: the lecturer is told before opening it.
    const pdf = join(dir, 'dist', 'slides.pdf')
    mkdirSync(dirname(pdf), { recursive: true })
    try {
      writeFileSync(pdf, '%PDF-1.7\n%%EOF\n')
      utimesSync(pdf, new Date('2000-01-01'), new Date('2000-01-01'))
      await page.goto(`${server.url}presenter/slides.pdf`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('slides.pdf is from before your last edit')
      await expect(page.locator('main')).toContainText('Run npm run build to print the deck as it is now')
      // Where the link leads, fetched: Chromium shows a PDF in its own viewer, not in the page.
      const href = await page.getByRole('link', { name: 'Open the last PDF printed anyway' }).getAttribute('href')
      const old = await page.request.get(new URL(href!, page.url()).href)
      expect(old.headers()['content-type']).toBe('application/pdf')
      expect((await old.body()).subarray(0, 5).toString()).toBe('%PDF-')
      // Printed again after the edit: the link opens it at once.
      const later = new Date(Date.now() + 60_000)
      utimesSync(pdf, later, later)
      const r = await page.request.get(`${server.url}slides.pdf`)
      expect(r.headers()['content-type']).toBe('application/pdf')
      expect((await r.body()).subarray(0, 5).toString()).toBe('%PDF-')
      // Printed by `npm run export -- --deck short.md`: new, but another deck's.
      recordPdfEntry(dirname(pdf), 'slides.pdf', 'short.md')
      await page.goto(`${server.url}slides.pdf`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('slides.pdf is short.md\'s, not slides.md\'s')
    }
    finally {
      rmSync(dirname(pdf), { recursive: true, force: true })
    }
  })

  // README, "A new study": cite it, then add its entry. Slidev reloads the deck only for a
  // slide file; the addon's dev plugin reports a saved bibliography as a change of the deck.
  test('a study cited before its entry exists shows as ?key, and saving references.bib numbers it on screen', async ({ page }) => {
    const seen = problems(page)
    const deck = await loadDeck(join(dir, 'slides.md'))
    const file = 'slides/01-definition.md'
    const slide = deck.slides.find(s => s.file === file && s.content.includes('under intense scrutiny [@petrenko2003]'))!
    await page.goto(`${server.url}${slide.no}`)
    const shown = page.locator(`.slidev-page-${slide.no}`)
    await expect(shown.getByText('under intense scrutiny')).toBeVisible({ timeout: 60_000 })
    await page.evaluate(() => ((window as any).__notReloaded = true))

    const key = 'newstudy2026'
    const path = join(dir, file)
    saveFile(path, readFileSync(path, 'utf8').replace('under intense scrutiny [@petrenko2003]', `under intense scrutiny [@petrenko2003; @${key}]`))
    const cited = shown.locator(`sup.citation[data-cite="petrenko2003 ${key}"]`)
    await expect(cited).toHaveClass(/citation-missing/, { timeout: 30_000 })
    await expect(cited).toContainText(`?${key}`)
    const from = server.output().length
    await expect.poll(() => server.output(), { timeout: 30_000 }).toMatch(new RegExp(`${file}:\\d+:\\d+: error: citation key '${key}' \\(slide ${slide.no}\\) is not in references\\.bib\\.`))

    // A fixture entry in the test's copy only, nothing claimed: its address is one reserved for
    // examples (RFC 2606), there because the build requires an identifier of every entry.
    const bib = join(dir, 'references.bib')
    saveFile(bib, `${readFileSync(bib, 'utf8')}\n@article{${key},\n  author = {Newcomer, A.},\n  title = {A study added during the talk's preparation},\n  journal = {Test Journal},\n  year = {2026},\n  url = {https://example.org/${key}},\n}\n`)
    const n = (await loadCitedDeck(join(dir, 'slides.md'))).numbers.get(key)!
    expect(n).toBeGreaterThan(0)
    await expect(cited).not.toHaveClass(/citation-missing/, { timeout: 30_000 })
    await expect(cited).toHaveText(new RegExp(`\\b${n}$`))
    // The terminal says the problem is gone, instead of leaving its warning as the last word.
    await expect.poll(() => server.output().slice(from), { timeout: 30_000 }).toContain('[citations] every citation resolves again')
    await expect(shown.locator(`.slide-sources li[data-cite="${key}"]`)).toContainText('Newcomer A')
    expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true)
    expect(seen, server.output()).toEqual([])
  })

  // The dev server keeps the talk's timer through a reload of the presenter view; the
  // section's time started again from 0:00.
  test('a reload of the presenter view keeps the section\'s time', async ({ page }) => {
    const seen = problems(page)
    const timer = page.locator('[data-section-timer]')
    const spent = () => clockSeconds(timer.locator('[data-section-spent]'))
    await page.clock.install()
    await page.goto(`${server.url}presenter/1`)
    await page.locator('.slidev-presenter .slidev-note').waitFor({ timeout: 60_000 })
    try {
      await page.keyboard.press('ArrowRight')
      await expect(timer).toHaveAttribute('data-status', 'running')
      await page.clock.runFor(60_500)
      await expect.poll(spent).toBeGreaterThanOrEqual(60)
      await page.reload()
      await page.locator('.slidev-presenter .slidev-note').waitFor({ timeout: 60_000 })
      await expect(timer).toHaveAttribute('data-status', 'running')
      expect(await spent()).toBeGreaterThanOrEqual(60)
    }
    finally {
      // The server keeps the timer for the next window: left as a new talk would find it.
      await page.locator('[data-timer-reset]').click()
    }
    await expect(timer).toHaveAttribute('data-status', 'stopped')
    expect(seen, server.output()).toEqual([])
  })

  // Slidev takes any headmatter key and renders a mistyped component as nothing; the build
  // names both, and so does the terminal `npm run dev` runs in, once the file is saved.
  test('what the build would stop on is reported in the terminal with the build\'s message, and its fix too', async () => {
    // and nothing else asks the lecturer to fix something: Vite's "(!)" warnings are for the
    // project's own files (one said to add a file extension in vite.config.ts).
    expect(stripVTControlCharacters(server.output())).not.toMatch(/^\(!\)/m)
    const from = server.output().length
    const since = () => server.output().slice(from)
    const cleared = '[deck] nothing left that would stop `npm run build`'
    const entry = join(dir, 'slides.md')
    const original = readFileSync(entry, 'utf8')
    const line = original.split('\n').findIndex(l => l.startsWith('affiliation:')) + 1
    expect(line).toBeGreaterThan(1)
    saveFile(entry, original.replace(/^affiliation:/m, 'afiliation:'))
    await expect.poll(since, { timeout: 30_000 }).toContain(`slides.md:${line}:1: unknown headmatter key 'afiliation'. Did you mean 'affiliation'?`)
    expect(since()).toContain('`npm run build` would stop on:')
    saveFile(entry, original)
    await expect.poll(since, { timeout: 30_000 }).toContain(cleared)

    // A title with ": " in it, unquoted: Slidev cannot read the headmatter and makes no hot
    // update, and the terminal said nothing, while the build named the line.
    const titled = since().length
    const title = original.split('\n').findIndex(l => l.startsWith('title:')) + 1
    saveFile(entry, original.replace(/^title: .*$/m, 'title: Glutamate gates: chronic pain'))
    await expect.poll(() => since().slice(titled), { timeout: 30_000 }).toContain(`slides.md:${title}:8: broken frontmatter: Nested mappings are not allowed in compact mappings. A value with ": " in it needs quotes`)
    saveFile(entry, original)
    await expect.poll(() => since().slice(titled), { timeout: 30_000 }).toContain(cleared)

    const next = since().length
    const { file, at, text } = mistypeWindup(dir)
    await expect.poll(() => since().slice(next), { timeout: 30_000 }).toContain(`${file}:${at}:1: unknown component <WindupTrian>`)
    expect(since().slice(next)).toContain('Did you mean <WindupTrain>?')
    saveFile(join(dir, file), text)
    await expect.poll(() => since().slice(next), { timeout: 30_000 }).toContain(cleared)
  })
})

// The README's 20-minute version, rehearsed the way it gives: `npx slidev short.md`.
test('the 20-minute version serves from its own entry file: its title, its last slide and the presenter view, with no error', async ({ page }) => {
  test.setTimeout(180_000)
  // A fork that gives one talk deletes short.md, as the README allows.
  test.skip(!entryFiles.includes('short.md'), 'no short.md in this fork')
  const seen = problems(page)
  const short = await loadDeck(join(projectRoot, 'short.md'))
  const full = await deck()
  expect(short.slides.length, 'the short deck is shorter').toBeLessThan(full.slides.length)
  const server = await startDevServer(projectRoot, PORT + 2, { entry: 'short.md' })
  try {
    await page.goto(`${server.url}1`)
    await expect(page.locator('.slidev-page-1')).toContainText(String(short.headmatter.title), { timeout: 60_000 })
    const last = short.slides.at(-1)!
    await page.goto(`${server.url}${last.no}`)
    const title = /^# (.+)$/m.exec(last.content)?.[1]
    expect(title, 'the last slide has a title').toBeTruthy()
    await expect(page.locator(`.slidev-page-${last.no} h1`)).toHaveText(title!.replace(/<[^>]+>/g, ''), { timeout: 30_000 })
    await page.goto(`${server.url}presenter/2`)
    await expect(page.locator('.slidev-presenter .slidev-note')).not.toBeEmpty({ timeout: 60_000 })
    // The closing slide's PDF links reach the PDFs the build wrote (they opened the deck), from
    // the deck and from the presenter view (the links are relative). Those are the full talk's
    // (npm run build made them from slides.md): the rehearsing lecturer is told so, with the
    // command for this deck's, and can open them anyway.
    for (const pdf of ['slides.pdf', 'handout.pdf', 'presenter/handout.pdf']) {
      const name = pdf.split('/').at(-1)!
      const notice = await page.request.get(`${server.url}${pdf}`)
      expect(notice.headers()['content-type'], pdf).toMatch(/^text\/html/)
      const text = await notice.text()
      expect(text, pdf).toContain(`<h1>${name} is slides.md's, not short.md's</h1>`)
      expect(text, pdf).toContain('npm run build -- --deck short.md')
      const r = await page.request.get(`${server.url}${pdf}?last-build`)
      expect(r.headers()['content-type'], pdf).toBe('application/pdf')
      expect((await r.body()).subarray(0, 5).toString(), pdf).toBe('%PDF-')
    }
    // The presenter's clock times each src: block as the build does, neighbours of one budget
    // apart (its "Summary" and "Questions", 2min each, were one section of 2min).
    const sections = sectionsOf(timed(short.slides))
    for (const [i, s] of sections.entries()) {
      await page.goto(`${server.url}presenter/${s.from}`)
      await expect(page.locator('[data-section-budget]'), s.title).toContainText(`${i + 1}/${sections.length} ${s.title}`)
      await expect(page.locator('[data-section-budget]'), s.title).toContainText(`of ${formatClock(s.budgetMs)}`)
    }
    expect(seen, server.output()).toEqual([])
  }
  finally {
    await server.close()
  }
})

test('a component mistyped while the server was down is named in the terminal soon after `npm run dev` starts, with no save, and so is the presenter name the template left', async () => {
  test.setTimeout(180_000)
  const dir = copyProject()
  let server: DevServer | undefined
  try {
    const { file, at } = mistypeWindup(dir)
    // A clone that still has the template's presenter name, and its own affiliation.
    const entry = join(dir, 'slides.md')
    const headmatter = readFileSync(entry, 'utf8').replace(/^author: .*$/m, `author: ${TEMPLATE_VALUES.author}`).replace(/^affiliation: .*$/m, 'affiliation: Example Pain Institute')
    saveFile(entry, headmatter)
    const authorLine = headmatter.split('\n').findIndex(l => l.startsWith('author: ')) + 1
    server = await startDev(dir, PORT + 3)
    await expect.poll(() => server!.output(), { timeout: 60_000 }).toContain(`${file}:${at}:1: unknown component <WindupTrian>`)
    // Told once, at start, beside the problems: the name still to put on the slides.
    const reminders = server.output().split('[deck] Before you present')
    expect(reminders, server.output()).toHaveLength(2)
    expect(reminders[1]).toContain(`slides.md:${authorLine}:1: 'author' is still the template's`)
    expect(reminders[1]).not.toMatch(/slides\.md:\d+:1: 'affiliation'/)
    // The 20-minute version still has the template's affiliation where slides.md has its own.
    const short = join(dir, 'short.md')
    if (existsSync(short) && readFileSync(short, 'utf8').split(/\r?\n/).some(l => l.startsWith('affiliation:') && l.includes(TEMPLATE_VALUES.affiliation)))
      expect(reminders[1]).toMatch(new RegExp(`short\\.md:\\d+:1: 'affiliation' is still the template's "${TEMPLATE_VALUES.affiliation}", where slides\\.md has yours`))
  }
  finally {
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
