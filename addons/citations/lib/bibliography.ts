/**
 * Loading references.bib: citation-js parses it (no hand-written BibTeX parser); this module
 * only adds what citation-js does not give: where each entry starts (file:line:col for
 * messages), the raw custom fields `audit` / `auditnote`, and identifier checks.
 */
import type { Finding } from './findings'
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'

export type AuditStatus = 'verified' | 'likely-real' | 'unverified' | 'not-found'
export const AUDIT_STATUSES: readonly AuditStatus[] = [
  'verified',
  'likely-real',
  'unverified',
  'not-found',
]

/** The subset of CSL-JSON this project reads. */
export interface CslItem {
  'id': string
  'type': string
  'title'?: string
  'author'?: { family?: string, given?: string, literal?: string }[]
  'editor'?: { family?: string, given?: string, literal?: string }[]
  'container-title'?: string
  'container-title-short'?: string
  'publisher'?: string
  'issued'?: { 'date-parts'?: (number | string)[][], 'literal'?: string }
  'DOI'?: string
  'PMID'?: string
  'ISBN'?: string
  'URL'?: string
  [field: string]: unknown
}

export interface BibEntry {
  key: string
  type: string
  /** 1-based position of the `@` that opens the entry. */
  line: number
  col: number
  /** Raw BibTeX fields, lower-case names, as citation-js read them (braces kept). */
  fields: Record<string, string>
  csl: CslItem
  audit?: AuditStatus
  auditNote?: string
  doi?: string
  pmid?: string
  isbn?: string
  url?: string
}

export interface Bibliography {
  file: string
  entries: BibEntry[]
  /** First entry of each key; duplicates are reported, the first one wins. */
  byKey: Map<string, BibEntry>
  findings: Finding[]
  /** Keys of entries citation-js could not parse (syntax error): "missing" for a reason. */
  unparsed: Map<string, { line: number, col: number }>
}

interface EntryStart { at: number, line: number, col: number, type: string, key: string }

/** Crossref's recommended pattern for modern DOIs. */
export const DOI_RE = /^10\.\d{4,9}\/\S+$/
/** PubMed identifiers are positive integers, currently up to 8 digits. */
export const PMID_RE = /^[1-9]\d{0,8}$/

const ENTRY_START_RE = /@([A-Z]+)\s*[{(]\s*([^,\s{}()]*)/gi
const NON_ENTRY_TYPES = new Set(['comment', 'string', 'preamble'])

/**
 * Where each entry starts. Only entry heads are located (`@type{key,`), which is all a
 * message needs; citation-js does the parsing.
 */
function locateEntries(text: string): EntryStart[] {
  const starts: EntryStart[] = []
  const lineStarts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
    lineStarts.push(i + 1)
  const lineOf = (at: number) => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid]! <= at)
        lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, col: at - lineStarts[lo]! + 1 }
  }
  for (const m of text.matchAll(ENTRY_START_RE)) {
    // BibTeX ignores everything outside entries, but an `@` inside a field value is not an
    // entry start: require the `@` to begin its line (after whitespace), as every exporter writes.
    const before = text.slice(text.lastIndexOf('\n', m.index! - 1) + 1, m.index!)
    if (before.trim() !== '')
      continue
    starts.push({
      at: m.index!,
      ...lineOf(m.index!),
      type: m[1]!.toLowerCase(),
      key: m[2] ?? '',
    })
  }
  return starts
}

/**
 * Where the parser met a field name while it expected the entry to end, the field before it
 * lacks its comma: the end of the last non-blank line before `line` (1-based).
 */
function missingComma(text: string, line: number): { line: number, col: number } | undefined {
  const lines = text.split('\n')
  for (let i = line - 2; i >= 0; i--) {
    if (lines[i]!.trim())
      return { line: i + 1, col: lines[i]!.trimEnd().length + 1 }
  }
  return undefined
}

/**
 * The first entry whose braces do not balance before the next entry starts: the usual
 * cause of a syntax error, and a better place to point at than where the parser gave up.
 */
function unbalancedEntry(text: string, starts: EntryStart[]): (EntryStart & { why?: string }) | undefined {
  for (let i = 0; i < starts.length; i++) {
    const chunk = text.slice(starts[i]!.at, starts[i + 1]?.at ?? text.length)
    const why = whereUnbalanced(chunk, starts[i]!.line)
    if (why !== null)
      return { ...starts[i]!, why }
  }
  return undefined
}

const FIELD_START = /^\s*([A-Z][\w:-]*)\s*=/i

/**
 * Where an entry's braces go wrong, said as a lecturer would fix it (a field whose value is
 * not closed before the next field, the entry's own closing brace, a brace too many), or ''
 * when it cannot be told; null when they balance. `firstLine`: the entry's line in the file.
 */
export function whereUnbalanced(chunk: string, firstLine: number): string | null {
  let depth = 0
  let field: { name: string, line: number, opened: boolean } | undefined
  const lines = chunk.split('\n')
  const lastText = lines.findLastIndex(l => l.trim())
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    const name = FIELD_START.exec(line)?.[1]
    if (name && depth > 1 && field)
      return `its '${field.name}' field (line ${field.line}) opens a { that is not closed before '${name}': close it with a }`
    const before = depth
    let escaped = false
    for (const ch of line) {
      if (escaped) {
        escaped = false
        continue
      }
      if (ch === '\\')
        escaped = true
      else if (ch === '{')
        depth++
      else if (ch === '}')
        depth--
    }
    if (name && before === 1)
      field = { name, line: firstLine + n, opened: depth > 1 }
    if (depth < 0 || (depth === 0 && n < lastText))
      return `line ${firstLine + n} has a } too many, which ends the entry there: remove it`
  }
  if (depth === 0)
    return null
  if (depth > 1 && field)
    return `its '${field.name}' field (line ${field.line}) opens a { that is never closed: close it with a }`
  // The entry's last } closed a field left open on its own line, or the entry lacks its }.
  if (depth === 1 && field?.opened)
    return `its '${field.name}' field (line ${field.line}) opens a { that is not closed on its line, so the entry's last } closes it instead: close the field with a }`
  return depth === 1
    ? 'the entry has no closing }: end it with a } on a line of its own'
    : ''
}

interface RawEntry { type: string, label: string, properties: Record<string, unknown> }

function parseEntries(text: string): RawEntry[] {
  return plugins.input.chainLink(text, { target: '@biblatex/entries+list', forceType: '@biblatex/text' }) as RawEntry[]
}

function toCsl(entries: RawEntry[]): CslItem[] {
  return plugins.input.chain(entries, { forceType: '@biblatex/entries+list', generateGraph: false }) as CslItem[]
}

function stripBraces(value: string): string {
  return value.replace(/[{}]/g, '').trim()
}

/** Normalises a DOI as written (URL or `doi:` prefix allowed) to its bare form. */
export function bareDoi(value: string): string {
  return stripBraces(value).replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '').trim()
}

/**
 * BibTeX's `and others` says the record was seen with co-authors nobody could read off it;
 * citation-js turns it into a person named "others". As a literal "et al." it prints the way
 * NLM's Citing Medicine abbreviates an author list, and it is not a surname lacking initials.
 */
function withEtAl(item: CslItem): CslItem {
  for (const role of ['author', 'editor'] as const) {
    const people = item[role]
    if (people?.length) {
      item[role] = people.map(p => !p.given && !p.literal && p.family === 'others'
        ? { literal: 'et al.' }
        : p)
    }
  }
  return item
}

export function loadBibliography(text: string, file: string): Bibliography {
  const findings: Finding[] = []
  const starts = locateEntries(text).filter(s => !NON_ENTRY_TYPES.has(s.type))
  let raw: RawEntry[] = []
  try {
    raw = parseEntries(text)
  }
  catch (error) {
    // Point at the entry that is broken, then keep every entry that still parses on its own,
    // so one typo does not hide all other findings.
    const message = (String((error as Error)?.message ?? error).split('\n')[0] ?? '').replace(/:\s*$/, '')
    const bad = unbalancedEntry(text, locateEntries(text))
    const at = /line (\d+) col (\d+)/.exec(message)
    const comma = !bad && at && /expected "rbrace", got "identifier"/.test(message)
      ? missingComma(text, Number(at[1]))
      : undefined
    if (comma) {
      const entry = locateEntries(text).filter(e => e.line <= comma.line).at(-1)
      findings.push({
        severity: 'error',
        code: 'bibtex-syntax',
        file,
        ...comma,
        ...(entry?.key
          ? { key: entry.key }
          : {}),
        message: `BibTeX syntax error: a comma is missing at the end of this line: every field of an entry but the last ends with "," (citation-js: ${message}).`,
      })
    }
    else {
      findings.push({
        severity: 'error',
        code: 'bibtex-syntax',
        file,
        line: bad?.line ?? (at
          ? Number(at[1])
          : 1),
        col: bad?.col ?? (at
          ? Number(at[2])
          : 1),
        ...(bad?.key
          ? { key: bad.key }
          : {}),
        message: bad
          ? `BibTeX syntax error: the braces of entry @${bad.type}{${bad.key}, ...} do not balance${bad.why
            ? `: ${bad.why}`
            : ''} (citation-js: ${message}).${bad.why ? '' : ' Close every { with a }.'}`
          : `BibTeX syntax error: ${message}. Fix the entry at this line.`,
      })
    }
    raw = []
    const all = locateEntries(text)
    for (let i = 0; i < all.length; i++) {
      if (NON_ENTRY_TYPES.has(all[i]!.type))
        continue
      const chunk = text.slice(all[i]!.at, all[i + 1]?.at ?? text.length)
      try {
        raw.push(...parseEntries(chunk))
      }
      catch {}
    }
  }

  const csl = (raw.length
    ? toCsl(raw)
    : []).map(withEtAl)
  const entries: BibEntry[] = []
  const byKey = new Map<string, BibEntry>()
  const seen = new Map<string, number>()
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!
    const nth = seen.get(r.label) ?? 0
    seen.set(r.label, nth + 1)
    const start = starts.filter(s => s.key === r.label)[nth] ?? { line: 1, col: 1 }
    const fields: Record<string, string> = {}
    for (const [name, value] of Object.entries(r.properties))
      fields[name.toLowerCase()] = String(value)
    const entry: BibEntry = {
      key: r.label,
      type: r.type.toLowerCase(),
      line: start.line,
      col: start.col,
      fields,
      csl: csl[i] ?? { id: r.label, type: 'article' },
    }
    if (fields.doi)
      entry.doi = bareDoi(fields.doi)
    if (fields.pmid)
      entry.pmid = stripBraces(fields.pmid)
    if (fields.isbn)
      entry.isbn = stripBraces(fields.isbn)
    if (fields.url)
      entry.url = stripBraces(fields.url)
    if (fields.auditnote)
      entry.auditNote = stripBraces(fields.auditnote)
    if (fields.audit) {
      const audit = stripBraces(fields.audit).toLowerCase()
      if ((AUDIT_STATUSES as readonly string[]).includes(audit)) {
        entry.audit = audit as AuditStatus
      }
      else {
        findings.push({
          severity: 'error',
          code: 'bad-audit',
          file,
          line: entry.line,
          col: entry.col,
          key: entry.key,
          message: `entry '${entry.key}' has audit = {${audit}}; use one of ${AUDIT_STATUSES.join(', ')}.`,
        })
      }
    }
    entries.push(entry)
    if (byKey.has(entry.key)) {
      const first = byKey.get(entry.key)!
      findings.push({
        severity: 'error',
        code: 'duplicate-key',
        file,
        line: entry.line,
        col: entry.col,
        key: entry.key,
        message: `duplicate key '${entry.key}': already defined at ${file}:${first.line}:${first.col}. Remove one entry or give it another key.`,
      })
      continue
    }
    byKey.set(entry.key, entry)
    checkIdentifiers(entry, file, findings)
  }
  checkSameSource(byKey, file, findings)
  const unparsed = new Map<string, { line: number, col: number }>()
  for (const s of starts) {
    if (!byKey.has(s.key) && s.key)
      unparsed.set(s.key, { line: s.line, col: s.col })
  }
  return {
    file,
    entries,
    byKey,
    findings,
    unparsed,
  }
}

/**
 * One source, one entry: an article pasted in again under another key (a reference manager
 * makes its own key) is listed twice in the references, under two numbers, with nothing to say
 * why. A DOI or PMID that an earlier entry has is an error at the later one.
 */
function checkSameSource(byKey: Map<string, BibEntry>, file: string, findings: Finding[]): void {
  const seen = new Map<string, BibEntry>()
  for (const entry of byKey.values()) {
    const ids = [
      entry.doi && `DOI ${entry.doi.toLowerCase()}`,
      entry.pmid && `PMID ${entry.pmid}`,
    ].filter((id): id is string => Boolean(id))
    const earlier = ids.map(id => seen.get(id)).find(Boolean)
    if (earlier) {
      findings.push({
        severity: 'error',
        code: 'duplicate-source',
        file,
        line: entry.line,
        col: entry.col,
        key: entry.key,
        message: `entry '${entry.key}' is the same source as '${earlier.key}' (${file}:${earlier.line}:${earlier.col}), with the same ${ids.find(id => seen.get(id) === earlier)!.split(' ')[0]}: the references would list it twice. Cite [@${earlier.key}] and remove this entry.`,
      })
      continue
    }
    for (const id of ids)
      seen.set(id, entry)
  }
}

function checkIdentifiers(entry: BibEntry, file: string, findings: Finding[]): void {
  const at = {
    file,
    line: entry.line,
    col: entry.col,
    key: entry.key,
  }
  if (!entry.doi && !entry.pmid && !entry.isbn && !entry.url) {
    findings.push({
      severity: 'error',
      code: 'no-identifier',
      ...at,
      message: `entry '${entry.key}' has no DOI, PMID, ISBN or URL, so nobody can check it. Add the identifier from PubMed or the publisher, or leave the source out.`,
    })
  }
  if (entry.doi !== undefined && !DOI_RE.test(entry.doi)) {
    findings.push({
      severity: 'error',
      code: 'malformed-doi',
      ...at,
      message: `entry '${entry.key}' has a malformed DOI '${entry.doi}': a DOI looks like 10.1213/01.ANE.0000081061.12235.55 (prefix 10., registrant, slash, suffix).`,
    })
  }
  if (entry.pmid !== undefined && !PMID_RE.test(entry.pmid)) {
    findings.push({
      severity: 'error',
      code: 'malformed-pmid',
      ...at,
      message: `entry '${entry.key}' has a malformed PMID '${entry.pmid}': a PMID is a number such as 14500166 (digits only).`,
    })
  }
}
