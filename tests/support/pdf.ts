import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

/** Reading PDFs back the way a person's tools would: poppler for text, fonts and pixels. */

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Number(info.match(/^Pages:\s+(\d+)/m)![1])
}

export function pdfInfo(path: string): Record<string, string> {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Object.fromEntries(info.split('\n').filter(l => l.includes(':')).map(l => [
    l.slice(0, l.indexOf(':')).trim(),
    l.slice(l.indexOf(':') + 1).trim(),
  ]))
}

/**
 * pdftotext of each page, lines kept: in reading order, or with `-layout` (a line's columns on
 * one line) or `-raw` (the order the page draws its text).
 */
export function pageTextsRaw(path: string, mode?: 'layout' | 'raw'): string[] {
  const all = execFileSync('pdftotext', [
    ...(mode
      ? [`-${mode}`]
      : []),
    path,
    '-',
  ], { encoding: 'utf8', maxBuffer: 64 << 20 })
  return all.split('\f').slice(0, pageCount(path))
}

/** Text of each page, whitespace folded, in page order. */
export function pageTexts(path: string): string[] {
  return pageTextsRaw(path, 'layout').map(fold)
}

/**
 * DOIs and URLs in the PDF's text (`found`), and the lines that end inside one just after a
 * hyphen (`brokenAtHyphen`: "page N: ...10.1046/j.1365-"), which a reader takes for hyphenation.
 */
export function identifierLineEnds(path: string): { found: number, brokenAtHyphen: string[] } {
  const identifier = /^(?:10\.\d{4,}\/|https?:\/\/)\S*$/
  const pages = pageTextsRaw(path, 'raw')
  let found = 0
  const brokenAtHyphen: string[] = []
  pages.forEach((text, i) => {
    for (const line of text.split('\n')) {
      const words = line.trim().split(/\s+/)
      found += words.filter(w => identifier.test(w)).length
      const last = words.at(-1) ?? ''
      if (identifier.test(last) && last.endsWith('-'))
        brokenAtHyphen.push(`page ${i + 1}: ...${line.trim().slice(-60)}`)
    }
  })
  return { found, brokenAtHyphen }
}

/**
 * Whitespace folded, and quotes straight: Markdown prints a typed apostrophe curly, so a
 * title written "Ketamine's" reads "Ketamine’s" in the PDF.
 */
export function fold(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, '\'').replace(/[\u201C\u201D]/g, '"').trim()
}

export interface FontRow { name: string, type: string, embedded: boolean }

export function fonts(path: string): FontRow[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' })
  return out.split('\n').slice(2).filter(Boolean).map((l) => {
    const cols = l.trim().split(/\s+/)
    // name, type (may be two words), encoding, emb, sub, uni, object, id
    const emb = cols[cols.length - 5]
    return {
      name: cols[0]!,
      type: cols.slice(1, cols.length - 6).join(' '),
      embedded: emb === 'yes',
    }
  })
}

export interface RenderedPage {
  width: number
  height: number
  /** 1 (grey) or 3 (RGB) bytes a pixel, row by row. */
  channels: 1 | 3
  pixels: Uint8Array
}

/** One page of a PDF as poppler renders it (`pdftoppm`, binary PGM or PPM), at `dpi`. */
export function renderPage(path: string, page: number, { dpi, gray = false }: { dpi: number, gray?: boolean }): RenderedPage {
  const out = execFileSync('pdftoppm', [
    ...(gray
      ? ['-gray']
      : []),
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    path,
  ], { maxBuffer: 256 << 20 })
  // "P5" (grey) or "P6" (RGB), then "<w> <h>\n<max>\n" and the pixels.
  const header = out.subarray(0, 64).toString('latin1').match(/^P([56])\s+(\d+)\s+(\d+)\s+\d+\s/)!
  const [width, height] = [
    Number(header[2]),
    Number(header[3]),
  ]
  const channels = header[1] === '5'
    ? 1
    : 3
  return {
    width,
    height,
    channels,
    pixels: out.subarray(header[0].length, header[0].length + width * height * channels),
  }
}

/** Share of dark pixels on a page rendered small in grey: ~0 means a blank page. */
export function inkRatio(path: string, page: number): number {
  const { pixels } = renderPage(path, page, { dpi: 12, gray: true })
  let dark = 0
  for (const p of pixels) {
    if (p < 200)
      dark++
  }
  return dark / pixels.length
}

/** A PDF text string (literal or hex) as text; undefined for anything else. */
export function pdfText(o: unknown): string | undefined {
  return o instanceof PDFString || o instanceof PDFHexString
    ? o.decodeText()
    : undefined
}

export interface Bookmark { title: string, depth: number }

/** The PDF outline (bookmarks) as a flat list, read with pdf-lib. */
export async function bookmarks(path: string): Promise<Bookmark[]> {
  const pdf = await PDFDocument.load(readFileSync(path))
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const result: Bookmark[] = []
  const walk = (first: PDFDict | undefined, depth: number) => {
    let node = first
    while (node) {
      const t = node.lookup(PDFName.of('Title'))
      const title = pdfText(t) ?? String(t)
      result.push({ title, depth })
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
      node = node.lookupMaybe(PDFName.of('Next'), PDFDict)
    }
  }
  if (outlines)
    walk(outlines.lookupMaybe(PDFName.of('First'), PDFDict), 0)
  return result
}

export interface StructureElement {
  /** The element's standard type: Figure, H1, P, Table... */
  type: string
  /** 1-based; 0 when the element names no page. */
  page: number
  /** The alternative text a screen reader speaks for it; '' when it has none. */
  alt: string
  /** Inside a figure: read again after the figure's alternative text, or instead of it. */
  nested: boolean
}

/** The elements of a tagged PDF's structure tree, in reading order, read with pdf-lib. */
export async function pdfStructure(path: string): Promise<StructureElement[]> {
  const pdf = await PDFDocument.load(readFileSync(path))
  const pages = pdf.getPages().map(p => p.ref)
  const out: StructureElement[] = []
  const seen = new Set<PDFRef>()
  const walk = (node: unknown, page: number, nested = false): void => {
    if (node instanceof PDFRef) {
      if (seen.has(node))
        return
      seen.add(node)
      node = pdf.context.lookup(node)
    }
    if (node instanceof PDFArray) {
      for (let i = 0; i < node.size(); i++)
        walk(node.get(i), page, nested)
      return
    }
    if (!(node instanceof PDFDict))
      return
    const pg = node.get(PDFName.of('Pg'))
    const here = pg instanceof PDFRef
      ? pages.indexOf(pg) + 1
      : page
    const type = node.get(PDFName.of('S'))
    if (type instanceof PDFName) {
      const alt = node.lookup(PDFName.of('Alt'))
      out.push({
        type: type.decodeText(),
        page: here,
        alt: pdfText(alt) ?? '',
        nested,
      })
    }
    walk(node.get(PDFName.of('K')), here, nested || type === PDFName.of('Figure'))
  }
  walk(pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.get(PDFName.of('K')), 0)
  return out
}

/** The figures of a tagged PDF, in reading order. */
export async function pdfFigures(path: string): Promise<StructureElement[]> {
  return (await pdfStructure(path)).filter(e => e.type === 'Figure')
}

/** The heading levels of a tagged PDF (H1 to H6), in reading order, with their pages. */
export async function pdfHeadings(path: string): Promise<{ level: number, page: number }[]> {
  return (await pdfStructure(path)).filter(e => /^H[1-6]$/.test(e.type)).map(e => ({
    level: Number(e.type.slice(1)),
    page: e.page,
  }))
}

export interface LinkTarget {
  page: number
  uri: string
  /** The annotation's own description (Contents), '' when it has none. */
  description: string
}

/** Every web link of the PDF (link annotations with a URI), by page, read with pdf-lib. */
export async function linkTargets(path: string): Promise<LinkTarget[]> {
  const pdf = await PDFDocument.load(readFileSync(path))
  return pdf.getPages().flatMap((p, i) => {
    const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    return Array.from({ length: annots?.size() ?? 0 }, (_, k) => annots!.lookup(k, PDFDict))
      .map(a => ({
        page: i + 1,
        uri: pdfText(a.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'))),
        description: pdfText(a.lookup(PDFName.of('Contents'))) ?? '',
      }))
      .filter((l): l is LinkTarget => l.uri !== undefined)
  })
}

/** Fonts the PDF uses without embedding them, and whether the deck's own face is among those used. */
export function fontCheck(path: string): { count: number, notEmbedded: string[], selfHosted: boolean } {
  const rows = fonts(path)
  return {
    count: rows.length,
    notEmbedded: rows.filter(r => !r.embedded).map(r => r.name),
    selfHosted: rows.some(r => /SourceSans3/i.test(r.name)),
  }
}

/** Pages with next to no ink, rendered small in grey. */
export function blankPages(path: string): number[] {
  return Array.from({
    length: pageCount(path),
  }, (_, i) => i + 1).filter(p => inkRatio(path, p) < 0.002)
}

/** A word as poppler places it on a page (`pdftotext -bbox`), in points from the top left. */
export interface WordBox {
  page: number
  text: string
  x0: number
  y0: number
  x1: number
  y1: number
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: '\'',
}

/** Every word of the PDF with its box, page by page. */
export function wordBoxes(path: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 })
  const words: WordBox[] = []
  let page = 0
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') {
      page++
      continue
    }
    words.push({
      page,
      text: m[5]!.replace(/&(\w+);/g, (e, name: string) => ENTITIES[name] ?? e),
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
    })
  }
  return words
}

/**
 * Each citation (the "[n]" the citations addon prints, after a word joiner) with the height
 * of its type against that of the word it is attached to: the word on its line that ends
 * where the citation begins.
 */
export function citationScales(words: readonly WordBox[]): { page: number, text: string, scale: number }[] {
  const out: { page: number, text: string, scale: number }[] = []
  for (const c of words) {
    if (!c.text.startsWith('\u2060['))
      continue
    const before = words.filter(w => w.page === c.page && w !== c
      && w.x1 <= c.x0 + 1 && w.x1 >= c.x0 - 4 && w.y0 < c.y1 && w.y1 > c.y0)
      .sort((a, b) => b.x1 - a.x1)[0]
    if (before) {
      out.push({
        page: c.page,
        text: `${before.text}${c.text.slice(1)}`,
        scale: (c.y1 - c.y0) / (before.y1 - before.y0),
      })
    }
  }
  return out
}

/**
 * Which words of a slide, as a PDF prints it on a page of its own, a picture of it on another
 * page leaves out. Where the picture is, and its scale, are read from a pair of same words:
 * of all pairs, the one that puts most of the slide's words in place (a title's words may
 * also stand, at another size, in the notes and the running header beside the picture). A
 * word the picture prints elsewhere inside itself counts as there: a picture may wrap a line
 * a word earlier than the page does.
 */
export function missingFromPicture(slide: readonly WordBox[], page: readonly WordBox[], tolerancePt = 2): string[] {
  const byText = Map.groupBy(page, w => w.text)
  const right = Math.max(...slide.map(w => w.x1))
  const bottom = Math.max(...slide.map(w => w.y1))
  const inPlace = (scale: number, dx: number, dy: number) => (s: WordBox) => (byText.get(s.text) ?? []).some(p =>
    Math.abs(p.x0 - (scale * s.x0 + dx)) <= tolerancePt && Math.abs(p.y0 - (scale * s.y0 + dy)) <= tolerancePt)
  let best: { scale: number, dx: number, dy: number, placed: number } | undefined
  for (const s of slide) {
    for (const p of byText.get(s.text) ?? []) {
      const scale = (p.x1 - p.x0) / (s.x1 - s.x0)
      if (!(scale > 0.05 && scale < 1))
        continue
      const at = { scale, dx: p.x0 - scale * s.x0, dy: p.y0 - scale * s.y0 }
      const placed = slide.filter(inPlace(at.scale, at.dx, at.dy)).length
      if (!best || placed > best.placed)
        best = { ...at, placed }
    }
    if (best?.placed === slide.length)
      break
  }
  if (!best)
    return slide.map(w => w.text)
  const { scale, dx, dy } = best
  const here = inPlace(scale, dx, dy)
  // The picture's text, run together and without marks: a smaller print may split a word
  // where the mark beside it changes font ("2000†" as "2000" and "†"), or place a citation's
  // bracket apart from its number.
  const plain = (t: string) => t.replace(/[\u2060[\]†]/g, '')
  const pictureText = plain(page.filter(p => p.x0 >= dx - tolerancePt && p.x1 <= dx + scale * right + tolerancePt
    && p.y0 >= dy - tolerancePt && p.y1 <= dy + scale * bottom + tolerancePt).map(p => p.text).join(''))
  return slide.filter(s => !here(s) && !pictureText.includes(plain(s.text))).map(s => s.text)
}
