/**
 * Build-time citations. Slidev hands every slide's Markdown and notes to this preparser
 * before rendering, so one pass here turns `[@key]` into numbered superscripts in slides
 * AND notes (presenter view, PDF, notes export), adds each slide's source line, and expands
 * the references marker into as many slides as the list needs.
 *
 * Why a preparser and not a markdown-it rule or a transformer: numbers follow the first
 * citation across the whole talk, and notes are rendered by Slidev's separate notes
 * renderer, which takes no user plugins; markdown-it and setup/transformers.ts only see
 * slide content. A preparser also runs in `slidev`, `slidev build` and `slidev export`
 * alike, and is re-run on every edit in dev (Slidev reloads the deck through the parser), so
 * numbers stay right after an edit without extra machinery. The one thing a preparser
 * cannot add is slides beyond its raw lines, which is why the references section is a
 * marker line expanded in `transformRawLines`.
 *
 * The global order needs the whole deck before any slide is transformed: the setup loads
 * the deck once more through the same parser (guarded, since that load calls this setup
 * again) and takes the numbers from there. That costs one parse of a few dozen Markdown
 * files per reload.
 */
import type { CitedDeck } from './citations'
import process from 'node:process'
import { definePreparserSetup } from '@slidev/types'
import { citationHtml, DEFAULT_PAGE_LAYOUT, findCitations, formatFinding, paginateReferences, referencePagesMarkdown, replaceCitations, slideSourceItems, slideSourcesHtml } from '../lib/citations'
import { expandTakeAway } from '../lib/takeAway'
import { loadCitedDeck } from './citations'

/** The line in slides/references.md that becomes the references slides. */
export const REFERENCES_MARKER = '<!-- citations:references -->'

const GUARD = Symbol.for('nmda-pain.citations.preparser-loading')

function frontmatterAbove(lines: string[], marker: number): string[] {
  let e = marker - 1
  while (e >= 0 && lines[e]!.trim() === '')
    e--
  if (e < 0 || lines[e]!.trimEnd() !== '---')
    return []
  let s = e - 1
  while (s >= 0 && !lines[s]!.startsWith('---'))
    s--
  const block = lines.slice(s + 1, e)
  return s >= 0 && block.length && block.every(l => l.trim() !== '') ? block : []
}

function expandReferences(lines: string[], deck: CitedDeck): void {
  const at = lines.findIndex(l => l.trim() === REFERENCES_MARKER)
  if (at < 0)
    return
  const pages = paginateReferences(deck.references, DEFAULT_PAGE_LAYOUT)
  lines.splice(at, 1, ...referencePagesMarkdown(pages, frontmatterAbove(lines, at)))
}

export default definePreparserSetup(async ({ filepath, headmatter, mode }) => {
  const g = globalThis as Record<symbol, boolean>
  if (g[GUARD])
    return []
  let deck: CitedDeck
  g[GUARD] = true
  try {
    deck = await loadCitedDeck(filepath)
  }
  catch (error) {
    if (mode !== 'dev')
      throw error
    console.warn(`[citations] could not read the deck, citations are not rendered: ${(error as Error).message}`)
    return []
  }
  finally {
    g[GUARD] = false
  }

  const problems = [
    ...deck.bibliography.findings.filter(f => f.severity === 'error'),
    ...deck.citations.occurrences.filter(o => !deck.bibliography.byKey.has(o.key)).map(o => ({
      file: o.file,
      line: o.line,
      col: o.col,
      severity: 'error' as const,
      code: 'missing-key',
      message: `citation key '${o.key}' is not in ${deck.bibliography.file}. Run \`npm run check:refs\` for the nearest keys.`,
    })),
  ].map(f => formatFinding(f, process.cwd()))
  if (problems.length) {
    // A talk with a broken citation must not be built or exported; in dev it shows as "?key".
    if (mode !== 'dev')
      throw new Error(`citations do not resolve:\n${problems.join('\n')}`)
    console.warn(`[citations]\n${problems.join('\n')}`)
  }

  const render = (text: string) => replaceCitations(text, c => citationHtml(c, deck.numbers), { attach: true })
  return [{
    // QR codes of the headmatter's `url:` on the title and closing slides, drawn here at
    // build time so the slide carries them as vector paths (lib/takeAway.ts).
    name: 'nmda-pain:take-away',
    async transformSlide(content) {
      return expandTakeAway(content, headmatter?.url)
    },
  }, {
    name: 'nmda-pain:citations',
    transformRawLines(lines) {
      expandReferences(lines, deck)
    },
    async transformSlide(content) {
      const keys = findCitations(content).citations.flatMap(c => c.items.map(i => i.key))
      if (!keys.length)
        return undefined
      const sources = slideSourcesHtml(slideSourceItems(keys, deck.numbers, deck.bibliography))
      return `${render(content)}${sources ? `\n\n${sources}\n` : ''}`
    },
    async transformNote(note) {
      return note && findCitations(note).citations.length ? render(note) : undefined
    },
  }]
})
