/**
 * The deck's citations, read through Slidev's own parser so that `src:` imports, hidden
 * slides and notes count exactly as they render. Used by setup/preparser.ts (rendering),
 * scripts/check-refs.ts and the handout script. Not a Slidev hook itself: Slidev only
 * loads setup files by their hook names (preparser.ts, ...).
 */
import type { Bibliography, DeckCitations, DeckSlide, FormattedReference } from '../lib/citations'
import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import process from 'node:process'
import { load } from '@slidev/parser/fs'
import { citationNumbers, collectDeckCitations, formatVancouver, loadBibliography, slideSourceItems } from '../lib/citations'

export interface CitedDeck {
  entry: string
  headmatter: Record<string, unknown>
  slides: DeckSlide[]
  citations: DeckCitations
  /** Absolute path of the bibliography named by the headmatter (`bibliography:`). */
  bibFile: string
  bibliography: Bibliography
  /** Key -> reference number. */
  numbers: Map<string, number>
  /** The cited entries that exist, in reference-number order, formatted (Vancouver). */
  references: FormattedReference[]
}

/** The `bibliography:` headmatter key, relative to the entry file; references.bib by default. */
export function bibliographyPath(entry: string, headmatter: Record<string, unknown>): string {
  const named = typeof headmatter.bibliography === 'string' ? headmatter.bibliography : 'references.bib'
  return resolve(dirname(entry), named)
}

/** A path as messages show it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file
}

/** Parses a bibliography once per content: the dev server re-runs the preparser on every edit. */
const bibCache = new Map<string, Bibliography>()
export function readBibliography(file: string): Bibliography {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  }
  catch {
    return { file, entries: [], byKey: new Map(), unparsed: new Map(), findings: [{ severity: 'error', code: 'no-bibliography', file, line: 1, col: 1, message: `bibliography ${file} not found; create it or fix the 'bibliography:' line of the headmatter.` }] }
  }
  const cacheKey = `${file}\0${text}`
  let bib = bibCache.get(cacheKey)
  if (!bib) {
    bib = loadBibliography(text, displayPath(file))
    bibCache.clear()
    bibCache.set(cacheKey, bib)
  }
  return bib
}

export async function loadCitedDeck(entryPath: string, options: { bibFile?: string } = {}): Promise<CitedDeck> {
  const entry = resolve(entryPath)
  const root = dirname(entry)
  const data = await load({ userRoot: root, roots: [root] }, entry)
  const errors = Object.values(data.markdownFiles).flatMap(md => (md.errors ?? []).map(e => `${md.filepath}:${e.row + 1}: ${e.message}`))
  if (errors.length)
    throw new Error(errors.join('\n'))
  const slides = data.slides as unknown as DeckSlide[]
  const citations = collectDeckCitations(slides)
  const bibFile = options.bibFile ? resolve(options.bibFile) : bibliographyPath(entry, data.headmatter)
  const bibliography = readBibliography(bibFile)
  return assemble(entry, data.headmatter, slides, citations, bibFile, bibliography)
}

function assemble(entry: string, headmatter: Record<string, unknown>, slides: DeckSlide[], citations: DeckCitations, bibFile: string, bibliography: Bibliography): CitedDeck {
  // Numbers go to keys that resolve: a missing key is an error, and must not shift the
  // numbers of everything cited after it.
  const order = citations.order.filter(k => bibliography.byKey.has(k))
  const numbers = citationNumbers(order)
  const references = formatVancouver(order.map(k => bibliography.byKey.get(k)!))
  return { entry, headmatter, slides, citations, bibFile, bibliography, numbers, references }
}

/** The short source lines of one slide (1-based number), as the slide shows them. */
export function slideSources(deck: CitedDeck, slideNo: number): string[] {
  const keys = deck.citations.occurrences.filter(o => o.slide === slideNo && o.part === 'content').map(o => o.key)
  return slideSourceItems(keys, deck.numbers, deck.bibliography).map(i => `${i.n} ${i.text}${i.mark ? ` (${i.mark})` : ''}`)
}
