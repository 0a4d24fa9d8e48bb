import type { SlideInfo } from '@slidev/types'
import type { CitedDeck } from '../addons/citations/lib'
import { readFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { citeDeck, expandReferences, readDeck } from '../addons/citations/lib'
import { yamlMessage } from './finding'
import { plainTitle } from './plainTitle'

/** One slide of the deck as built: where it is written, what it is called, what it says. */
export interface Slide {
  /** 1-based slide number, as in the built deck's URL (the references marker counts as its pages). */
  no: number
  title: string
  /** The file the slide is written in (an imported section file, not slides.md), relative to the deck root. */
  file: string
  /** 1-based line of the slide's start in that file. */
  line: number
  layout?: string
  /** Speaker notes as written (citations still `[@key]`). */
  note: string
  frontmatter: Record<string, any>
  /** 1-based line in `file` where the slide's content (after its frontmatter) starts. */
  contentLine: number
  /** The Markdown as written; the references slides hold their generated list. */
  content: string
  /** YAML errors in the slide's frontmatter, positioned in `file`. */
  frontmatterErrors: { line: number, column: number, message: string }[]
  /** The `src:` block that imported the slide (its keys reach every slide it imports), if any. */
  importedAt?: { file: string, line: number, frontmatter: Record<string, any> }
  /**
   * The `src:` value of the outermost block with a `budget:` that imported the slide: its
   * section, as the presenter view's clock tells it (lib/sectionTimer.ts timing()).
   */
  budgetSrc?: string
}

export interface Deck {
  root: string
  entry: string
  headmatter: Record<string, any>
  slides: Slide[]
  /** The citations, numbers and references (the citations addon's view of the same deck). */
  cited: CitedDeck
}

/**
 * The one reader of the deck: Slidev's own parser, so `src:` imports resolve exactly as
 * they render, with no preparser and no process-wide parser state touched. Read twice (a
 * parse is ~10 ms): as written, for the citations; then with the references marker
 * expanded as the citations addon's preparser expands it in Slidev, so that slide numbers
 * are those of the built deck.
 */
export async function loadDeck(entry = 'slides.md'): Promise<Deck> {
  const fileLines = new Map<string, string[]>()
  const cited = citeDeck(entry, await readDeck(entry))
  const built = await readDeck(entry, (path, text) => {
    const lines = text.split('\n')
    expandReferences(lines, cited.references)
    fileLines.set(path, lines)
    return lines.join('\n')
  })
  const root = dirname(cited.entry)
  return {
    root,
    entry: cited.entry,
    headmatter: built.headmatter ?? {},
    slides: built.slides.map(s => toSlide(s, root, fileLines)),
    cited,
  }
}

function toSlide(s: SlideInfo, root: string, fileLines: Map<string, string[]>): Slide {
  return {
    no: s.index + 1,
    // Titles may carry markup (Mg<sup>2+</sup>); bookmarks and messages want the words.
    // Broken YAML (an unquoted "title: A: B") can leave a title that is not text; the
    // frontmatter check names that line, so the reader must not stop on it first.
    title: typeof s.title === 'string'
      ? plainTitle(s.title).replace(/\s+/g, ' ').trim()
      : '',
    file: relative(root, s.source?.filepath ?? ''),
    line: (s.source?.start ?? 0) + 1,
    layout: s.frontmatter?.layout,
    note: s.note ?? '',
    frontmatter: s.frontmatter ?? {},
    contentLine: contentLine(s, fileLines),
    content: s.content ?? '',
    frontmatterErrors: frontmatterErrors(s),
    importedAt: importedAt(s, root),
    ...budgetSrc(s),
  }
}

/** Outermost first, as Slidev passes an outer block's keys over an inner one's. */
function budgetSrc(s: SlideInfo): Pick<Slide, 'budgetSrc'> {
  const block = (s.importChain as { frontmatter?: Record<string, any> }[] | undefined)?.find(b => b.frontmatter?.budget !== undefined)
  return typeof block?.frontmatter?.src === 'string'
    ? { budgetSrc: block.frontmatter.src }
    : {}
}

function importedAt(s: SlideInfo, root: string): Slide['importedAt'] {
  const block = s.importChain?.at(-1) as { filepath?: string, start?: number, frontmatter?: Record<string, any> } | undefined
  if (!block?.filepath)
    return undefined
  return {
    file: relative(root, block.filepath),
    line: (block.start ?? 0) + 1,
    frontmatter: block.frontmatter ?? {},
  }
}

function frontmatterErrors(s: SlideInfo) {
  const doc = (s.source as any)?.frontmatterDoc as { errors?: { message: string, linePos?: { line: number, col: number }[] }[] } | undefined
  // The YAML starts on the line after the slide's opening `---`.
  const first = (s.source?.start ?? 0) + 2
  return (doc?.errors ?? []).map(e => ({
    line: first + (e.linePos?.[0]?.line ?? 1) - 1,
    column: e.linePos?.[0]?.col ?? 1,
    message: yamlMessage(e.message),
  }))
}

/** Section dividers open a section; every slide belongs to the last divider before it. */
export function isSectionDivider(slide: Pick<Slide, 'layout'>): boolean {
  return slide.layout === 'section'
}

/**
 * The parser tells where a slide starts, not where its content starts (frontmatter and
 * blank lines come first); messages must point at the very line, so look for it.
 */
function contentLine(s: SlideInfo, fileLines: Map<string, string[]>): number {
  const path = s.source?.filepath
  const start = s.source?.start ?? 0
  const first = (s.content ?? '').split('\n').find(l => l.trim())?.trim()
  if (!path || !first)
    return start + 1
  if (!fileLines.has(path))
    fileLines.set(path, readFileSync(path, 'utf8').split('\n'))
  const lines = fileLines.get(path)!
  for (let i = start; i < lines.length; i++) {
    if (lines[i]!.trim() === first)
      return i + 1 - (s.content ?? '').split('\n').findIndex(l => l.trim())
  }
  return start + 1
}

export { plainTitle }
