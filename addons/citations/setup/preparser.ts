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
 * The global order needs the whole deck before any slide is transformed: the setup reads
 * the deck through the parser with no setup roots (lib/citedDeck.ts), which runs no
 * preparser, so this one is not re-entered. On an edit that costs a parse of the edited
 * files only, whose slides take their old places while their frontmatter
 * stays (lib/citedDeck.ts `readDeckAgain`); citations are read again for those slides only;
 * the bibliography and each formatted entry are cached, and a slide is rendered again only
 * when its text or the numbers change.
 */
import type { CitedDeck } from '../lib'
import process from 'node:process'
import { definePreparserSetup } from '@slidev/types'
import { store } from '../lib/store.mjs'

/**
 * The addon's code, evaluated once per process. Slidev imports this file again on every edit
 * in dev through jiti with its module cache off: static imports of ../lib here would evaluate
 * every module of it (citation-js's wrapper, the parser glue, the formatter) on each edit,
 * which was most of the time from a saved edit to the server's update. A change to ../lib
 * itself takes a restart of the dev server, as a change to a setup file does.
 */
const code = store('addon-code', async () => ({
  ...await import('../lib'),
  ...await import('../lib/renderCache'),
})) as Promise<typeof import('../lib') & typeof import('../lib/renderCache')>

/** What the terminal was last told, across Slidev's reloads of this file. */
const reported = store('reported-problems', () => ({ last: '' })) as { last: string }

export default definePreparserSetup(async ({ filepath, mode }) => {
  const { citationHtml, expandReferences, findCitations, formatFinding, LEGEND_CLASS, loadCitedDeck, missingKeyFindings, replaceCitations, renderedOnce, slideSourceItems, slideSourcesHtml } = await code
  let deck: CitedDeck
  try {
    // In dev only the edited files are read again; a build reads the whole deck.
    deck = await loadCitedDeck(filepath, { again: mode === 'dev' })
  }
  catch (error) {
    if (mode !== 'dev')
      throw error
    console.warn(`[citations] could not read the deck, citations are not rendered: ${(error as Error).message}`)
    return []
  }

  const problems = [
    ...deck.bibliography.findings.filter(f => f.severity === 'error'),
    ...missingKeyFindings(deck.citations, deck.bibliography),
  ].map(f => formatFinding(f, process.cwd()))
  // A talk with a broken citation must not be built or exported; in dev it shows as "?key".
  if (problems.length && mode !== 'dev')
    throw new Error(`citations do not resolve:\n${problems.join('\n')}`)
  if (mode === 'dev') {
    // The terminal gets each new set of problems once, and a line when they are gone: the
    // deck is read again on every save, and a stale warning would read as still broken.
    const now = problems.join('\n')
    if (now !== reported.last) {
      console.warn(now
        ? `[citations]\n${now}`
        : '[citations] every citation resolves again')
      reported.last = now
    }
  }

  const render = (text: string) => replaceCitations(text, c => citationHtml(c, deck.numbers), { attach: true })
  const once = renderedOnce(deck)
  return [
    {
      name: 'slidev-addon-citations',
      transformRawLines(lines) {
        expandReferences(lines, deck.references)
      },
      transformSlide: async content => once(`slide\0${content}`, () => {
        const keys = findCitations(content).citations.flatMap(c => c.items.map(i => i.key))
        if (!keys.length)
          return undefined
        const sources = slideSourcesHtml(slideSourceItems(keys, deck.numbers, deck.bibliography), content.includes(`class="${LEGEND_CLASS}"`))
        return `${render(content)}${sources
          ? `\n\n${sources}\n`
          : ''}`
      }),
      transformNote: async note => once(`note\0${note}`, () => note && findCitations(note).citations.length
        ? render(note)
        : undefined),
    },
  ]
})
