import type { CitedDeck } from '../../addons/citations/lib'
import type { HandoutLayoutRecord } from '../../lib/handout'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'
import { loadCitedDeck } from '../../addons/citations/lib'
import { buildHandoutContent, expectedSiteSlides } from '../../lib/handout'
import { readLayoutRecord } from '../../lib/handoutPdf'
import { fold, pageCount, pdfInfo } from '../support/pdf'
import { projectRoot, runScript } from '../support/project'
import { printedPdfChecks } from './pdfChecks'

const dist = resolve(process.env.DIST_DIR ?? 'dist')
const pdf = join(dist, 'handout.pdf')

/** The deck as written (notes with [@key]), as the handout reads it. */
async function sourceDeck(): Promise<CitedDeck> {
  return loadCitedDeck(join(projectRoot, 'slides.md'))
}

/** Text of each page in reading order (no -layout: a slide and its notes stay apart), folded. */
function readingTexts(path: string): string[] {
  const all = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  return all.split('\f').slice(0, pageCount(path)).map(fold)
}

/** Bookmarks with the 1-based page each one opens. */
async function bookmarkPages(path: string): Promise<{ title: string, depth: number, page: number }[]> {
  const doc = await PDFDocument.load(readFileSync(path))
  const refs = doc.getPages().map(p => p.ref.toString())
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const out: { title: string, depth: number, page: number }[] = []
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let node = first; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const t = node.lookup(PDFName.of('Title'))
      const title = t instanceof PDFString || t instanceof PDFHexString
        ? t.decodeText()
        : String(t)
      let dest = node.lookup(PDFName.of('Dest'))
      if (!dest) {
        const action = node.lookupMaybe(PDFName.of('A'), PDFDict)
        dest = action?.lookup(PDFName.of('D'))
      }
      const target = dest instanceof PDFArray
        ? dest.get(0)
        : undefined
      out.push({
        title,
        depth,
        page: target instanceof PDFRef
          ? refs.indexOf(target.toString()) + 1
          : 0,
      })
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
    }
  }
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0)
  return out
}

/** The first words of a slide's notes, before any citation or markup: text a reader would search for. */
function notesSample(html: string): string | undefined {
  const first = /<p>([^<]*)/.exec(html)?.[1]
  const words = fold(first ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').split(' ')
  return words.length >= 4
    ? words.slice(0, 6).join(' ')
    : undefined
}

/** Index after `needle` in `hay` from `from`, or -1: for "in this order" checks. */
function after(hay: string, needle: string, from: number): number {
  const i = hay.indexOf(needle, from)
  return i < 0
    ? -1
    : i + needle.length
}

test.describe('dist/handout.pdf', () => {
  let layout: HandoutLayoutRecord
  let cited: CitedDeck

  test.beforeAll(async () => {
    expect(existsSync(pdf), `${pdf} is missing: run npm run build (or npm run handout)`).toBe(true)
    layout = (await readLayoutRecord(readFileSync(pdf)))!
    cited = await sourceDeck()
  })

  test('has as many pages as its packing: a cover, slide pages, then the references', () => {
    expect(layout, 'the handout carries its layout record').toBeTruthy()
    expect(pageCount(pdf)).toBe(layout.pages.length)
    const kinds = layout.pages.map(p => p.kind)
    expect(kinds[0]).toBe('cover')
    expect(kinds.slice(1).join(' ')).toMatch(/^(slides )+(references ?)+$/)
    const slidePages = layout.pages.filter(p => p.kind === 'slides') as { slides: number[] }[]
    for (const p of slidePages) {
      expect(p.slides.length).toBeGreaterThanOrEqual(1)
      expect(p.slides.length).toBeLessThanOrEqual(layout.perPage)
    }
    // Every slide of the deck except the references section, once, in order.
    const content = buildHandoutContent(cited, expectedSiteSlides(cited))
    expect(slidePages.flatMap(p => p.slides)).toEqual(content.rows.map(r => r.no))
    expect(pdfInfo(pdf)['Page size']).toMatch(layout.paper === 'a4'
      ? /^59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/
      : /^61[23](\.\d+)? x 79[23](\.\d+)? pts \(letter\)/)
  })

  test('shows each slide on the page its packing says, with title and notes, in order', () => {
    const texts = readingTexts(pdf)
    const content = buildHandoutContent(cited, expectedSiteSlides(cited))
    const byNo = new Map(content.rows.map(r => [r.no, r]))
    const whole = texts.join(' ')
    let at = 0
    let sampled = 0
    layout.pages.forEach((p, i) => {
      if (p.kind !== 'slides')
        return
      for (const no of p.slides) {
        const row = byNo.get(no)!
        const label = `Slide ${no} ${row.title}`
        expect(texts[i], `page ${i + 1} should carry "${label}" (${row.file}:${row.line})`).toContain(label)
        // The slide itself (vector text, not a picture) shows its title too.
        if (row.titleText)
          expect(texts[i], `page ${i + 1}: the slide's own title "${row.titleText}"`).toContain(row.titleText)
        const next = after(whole, label, at)
        expect(next, `"${label}" comes after the slide before it`).toBeGreaterThan(0)
        at = next
        const sample = notesSample(row.notesHtml)
        if (sample) {
          expect(texts[i], `page ${i + 1}: notes of slide ${no} start "${sample}"`).toContain(sample)
          sampled++
        }
      }
    })
    expect(sampled).toBeGreaterThan(content.rows.length / 2)
  })

  test('the cover names the talk, presenter, affiliation, event and date', () => {
    const cover = readingTexts(pdf)[0]!
    const h = cited.headmatter as Record<string, string>
    for (const key of [
      'title',
      'subtitle',
      'author',
      'affiliation',
      'event',
    ])
      expect(cover, key).toContain(fold(String(h[key])))
    expect(cover).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/)
    expect(pdfInfo(pdf).Title).toContain(String(h.title))
  })

  test('numbers its pages', () => {
    const texts = readingTexts(pdf)
    texts.forEach((t, i) => {
      if (i > 0)
        expect(t).toContain(`Page ${i + 1} of ${texts.length}`)
    })
  })

  printedPdfChecks(pdf)

  test('bookmarks sections and slides at the pages where they land', async () => {
    const marks = await bookmarkPages(pdf)
    const content = buildHandoutContent(cited, expectedSiteSlides(cited))
    const dividers = content.rows.filter(r => content.outlineSlides.find(o => o.no === r.no)?.layout === 'section')
    const sections = dividers.map(r => r.title)
    expect(marks.filter(m => m.depth === 0).map(m => m.title)).toEqual(expect.arrayContaining([...sections, 'References']))
    expect(marks.filter(m => m.depth === 1).length).toBeGreaterThan(10)
    const pageOf = new Map<number, number>()
    layout.pages.forEach((p, i) => p.kind === 'slides' && p.slides.forEach(no => pageOf.set(no, i + 1)))
    // Each section's bookmark opens the page of its divider slide; the references the list.
    for (const r of dividers) {
      const m = marks.find(x => x.depth === 0 && x.title === r.title)!
      expect(m.page, `bookmark "${r.title}"`).toBe(pageOf.get(r.no))
    }
    expect(marks.find(m => m.title === 'References')!.page).toBe(layout.pages.findIndex(p => p.kind === 'references') + 1)
    expect(marks.every(m => m.page >= 1)).toBe(true)
  })

  test('ends with the deck\'s cited references, numbered, with their DOIs', () => {
    const texts = readingTexts(pdf)
    const first = layout.pages.findIndex(p => p.kind === 'references')
    const refsText = texts.slice(first).join(' ')
    expect(cited.references.length).toBeGreaterThan(10)
    const ranges = layout.pages.filter(p => p.kind === 'references') as { from: number, to: number }[]
    expect(ranges[0]!.from).toBe(1)
    // The list ends with the deck's last reference: nothing added, nothing dropped.
    expect(ranges.at(-1)!.to).toBe(cited.references.length)
    expect(ranges.slice(1).every((r, i) => r.from === ranges[i]!.to + 1)).toBe(true)
    let at = 0
    for (const ref of cited.references) {
      // Number, then the start of the entry (authors), then its DOI, in order.
      const start = fold(ref.text).split(' ').slice(0, 3).join(' ')
      const next = after(refsText, `${ref.number}. ${start}`, at)
      expect(next, `reference ${ref.number} (${ref.key}) "${start}"`).toBeGreaterThan(0)
      at = next
      // pdftotext drops a hyphen where a DOI wraps at the end of a line: compare without them.
      const doi = /doi: (\S+?)\.?(?: |$)/.exec(ref.text)?.[1]
      if (doi)
        expect(refsText.replace(/-/g, ''), `DOI of reference ${ref.number}`).toContain(doi.replace(/-/g, ''))
    }
  })
})

test.describe('npm run handout', () => {
  test.setTimeout(180_000)

  test('prints Letter with two slides a page from a built site', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handout-'))
    try {
      const out = join(dir, 'letter.pdf')
      const r = runScript(projectRoot, 'handout.ts', [
        '--site',
        dist,
        '--paper',
        'letter',
        '--per-page',
        '2',
        '--out',
        out,
      ])
      expect(r.code, r.output).toBe(0)
      // Chromium rounds the page to whole CSS px: 612.96 x 792.96 pt.
      expect(pdfInfo(out)['Page size']).toMatch(/^61[23](\.\d+)? x 79[23](\.\d+)? pts \(letter\)/)
      const rec = await readLayoutRecord(readFileSync(out))
      expect(rec!.paper).toBe('letter')
      const pages = rec!.pages.filter(p => p.kind === 'slides') as { slides: number[] }[]
      expect(Math.max(...pages.map(p => p.slides.length))).toBe(2)
      expect(pageCount(out)).toBe(rec!.pages.length)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a missing browser is a clear error, and no PDF (not even a partial one) is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handout-'))
    try {
      const out = join(dir, 'h.pdf')
      const r = runScript(projectRoot, 'handout.ts', ['--site', dist, '--out', out], {
        CHROMIUM_PATH: join(dir, 'no-such-chrome'),
      })
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/CHROMIUM_PATH is set to ".*no-such-chrome", but no file is there/)
      expect(r.stderr).not.toMatch(/\n\s+at /)
      expect(existsSync(out)).toBe(false)
      expect(existsSync(`${out}.partial`)).toBe(false)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a wrong option says what to type', () => {
    const r = runScript(projectRoot, 'handout.ts', [
      '--site',
      dist,
      '--per-page',
      '4',
      '--out',
      join(tmpdir(), 'never.pdf'),
    ])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('--per-page 2 or --per-page 3')
  })
})
