import type { Deck } from '../lib/deck'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { checkComponents, knownComponents } from '../lib/componentCheck'
import { BuildError } from '../lib/pipeline'
import { budgetFindings } from '../lib/sectionTimer'
import { checkHeadmatter } from '../lib/talkConfig'

/** Everything that must hold before a build is worth starting. */
export async function checkDeck(deck: Deck): Promise<void> {
  const findings = [
    ...checkHeadmatter(relative(deck.root, deck.entry), readFileSync(deck.entry, 'utf8'), deck.headmatter, p => existsSync(resolve(deck.root, p))),
    ...deck.slides.flatMap(s => s.frontmatterErrors.map(e => ({ file: s.file, ...e, message: `broken frontmatter: ${e.message}. Fix the YAML between this slide's --- lines.` }))),
    ...checkComponents(deck.slides, knownComponents(deck.root)),
    ...budgetFindings(deck.slides),
  ]
  const problems = findings.map(f => `${f.file}:${f.line}:${f.column}: ${f.message}`)
  // The reference check runs even when the deck has other problems: a forker fixing one
  // mistake at a time through repeated builds would be slow to learn of the next.
  const checker = join(deck.root, 'scripts/check-refs.ts')
  if (existsSync(checker)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', checker, '--brief', '--deck', deck.entry], { cwd: deck.root, encoding: 'utf8' })
    if (r.stdout.trim())
      console.log(r.stdout.trimEnd())
    if (r.status !== 0)
      problems.push(r.stderr.trim())
  }
  if (problems.length)
    throw new BuildError(`the deck has problems to fix before it can be built:\n${problems.join('\n')}`)
}
