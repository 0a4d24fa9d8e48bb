/**
 * The checks of `npm run check:refs` that need no network: deck against bibliography.
 * `checkCitations(deck)` is what a build calls, in process.
 */
import type { Bibliography } from './bibliography'
import type { CitedDeck } from './citedDeck'
import type { DeckCitations } from './deck'
import type { Finding } from './findings'
import type { LockFile } from './lock'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { formatFinding, nearestKeys, sortFindings } from './findings'
import { emptyLock, parseLock } from './lock'
import { lockFindings } from './online'

/** references.lock.json beside the deck's entry file, where `--online` records what it verified. */
export function lockPath(deck: Pick<CitedDeck, 'entry'>): string {
  return resolve(dirname(deck.entry), 'references.lock.json')
}

/** The lock file, or an empty one; a lock that does not parse is a finding, not a crash. */
export function readLock(file: string): { lock: LockFile, findings: Finding[] } {
  if (!existsSync(file)) {
    return {
      lock: emptyLock(),
      findings: [],
    }
  }
  try {
    return {
      lock: parseLock(readFileSync(file, 'utf8')),
      findings: [],
    }
  }
  catch (error) {
    return {
      lock: emptyLock(),
      findings: [
        {
          severity: 'error',
          code: 'bad-lock',
          file,
          line: 1,
          col: 1,
          message: `cannot read the lock file (${(error as Error).message}); delete it and run with --online to rebuild it.`,
        },
      ],
    }
  }
}

/**
 * Every offline finding for a deck, errors first: keys that do not resolve, malformed
 * citations, BibTeX problems, uncited and unverified entries, and the lock file's view.
 */
export function checkCitations(deck: CitedDeck, options: { lockFile?: string } = {}): Finding[] {
  const { lock, findings } = readLock(options.lockFile ?? lockPath(deck))
  return sortFindings([
    ...findings,
    ...citationFindings(deck.citations, deck.bibliography, lock),
  ])
}

/** One line per finding as a terminal shows them: errors on stderr, the rest on stdout. */
export function printFindings(findings: readonly Finding[], cwd: string, options: { verbose?: boolean, brief?: boolean, bibFile?: string } = {}): { stdout: string[], stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  const bib = options.bibFile ?? 'the bibliography'
  // In a build, one line stands for many warnings of one kind: the same advice fifty times
  // (every entry not yet verified online; every entry a shortened fork no longer cites) hides
  // the warnings that need a person. `npm run check:refs` lists each.
  const folds = options.brief
    ? [
        {
          code: 'not-verified-online',
          min: 1,
          line: (n: number) => `${bib}: warning: ${n} entries not verified online yet; \`npm run check:refs\` lists them, \`npm run check:refs -- --online\` verifies them where the internet is reachable.`,
        },
        {
          // The template's own doubtful sources, which a lecturer sees marked † on the slides:
          // a dozen lines at every build, none of them the lecturer's to act on before a talk.
          code: 'cited-unverified',
          min: 4,
          line: (n: number, keys: string[]) => `${bib}: warning: ${n} cited entries are not verified (${keys.slice(0, 3).join(', ')}, ...): the slides and references mark them †; \`npm run check:refs\` lists each with its audit.`,
        },
        {
          code: 'uncited',
          min: 4,
          line: (n: number, keys: string[]) => `${bib}: warning: ${n} entries are not cited anywhere in the deck (${keys.slice(0, 3).join(', ')}, ...) and are left out of the references; \`npm run check:refs\` lists them. Delete those you no longer need.`,
        },
      ].map(fold => ({
        ...fold,
        found: findings.filter(f => f.code === fold.code),
      })).filter(fold => fold.found.length >= fold.min)
    : []
  const folded = new Set(folds.flatMap(fold => fold.found))
  for (const f of findings) {
    if ((f.severity !== 'info' || options.verbose) && !folded.has(f)) {
      (f.severity === 'error'
        ? stderr
        : stdout).push(formatFinding(f, cwd))
    }
  }
  for (const fold of folds)
    stdout.push(fold.line(fold.found.length, fold.found.map(f => f.key ?? '?')))
  return { stdout, stderr }
}

/**
 * A finding for each citation whose key has no entry, with the nearest keys. A key whose entry
 * is there but could not be read (a BibTeX syntax error) gets one finding, at its first
 * citation, with how many more there are: the fix is in the bibliography, and forty lines
 * about one entry buried the syntax error itself and invited renaming the key.
 */
export function missingKeyFindings(deck: DeckCitations, bib: Bibliography): Finding[] {
  const findings: Finding[] = []
  const known = [
    ...bib.byKey.keys(),
  ]
  for (const o of deck.occurrences) {
    if (bib.byKey.has(o.key))
      continue
    const at = {
      severity: 'error' as const,
      code: 'missing-key',
      file: o.file,
      line: o.line,
      col: o.col,
      key: o.key,
    }
    const where = `citation key '${o.key}' (slide ${o.slide}${o.part === 'note'
      ? ', notes'
      : ''})`
    const broken = bib.unparsed.get(o.key)
    if (broken) {
      if (findings.some(f => f.key === o.key))
        continue
      const more = deck.occurrences.filter(p => p.key === o.key).length - 1
      findings.push({ ...at, message: `${where}${more
        ? ` and ${more} more citation${more === 1
          ? ''
          : 's'} of it`
        : ''}: its entry at ${bib.file}:${broken.line}:${broken.col} could not be read. Fix the BibTeX syntax error there; the key is right.` })
      continue
    }
    const suggestions = nearestKeys(o.key, known)
    findings.push({ ...at, suggestions, message: `${where} is not in ${bib.file}.${suggestions.length
      ? ` Nearest keys: ${suggestions.join(', ')}.`
      : ''} Fix the key or add the entry.` })
  }
  return findings
}

/** The offline checks on already read citations and bibliography. */
export function citationFindings(deck: DeckCitations, bib: Bibliography, lock?: LockFile): Finding[] {
  const findings: Finding[] = [...bib.findings]
  findings.push(...missingKeyFindings(deck, bib))
  for (const m of deck.malformed) {
    findings.push({
      severity: 'error',
      code: 'malformed-citation',
      file: m.file,
      line: m.line,
      col: m.col,
      message: `'${m.raw}' looks like a citation but does not parse, so it would show as plain text (slide ${m.slide}). Write [@key], [@key1; @key2] or [@key, p. 12].`,
    })
  }
  const cited = new Set(deck.order)
  for (const entry of bib.byKey.values()) {
    const at = {
      file: bib.file,
      line: entry.line,
      col: entry.col,
      key: entry.key,
    }
    if (!cited.has(entry.key)) {
      findings.push({
        severity: 'warning',
        code: 'uncited',
        ...at,
        message: `entry '${entry.key}' is not cited anywhere in the deck; it will not appear in the references.`,
      })
    }
    else if (entry.audit && entry.audit !== 'verified') {
      findings.push({
        severity: 'warning',
        code: 'cited-unverified',
        ...at,
        message: `entry '${entry.key}' is cited but its audit is '${entry.audit}': the references mark it as such. Confirm it or cite a verified source.`,
      })
    }
  }
  if (lock) {
    findings.push(...lockFindings([
      ...bib.byKey.values(),
    ], lock, bib.file))
  }
  return findings
}

/** Counts for the summary line and `--json`. */
export function checkSummary(deck: CitedDeck, findings: readonly Finding[]) {
  const verified = findings.filter(f => f.code === 'verified-online' || f.code === 'online-match')
  return {
    slides: deck.slides.length,
    citations: deck.citations.occurrences.length,
    citedKeys: deck.citations.order.length,
    entries: deck.bibliography.byKey.size,
    errors: findings.filter(f => f.severity === 'error').length,
    warnings: findings.filter(f => f.severity === 'warning').length,
    verifiedOnline: new Set(verified.map(f => f.key)).size,
  }
}

/**
 * "check-refs: 180 citations of 62 keys on 54 slides; ...". In a build the label says what the
 * counts are of: "0 errors" read as the whole build's just before it stopped on a headmatter key.
 */
export function summaryLine(s: ReturnType<typeof checkSummary>, bibFile: string, ms: number, label = 'check-refs'): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1
    ? ''
    : 's'}`
  return `${label}: ${s.citations} citations of ${s.citedKeys} keys on ${s.slides} slides; ${s.entries} entries in ${bibFile}; ${s.verifiedOnline} verified online; ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} [${ms} ms]`
}
