import { join } from 'node:path'
import { figureFrameTags } from '../../lib/componentCheck'
import { loadDeck } from '../../lib/deck'
import { printedLabel } from '../../lib/figureLabel'
import { windupState } from '../../lib/windup'
import { blankPages, citationScales, fontCheck, fonts, identifierLineEnds, linkTargets, pdfFigures, wordBoxes } from '../support/pdf'
import { projectRoot } from '../support/project'
import { expect, test } from './fixtures'

/**
 * What both printed PDFs (slides and handout) must hold whatever their layout: every font
 * embedded, the self-hosted face rather than a system fallback, no blank page, and
 * citations set as marks on their words.
 * Call inside a test.describe.
 */
export function printedPdfChecks(pdf: string): void {
  test('embeds every font it uses', () => {
    const f = fontCheck(pdf)
    expect(f.count).toBeGreaterThan(0)
    expect(f.notEmbedded).toEqual([])
    // The self-hosted face, not a system fallback, is what the browser showed.
    expect(f.selfHosted).toBe(true)
  })

  // Fontsource's subsets of Source Sans 3 lacked the superscript plus of Mg²⁺ and the arrows:
  // the printer drew them in DejaVu Sans and Liberation Sans ("Mg² ⁺" in italics), as a
  // projector's browser draws them in whatever its system has (styles/index.css).
  test('sets its text in the self-hosted faces, with no system font for a missing glyph', () => {
    const named = fonts(pdf).filter(r => r.type !== 'Type 3').map(r => r.name.replace(/^[A-Z]{6}\+/, ''))
    expect(named.filter(name => !/^(?:SourceSans3|SourceCodePro)/.test(name))).toEqual([])
  })

  // A screen reader reads a tagged PDF's figures by their alternative text: each figure once,
  // with its words; a diagram's with what it shows, not its heading alone.
  test('gives every figure its text alternative, a diagram its description too', async () => {
    const figures = await pdfFigures(pdf)
    expect(figures.filter(f => !f.alt).map(f => `page ${f.page}: a figure without alternative text`)).toEqual([])
    expect(figures.filter(f => f.nested).map(f => `page ${f.page}: a figure inside a figure: ${f.alt.slice(0, 60)}`)).toEqual([])
    const alts = figures.map(f => f.alt)
    const { slides } = await loadDeck(join(projectRoot, 'slides.md'))
    const drawn = figureFrameTags(slides).map(t => t.attrs.get('alt')?.value ?? '')
    expect(drawn.length, 'redrawn figures in the deck').toBeGreaterThan(0)
    expect(drawn.filter(alt => !alts.includes(alt))).toEqual([])
    if (slides.some(s => /<WindupTrain\b/.test(s.content))) {
      const windup = windupState(0, { summary: true })
      expect(alts).toContain(printedLabel(windup.heading, windup.description))
    }
  })

  test('has no blank page', () => {
    expect(blankPages(pdf)).toEqual([])
  })

  // A DOI or URL that ends a line just after one of its hyphens reads as a hyphenated word:
  // copied without the hyphen, it points nowhere.
  test('wraps no DOI or URL just after a hyphen', () => {
    const ids = identifierLineEnds(pdf)
    expect(ids.found, 'DOIs and URLs in the text').toBeGreaterThan(50)
    expect(ids.brokenAtHyphen).toEqual([])
  })

  // The PDFs are printed from a server on loopback that is gone when they are read: a link
  // to it (the closing slide's downloads once did) leads a reader nowhere.
  test('links only to the web, not to the server that printed it', async () => {
    const links = await linkTargets(pdf)
    expect(links.length, 'links to the sources (DOIs, PubMed)').toBeGreaterThan(50)
    const local = (uri: string) => !URL.canParse(uri) || !/^https?:$/.test(new URL(uri).protocol)
      || /^(?:localhost|127\.[\d.]+|\[::1\])$/.test(new URL(uri).hostname)
    expect(links.filter(l => local(l.uri)).map(l => `page ${l.page}: ${l.uri}`)).toEqual([])
  })

  // PDF/UA asks every link for a description of its own; Chromium's print gives none.
  test('describes every link by its address, for a screen reader that reads the links', async () => {
    const links = await linkTargets(pdf)
    expect(links.length).toBeGreaterThan(50)
    expect(links.filter(l => l.description !== l.uri).map(l => `page ${l.page}: ${l.uri} described as "${l.description}"`)).toEqual([])
  })

  // A citation is read as a mark on its word: never larger than the word. (On a slide a
  // citation in footnote-size text keeps the footnote size, so it may equal its word.)
  test('prints no citation larger than the word it follows', () => {
    const cites = citationScales(wordBoxes(pdf))
    expect(cites.length, 'citations found beside their words').toBeGreaterThan(100)
    expect(cites.filter(c => c.scale > 1.02).map(c => `page ${c.page}: ${c.text} at ${c.scale.toFixed(2)} of its word`)).toEqual([])
  })
}
