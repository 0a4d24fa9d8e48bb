import type { Deck } from '../lib/deck'
import { relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { checkCitations, checkSummary, printFindings, summaryLine } from '../addons/citations/lib'
import { deckFindings } from '../lib/deckCheck'
import { formatFinding } from '../lib/finding'
import { BuildError } from '../lib/pipeline'

/** Everything that must hold before a build is worth starting. */
export async function checkDeck(deck: Deck): Promise<void> {
  const problems = deckFindings(deck).map(formatFinding)
  // The reference check runs even when the deck has other problems: a forker fixing one
  // mistake at a time through repeated builds would be slow to learn of the next. In
  // process, on the deck already read; it prints what `npm run check:refs -- --brief` prints.
  const t0 = performance.now()
  const refs = checkCitations(deck.cited)
  const bibFile = relative(process.cwd(), deck.cited.bibFile)
  const printed = printFindings(refs, process.cwd(), { brief: true, bibFile })
  printed.stdout.forEach(l => console.log(l))
  console.log(summaryLine(checkSummary(deck.cited, refs), bibFile, Math.round(performance.now() - t0), 'references'))
  problems.push(...printed.stderr)
  if (problems.length)
    throw new BuildError(`the deck has problems to fix before it can be built:\n${problems.join('\n')}`)
}
