import type { Deck } from '../lib/deck'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { checkCitations, checkSummary, printFindings, summaryLine } from '../addons/citations/lib'
import { addonRoots, checkComponents, knownComponents } from '../lib/componentCheck'
import { formatFinding } from '../lib/finding'
import { BuildError } from '../lib/pipeline'
import { budgetFindings } from '../lib/sectionTimer'
import { checkHeadmatter } from '../lib/talkConfig'

/** Everything that must hold before a build is worth starting. */
export async function checkDeck(deck: Deck): Promise<void> {
  const findings = [
    ...checkHeadmatter(relative(deck.root, deck.entry), readFileSync(deck.entry, 'utf8'), deck.headmatter, p => existsSync(resolve(deck.root, p))),
    ...deck.slides.flatMap(s => s.frontmatterErrors.map(e => ({ file: s.file, ...e, message: `broken frontmatter: ${e.message}. Fix the YAML between this slide's --- lines.` }))),
    ...checkComponents(deck.slides, knownComponents(deck.root, addonRoots(deck.root, deck.headmatter).map(r => join(r, 'components')))),
    ...budgetFindings(deck.slides),
  ]
  const problems = findings.map(formatFinding)
  // The reference check runs even when the deck has other problems: a forker fixing one
  // mistake at a time through repeated builds would be slow to learn of the next. In
  // process, on the deck already read; it prints what `npm run check:refs -- --brief` prints.
  const t0 = performance.now()
  const refs = checkCitations(deck.cited)
  const bibFile = relative(process.cwd(), deck.cited.bibFile)
  const printed = printFindings(refs, process.cwd(), { brief: true, bibFile })
  printed.stdout.forEach(l => console.log(l))
  console.log(summaryLine(checkSummary(deck.cited, refs), bibFile, Math.round(performance.now() - t0)))
  problems.push(...printed.stderr)
  if (problems.length)
    throw new BuildError(`the deck has problems to fix before it can be built:\n${problems.join('\n')}`)
}
