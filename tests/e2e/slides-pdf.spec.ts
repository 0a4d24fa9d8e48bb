import { resolve } from 'node:path'
import { citationFindings, formatHallFinding, overflowFindings } from '../../lib/hallChecks'
import { sectionsOf, timed } from '../../lib/sectionTimer'
import { bookmarks, fold, pageCount, pageTexts, pdfInfo } from '../support/pdf'
import { deck, openPrint } from './deck'
import { expect, test } from './fixtures'
import { measureSlide } from './hallMeasure'
import { printedPdfChecks } from './pdfChecks'

const ascii = (s: string) => s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]/g, c => '0123456789+-'['⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻'.indexOf(c)]!)
const pdf = resolve(process.env.DIST_DIR ?? 'dist', 'slides.pdf')

test.describe('dist/slides.pdf', () => {
  test('has one page per slide, each with its title, in order', async () => {
    const d = await deck()
    expect(pageCount(pdf)).toBe(d.slides.length)
    const texts = pageTexts(pdf)
    for (const slide of d.slides) {
      // Titles read "Mg²⁺"; the page prints <sup>2+</sup>, which pdftotext gives as "2+".
      const title = ascii(fold(slide.title))
      if (title)
        expect(ascii(texts[slide.no - 1]!), `page ${slide.no} should show "${title}" (${slide.file}:${slide.line})`).toContain(title)
    }
  })

  printedPdfChecks(pdf)

  // The sweep measures the slides as the hall sees them; paper shows some differently (a
  // diagram's two-state summary instead of its steps, every click at once). The print
  // summary of the Mg2+ block once ran 18 px into its slide's sources line, unseen by it.
  test('every slide as it prints: nothing past the page or into its sources line, no citation split over two lines', async ({ page }) => {
    const d = await deck()
    // Light, as the PDFs print; ready when the deck says so, as the build waits for it.
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
    const print = await openPrint(page)
    const findings: string[] = []
    for (const s of d.slides) {
      const root = print.locator(`.print-slide-container[id^="${String(s.no).padStart(3, '0')}-"] .slidev-page`)
      const m = await measureSlide(print, s.no, `${s.file}:${s.line} "${s.title}" (printed)`, root)
      findings.push(...[
        ...overflowFindings(m),
        ...citationFindings(m),
      ].map(formatHallFinding))
    }
    expect(findings).toEqual([])
  })

  test('carries the talk metadata and bookmarks for sections and slides', async () => {
    const d = await deck()
    const info = pdfInfo(pdf)
    expect(info.Title).toBe(String(d.headmatter.title))
    expect(info.Author).toContain(String(d.headmatter.author))
    const marks = await bookmarks(pdf)
    const sections = d.slides.filter(s => s.layout === 'section').map(s => s.title)
    expect(marks.filter(m => m.depth === 0).map(m => m.title)).toEqual(expect.arrayContaining(sections))
    // The parts the presenter view's clock names ("Questions", "References" have budgets of
    // their own) are parts here too, not slides of the last section.
    const parts = sectionsOf(timed(d.slides)).map(s => s.title)
    expect(marks.filter(m => m.depth === 0).map(m => m.title)).toEqual(expect.arrayContaining(parts))
    expect(marks.some(m => m.depth === 1)).toBe(true)
  })
})

test('npm run export -- --with-clicks prints one page per click, each diagram step as itself', async () => {
  test.setTimeout(300_000)
  const { mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { projectRoot, runScript } = await import('../support/project')
  const out = join(mkdtempSync(join(tmpdir(), 'nmda-clicks-')), 'clicks.pdf')
  const r = runScript(projectRoot, 'export.ts', ['--with-clicks', '--out', out])
  expect(r.code, r.output).toBe(0)
  const d = await deck()
  const clicked = d.slides.reduce((n, s) => n + 1 + Number(s.frontmatter.clicks ?? 0), 0)
  expect(pageCount(out)).toBeGreaterThanOrEqual(clicked)
  // The Mg2+ block slide prints its five steps, captioned 1/5 .. 5/5, in order.
  const text = pageTexts(out).join(' ')
  const at = [1, 2, 3, 4, 5].map(i => text.indexOf(`${i}/5 ·`))
  expect(at.every(i => i >= 0), `captions found at ${at}`).toBe(true)
  expect([...at].sort((a, b) => a - b)).toEqual(at)
})
