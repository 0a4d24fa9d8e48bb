/** The checks of `npm run check:refs` that need no network: deck against bibliography. */
import type { Bibliography } from './bibliography'
import type { DeckCitations } from './deck'
import type { Finding } from './findings'
import type { LockFile } from './lock'
import { nearestKeys } from './findings'
import { lockFindings } from './online'

export function checkCitations(deck: DeckCitations, bib: Bibliography, lock?: LockFile): Finding[] {
  const findings: Finding[] = [...bib.findings]
  const known = [...bib.byKey.keys()]
  for (const o of deck.occurrences) {
    if (bib.byKey.has(o.key))
      continue
    const at = { severity: 'error' as const, code: 'missing-key', file: o.file, line: o.line, col: o.col, key: o.key }
    const where = `citation key '${o.key}' (slide ${o.slide}${o.part === 'note' ? ', notes' : ''})`
    const broken = bib.unparsed.get(o.key)
    if (broken) {
      findings.push({ ...at, message: `${where} has an entry at ${bib.file}:${broken.line}:${broken.col} that could not be read: fix the BibTeX syntax error there.` })
      continue
    }
    const suggestions = nearestKeys(o.key, known)
    findings.push({ ...at, suggestions, message: `${where} is not in ${bib.file}.${suggestions.length ? ` Nearest keys: ${suggestions.join(', ')}.` : ''} Fix the key or add the entry.` })
  }
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
    const at = { file: bib.file, line: entry.line, col: entry.col, key: entry.key }
    if (!cited.has(entry.key)) {
      findings.push({ severity: 'warning', code: 'uncited', ...at, message: `entry '${entry.key}' is not cited anywhere in the deck; it will not appear in the references.` })
    }
    else if (entry.audit && entry.audit !== 'verified') {
      findings.push({ severity: 'warning', code: 'cited-unverified', ...at, message: `entry '${entry.key}' is cited but its audit is '${entry.audit}': the references mark it as such. Confirm it or cite a verified source.` })
    }
  }
  if (lock)
    findings.push(...lockFindings([...bib.byKey.values()], lock, bib.file))
  return findings
}
