/**
 * What stops a build before it starts, apart from the citations (their addon checks them):
 * the headmatter, each slide's frontmatter, the components the slides name, the section
 * time budgets. The build (scripts/_check.ts) stops on these; `npm run dev` prints them.
 */
import type { Deck } from './deck'
import type { Finding } from './finding'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { addonRoots, checkComponents, knownComponents } from './componentCheck'
import { budgetFindings } from './sectionTimer'
import { checkHeadmatter } from './talkConfig'

export function deckFindings(deck: Omit<Deck, 'cited'>): Finding[] {
  return [
    ...checkHeadmatter(relative(deck.root, deck.entry), readFileSync(deck.entry, 'utf8'), deck.headmatter, p => existsSync(resolve(deck.root, p))),
    ...deck.slides.flatMap(s => s.frontmatterErrors.map(e => ({ file: s.file, ...e, message: `broken frontmatter: ${e.message}. Fix the YAML between this slide's --- lines.` }))),
    ...checkComponents(deck.slides, knownComponents(deck.root, addonRoots(deck.root, deck.headmatter).map(r => join(r, 'components')))),
    ...budgetFindings(deck.slides),
  ]
}
