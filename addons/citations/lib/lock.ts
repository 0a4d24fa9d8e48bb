/**
 * The online-verification lock file (references.lock.json, committed). Records are keyed by
 * identifier ("doi:10...", "pmid:123") and carry a hash of the entry's bibliographic fields,
 * so an offline run can say "verified on DATE" and notice an entry edited since.
 */
import type { BibEntry } from './bibliography'
import { createHash } from 'node:crypto'
import { DOI_RE, PMID_RE } from './bibliography'

export type LockStatus = 'match' | 'mismatch' | 'not-found'

export interface LockRecord {
  key: string
  /** entryHash() of the entry when it was checked. */
  hash: string
  status: LockStatus
  /** YYYY-MM-DD */
  checkedOn: string
  service: string
  found?: { title?: string, firstAuthor?: string, year?: number }
  differences?: string[]
}

export interface LockFile {
  about: string
  version: 1
  records: Record<string, LockRecord>
}

export const LOCK_ABOUT = 'Written by `npm run check:refs -- --online`: what doi.org / PubMed returned for each identifier in references.bib. Keyed by identifier; `hash` is the entry as it was checked, so an edited entry is checked again. Do not edit by hand.'

export function emptyLock(): LockFile {
  return { about: LOCK_ABOUT, version: 1, records: {} }
}

/** Fields that describe the source; `audit`/`auditnote` are our notes about it, not the source. */
const NOT_BIBLIOGRAPHIC = new Set(['audit', 'auditnote'])

export function entryHash(entry: BibEntry): string {
  const fields = Object.keys(entry.fields).filter(f => !NOT_BIBLIOGRAPHIC.has(f)).sort()
  const canonical = JSON.stringify([
    entry.type,
    entry.key,
    fields.map(f => [
      f,
      entry.fields[f]!.replace(/\s+/g, ' ').trim(),
    ]),
  ])
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16)
}

/** The well-formed identifiers an entry can be checked by online, as lock keys. */
export function entryIdentifiers(entry: BibEntry): string[] {
  const ids: string[] = []
  if (entry.doi && DOI_RE.test(entry.doi))
    ids.push(`doi:${entry.doi.toLowerCase()}`)
  if (entry.pmid && PMID_RE.test(entry.pmid))
    ids.push(`pmid:${entry.pmid}`)
  return ids
}

export function parseLock(text: string): LockFile {
  const data = JSON.parse(text) as Partial<LockFile>
  if (data.version !== 1 || typeof data.records !== 'object' || !data.records)
    throw new Error('not a version 1 lock file (expected {"version": 1, "records": {...}})')
  return { about: LOCK_ABOUT, version: 1, records: data.records }
}

/** Stable output (sorted keys, trailing newline) so the committed file diffs cleanly. */
export function serializeLock(lock: LockFile): string {
  const records: Record<string, LockRecord> = {}
  for (const id of Object.keys(lock.records).sort())
    records[id] = lock.records[id]!
  return `${JSON.stringify({ about: LOCK_ABOUT, version: 1, records }, null, 2)}\n`
}
