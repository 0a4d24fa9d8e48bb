/**
 * npm run check:refs [-- --json] [--online] [--deck slides.md] [--bib file.bib] [--lock file] [--verbose]
 *
 * Checks every citation of the deck against the bibliography, through Slidev's own parser:
 * errors (exit 1) for keys that do not resolve, duplicate keys, entries without an
 * identifier, malformed DOIs/PMIDs and BibTeX syntax errors; warnings for uncited and not
 * yet verified entries. --online resolves DOIs and PMIDs and records the result in
 * references.lock.json beside the deck.
 */
import type { Finding } from '../addons/citations/lib'
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { checkCitations, checkSummary, citationFindings, loadCitedDeck, onlineOptionsFromEnv, printFindings, readLock, serializeLock, sortFindings, summaryLine, verifyOnline } from '../addons/citations/lib'

const USAGE = 'usage: npm run check:refs -- [--json] [--online] [--verbose] [--brief] [--deck slides.md] [--bib references.bib] [--lock references.lock.json]'

async function main(): Promise<number> {
  const started = performance.now()
  let args
  try {
    args = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        online: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        brief: { type: 'boolean', default: false },
        deck: { type: 'string', default: 'slides.md' },
        bib: { type: 'string' },
        lock: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values
  }
  catch (error) {
    console.error(`check-refs: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  const cwd = process.cwd()
  const deckPath = resolve(args.deck!)
  if (!existsSync(deckPath)) {
    console.error(`check-refs: ${args.deck}: no such deck. Pass the entry Markdown file with --deck.`)
    return 2
  }
  let deck
  try {
    deck = await loadCitedDeck(deckPath, args.bib
      ? { bibFile: args.bib }
      : {})
  }
  catch (error) {
    console.error(`check-refs: Slidev could not read the deck:\n${(error as Error).message}`)
    return 1
  }
  const lockFile = resolve(args.lock ?? resolve(dirname(deckPath), 'references.lock.json'))
  const checkedAt = performance.now()
  let findings: Finding[]
  if (args.online) {
    const { lock, findings: lockProblems } = readLock(lockFile)
    const entries = [
      ...deck.bibliography.byKey.values(),
    ]
    const result = await verifyOnline(entries, lock, deck.bibFile, onlineOptionsFromEnv())
    writeFileSync(lockFile, serializeLock(result.lock))
    // The offline view of the fresh lock adds nothing but duplicates: keep only the
    // checks that need no network.
    findings = [
      ...lockProblems,
      ...result.findings,
      ...citationFindings(deck.citations, deck.bibliography),
    ]
    for (const entry of entries) {
      if (!entry.doi && !entry.pmid) {
        findings.push({
          severity: 'warning',
          code: 'not-verified-online',
          file: deck.bibFile,
          line: entry.line,
          col: entry.col,
          key: entry.key,
          message: `'${entry.key}' has no DOI or PMID, so it cannot be verified online: check its ${entry.isbn ? 'ISBN' : 'URL'} by hand.`,
        })
      }
    }
  }
  else {
    findings = checkCitations(deck, { lockFile })
  }

  const sorted = sortFindings(findings)
  const summary = {
    ...checkSummary(deck, sorted),
    ms: Math.round(performance.now() - started),
    checkMs: Math.round(checkedAt - started),
  }
  if (args.json) {
    console.log(JSON.stringify({
      deck: relative(cwd, deckPath),
      bibliography: relative(cwd, deck.bibFile),
      lock: relative(cwd, lockFile),
      cited: deck.citations.order,
      findings: sorted.map(f => ({
        ...f,
        file: relative(cwd, f.file),
      })),
      summary,
    }, null, 2))
  }
  else {
    const printed = printFindings(sorted, cwd, {
      verbose: args.verbose,
      brief: args.brief,
      bibFile: relative(cwd, deck.bibFile),
    })
    // Warnings first: a clone has about a hundred ("likely-real", "not verified online"), and
    // the errors printed before them scrolled out of the terminal.
    printed.stdout.forEach(l => console.log(l))
    printed.stderr.forEach(l => console.error(l))
    console.log(summaryLine(summary, relative(cwd, deck.bibFile), summary.ms))
  }
  return summary.errors ? 1 : 0
}

main().then(code => process.exit(code), (error) => {
  console.error(`check-refs: ${(error as Error).stack ?? error}`)
  process.exit(1)
})
