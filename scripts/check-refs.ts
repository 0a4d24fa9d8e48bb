/**
 * npm run check:refs [-- --json] [--online] [--deck slides.md] [--bib file.bib] [--lock file] [--verbose]
 *
 * Checks every citation of the deck against the bibliography, through Slidev's own parser:
 * errors (exit 1) for keys that do not resolve, duplicate keys, entries without an
 * identifier, malformed DOIs/PMIDs and BibTeX syntax errors; warnings for uncited and not
 * yet verified entries. --online resolves DOIs and PMIDs and records the result in
 * references.lock.json beside the deck.
 */
import type { Finding, LockFile } from '../lib/citations'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { checkCitations, emptyLock, formatFinding, onlineOptionsFromEnv, parseLock, serializeLock, sortFindings, verifyOnline } from '../lib/citations'
import { loadCitedDeck } from '../setup/citations'

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
    deck = await loadCitedDeck(deckPath, args.bib ? { bibFile: args.bib } : {})
  }
  catch (error) {
    console.error(`check-refs: Slidev could not read the deck:\n${(error as Error).message}`)
    return 1
  }
  const lockPath = resolve(args.lock ?? resolve(dirname(deckPath), 'references.lock.json'))
  let lock: LockFile = emptyLock()
  const findings: Finding[] = []
  if (existsSync(lockPath)) {
    try {
      lock = parseLock(readFileSync(lockPath, 'utf8'))
    }
    catch (error) {
      findings.push({ severity: 'error', code: 'bad-lock', file: lockPath, line: 1, col: 1, message: `cannot read the lock file (${(error as Error).message}); delete it and run with --online to rebuild it.` })
    }
  }
  const checkedAt = performance.now()

  if (args.online) {
    const entries = [...deck.bibliography.byKey.values()]
    const result = await verifyOnline(entries, lock, deck.bibFile, onlineOptionsFromEnv())
    lock = result.lock
    writeFileSync(lockPath, serializeLock(lock))
    findings.push(...result.findings)
    // The offline view of the fresh lock adds nothing but duplicates: keep only the
    // checks that need no network.
    findings.push(...checkCitations(deck.citations, deck.bibliography))
    for (const entry of entries) {
      if (!entry.doi && !entry.pmid)
        findings.push({ severity: 'warning', code: 'not-verified-online', file: deck.bibFile, line: entry.line, col: entry.col, key: entry.key, message: `'${entry.key}' has no DOI or PMID, so it cannot be verified online: check its ${entry.isbn ? 'ISBN' : 'URL'} by hand.` })
    }
  }
  else {
    findings.push(...checkCitations(deck.citations, deck.bibliography, lock))
  }

  const sorted = sortFindings(findings)
  const errors = sorted.filter(f => f.severity === 'error').length
  const warnings = sorted.filter(f => f.severity === 'warning').length
  const verified = sorted.filter(f => f.code === 'verified-online' || f.code === 'online-match')
  const summary = {
    slides: deck.slides.length,
    citations: deck.citations.occurrences.length,
    citedKeys: deck.citations.order.length,
    entries: deck.bibliography.byKey.size,
    errors,
    warnings,
    verifiedOnline: new Set(verified.map(f => f.key)).size,
    ms: Math.round(performance.now() - started),
    checkMs: Math.round(checkedAt - started),
  }
  if (args.json) {
    console.log(JSON.stringify({
      deck: relative(cwd, deckPath),
      bibliography: relative(cwd, deck.bibFile),
      lock: relative(cwd, lockPath),
      cited: deck.citations.order,
      findings: sorted.map(f => ({ ...f, file: relative(cwd, f.file) })),
      summary,
    }, null, 2))
  }
  else {
    // In a build, one line stands for all "not verified online yet" warnings: the same
    // advice fifty times hides the warnings that need a person.
    const folded = args.brief ? sorted.filter(f => f.code === 'not-verified-online') : []
    for (const f of sorted) {
      if ((f.severity !== 'info' || args.verbose) && !folded.includes(f))
        (f.severity === 'error' ? console.error : console.log)(formatFinding(f, cwd))
    }
    if (folded.length)
      console.log(`${relative(cwd, deck.bibFile)}: warning: ${folded.length} entries not verified online yet; \`npm run check:refs\` lists them, \`npm run check:refs -- --online\` verifies them where the internet is reachable.`)
    console.log(`check-refs: ${summary.citations} citations of ${summary.citedKeys} keys on ${summary.slides} slides; ${summary.entries} entries in ${relative(cwd, deck.bibFile)}; ${summary.verifiedOnline} verified online; ${errors} error(s), ${warnings} warning(s) [${summary.ms} ms]`)
  }
  return errors ? 1 : 0
}

main().then(code => process.exit(code), (error) => {
  console.error(`check-refs: ${(error as Error).stack ?? error}`)
  process.exit(1)
})
