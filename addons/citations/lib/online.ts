/**
 * Online verification: resolves each DOI (doi.org content negotiation, CSL-JSON) and PMID
 * (NCBI E-utilities esummary) and compares title, first author and year with the entry.
 * A service that does not answer is "could not reach", never a wrong reference.
 * Base URLs come from the environment so tests can point them at a local server.
 */
import type { BibEntry } from './bibliography'
import type { Finding } from './findings'
import type { LockFile, LockRecord } from './lock'
import process from 'node:process'
import { entryHash, entryIdentifiers } from './lock'

export interface OnlineOptions {
  doiBase: string
  ncbiBase: string
  timeoutMs: number
  /** Requests in flight at once, per service. */
  concurrency: number
  /** Minimum gap between request starts, per service: NCBI allows 3/s without an API key. */
  ncbiIntervalMs: number
  doiIntervalMs: number
  /** YYYY-MM-DD written to the lock file. */
  today: string
}

export function onlineOptionsFromEnv(env: Record<string, string | undefined> = process.env): OnlineOptions {
  return {
    doiBase: (env.CITATIONS_DOI_BASE ?? 'https://doi.org').replace(/\/$/, ''),
    ncbiBase: (env.CITATIONS_NCBI_BASE ?? 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils').replace(/\/$/, ''),
    timeoutMs: Number(env.CITATIONS_TIMEOUT_MS ?? 10_000),
    concurrency: 3,
    ncbiIntervalMs: 350,
    doiIntervalMs: 100,
    today: new Date().toISOString().slice(0, 10),
  }
}

export interface FoundRecord {
  title?: string
  firstAuthor?: string
  /** Every year the record gives (print, online, issue): journals disagree by one. */
  years: number[]
}

export type Resolution
  = | { status: 'found', service: string, record: FoundRecord }
    | { status: 'not-found', service: string, detail: string }
    | { status: 'unreachable', service: string, detail: string }

/** Runs at most `concurrency` tasks at once, starting them at least `intervalMs` apart. */
export function rateLimiter(concurrency: number, intervalMs: number) {
  let active = 0
  let nextStart = 0
  const waiting: (() => void)[] = []
  const release = () => {
    active--
    waiting.shift()?.()
  }
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= concurrency)
      await new Promise<void>(resolve => waiting.push(resolve))
    active++
    const now = Date.now()
    const wait = Math.max(0, nextStart - now)
    nextStart = Math.max(now, nextStart) + intervalMs
    if (wait)
      await new Promise(r => setTimeout(r, wait))
    try {
      return await task()
    }
    finally {
      release()
    }
  }
}

async function getJson(url: string, accept: string, timeoutMs: number): Promise<{ status: number, body?: unknown, error?: string }> {
  try {
    const res = await fetch(url, {
      headers: { Accept: accept },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    })
    if (!res.ok)
      return { status: res.status }
    try {
      return { status: res.status, body: await res.json() }
    }
    catch {
      return { status: res.status, error: 'the answer was not JSON' }
    }
  }
  catch (error) {
    const e = error as Error & { cause?: { code?: string } }
    const why = e.name === 'TimeoutError'
      ? `no answer within ${timeoutMs} ms`
      : (e.cause?.code ?? e.message)
    return { status: 0, error: why }
  }
}

function yearsOf(...dates: unknown[]): number[] {
  const years = new Set<number>()
  for (const d of dates) {
    const parts = (d as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']
    const y = Number(parts?.[0]?.[0])
    if (Number.isFinite(y) && y > 0)
      years.add(y)
    if (typeof d === 'string') {
      const m = /\b(1[89]\d\d|20\d\d)\b/.exec(d)
      if (m)
        years.add(Number(m[1]))
    }
  }
  return [...years]
}

export async function resolveDoi(doi: string, opts: OnlineOptions): Promise<Resolution> {
  const service = 'doi.org'
  const r = await getJson(`${opts.doiBase}/${encodeURI(doi)}`, 'application/vnd.citationstyles.csl+json', opts.timeoutMs)
  if (r.status === 404)
    return { status: 'not-found', service, detail: `${service} has no record of DOI ${doi}` }
  if (!r.body || typeof r.body !== 'object')
    return { status: 'unreachable', service, detail: r.error ?? `HTTP ${r.status}` }
  const csl = r.body as Record<string, any>
  const title = Array.isArray(csl.title)
    ? csl.title[0]
    : csl.title
  const a = csl.author?.[0]
  return {
    status: 'found',
    service,
    record: {
      title: typeof title === 'string'
        ? title
        : undefined,
      firstAuthor: a
        ? (a.family ?? a.literal)
        : undefined,
      years: yearsOf(csl.issued, csl['published-print'], csl['published-online']),
    },
  }
}

export async function resolvePmid(pmid: string, opts: OnlineOptions): Promise<Resolution> {
  const service = 'PubMed'
  const r = await getJson(`${opts.ncbiBase}/esummary.fcgi?db=pubmed&retmode=json&id=${encodeURIComponent(pmid)}`, 'application/json', opts.timeoutMs)
  if (!r.body || typeof r.body !== 'object')
    return { status: 'unreachable', service, detail: r.error ?? `HTTP ${r.status}` }
  const doc = (r.body as any)?.result?.[pmid]
  if (!doc || doc.error) {
    return { status: 'not-found', service, detail: `PubMed has no record of PMID ${pmid}${doc?.error
      ? ` (${doc.error})`
      : ''}` }
  }
  // PubMed writes authors as "Petrenko AB": the family name is everything before the initials.
  const name: string | undefined = doc.authors?.find((x: any) => x.authtype === 'Author' || !x.authtype)?.name ?? doc.sortfirstauthor
  const family = name?.replace(/\s+[A-Z]{1,4}$/, '')
  return {
    status: 'found',
    service,
    record: {
      title: doc.title,
      firstAuthor: family,
      years: yearsOf(doc.pubdate, doc.epubdate),
    },
  }
}

export function normalizeText(s: string): string {
  return s
    .replace(/<[^>]+>/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function titlesAgree(a: string, b: string): boolean {
  const x = normalizeText(a)
  const y = normalizeText(b)
  if (!x || !y)
    return true
  if (x === y || x.startsWith(y) || y.startsWith(x))
    return true
  const tx = new Set(x.split(' '))
  const ty = new Set(y.split(' '))
  const shared = [...tx].filter(t => ty.has(t)).length
  return (2 * shared) / (tx.size + ty.size) >= 0.85
}

/** What differs between the entry and the record; empty when they agree. */
export function compareWithRecord(entry: BibEntry, found: FoundRecord): string[] {
  const differences: string[] = []
  const title = entry.csl.title
  if (title && found.title && !titlesAgree(title, found.title))
    differences.push(`title: entry has "${title}", record has "${found.title.replace(/<[^>]+>/g, '')}"`)
  const first = entry.csl.author?.[0]
  const family = first?.family ?? first?.literal
  if (family && found.firstAuthor) {
    const a = normalizeText(family).replace(/ /g, '')
    const b = normalizeText(found.firstAuthor).replace(/ /g, '')
    if (a && b && !a.includes(b) && !b.includes(a))
      differences.push(`first author: entry has "${family}", record has "${found.firstAuthor}"`)
  }
  const year = Number(entry.csl.issued?.['date-parts']?.[0]?.[0])
  if (Number.isFinite(year) && year > 0 && found.years.length && !found.years.includes(year))
    differences.push(`year: entry has ${year}, record has ${found.years.join(' / ')}`)
  return differences
}

export interface OnlineResult {
  lock: LockFile
  findings: Finding[]
}

/**
 * Checks every DOI and PMID of `entries` online and returns the updated lock file and the
 * findings. A record that could not be reached keeps whatever the lock file said before.
 */
export async function verifyOnline(entries: readonly BibEntry[], lock: LockFile, file: string, opts: OnlineOptions): Promise<OnlineResult> {
  const doiQueue = rateLimiter(opts.concurrency, opts.doiIntervalMs)
  const ncbiQueue = rateLimiter(opts.concurrency, opts.ncbiIntervalMs)
  const records: Record<string, LockRecord> = { ...lock.records }
  const findings: Finding[] = []
  const tasks: Promise<void>[] = []
  for (const entry of entries) {
    const at = findingAt(entry, file)
    const hash = entryHash(entry)
    for (const id of entryIdentifiers(entry)) {
      const isDoi = id.startsWith('doi:')
      const value = isDoi ? entry.doi! : entry.pmid!
      tasks.push((isDoi ? doiQueue : ncbiQueue)(() => isDoi
        ? resolveDoi(value, opts)
        : resolvePmid(value, opts)).then((res) => {
        const label = isDoi
          ? `DOI ${value}`
          : `PMID ${value}`
        if (res.status === 'unreachable') {
          findings.push({
            severity: 'warning',
            code: 'online-unreachable',
            ...at,
            message: `could not reach ${res.service} to check ${label} of '${entry.key}' (${res.detail}); not checked, try again later.`,
          })
          return
        }
        if (res.status === 'not-found') {
          records[id] = {
            key: entry.key,
            hash,
            status: 'not-found',
            checkedOn: opts.today,
            service: res.service,
          }
          findings.push({
            severity: 'error',
            code: 'online-not-found',
            ...at,
            message: `${res.detail}: '${entry.key}' cites an identifier that does not exist. Copy the identifier again from the publisher or PubMed.`,
          })
          return
        }
        const differences = compareWithRecord(entry, res.record)
        const found = {
          ...(res.record.title
            ? { title: res.record.title }
            : {}),
          ...(res.record.firstAuthor
            ? { firstAuthor: res.record.firstAuthor }
            : {}),
          ...(res.record.years.length
            ? { year: res.record.years[0] }
            : {}),
        }
        records[id] = {
          key: entry.key,
          hash,
          status: differences.length ? 'mismatch' : 'match',
          checkedOn: opts.today,
          service: res.service,
          found,
          ...(differences.length
            ? { differences }
            : {}),
        }
        if (differences.length) {
          findings.push({
            severity: 'error',
            code: 'online-mismatch',
            ...at,
            message: `'${entry.key}' does not match ${res.service}'s record for ${label}: ${differences.join('; ')}. Fix the entry or the identifier.`,
          })
        }
        else {
          findings.push({
            severity: 'info',
            code: 'online-match',
            ...at,
            message: `'${entry.key}' matches ${res.service}'s record for ${label} (title, first author, year).`,
          })
        }
      }))
    }
  }
  await Promise.all(tasks)
  return {
    lock: { ...lock, records },
    findings,
  }
}

/** Where a finding about `entry` points. */
function findingAt(entry: BibEntry, file: string): Pick<Finding, 'file' | 'line' | 'col' | 'key'> {
  return {
    file,
    line: entry.line,
    col: entry.col,
    key: entry.key,
  }
}

/** Offline: what the lock file says about each entry. */
export function lockFindings(entries: readonly BibEntry[], lock: LockFile, file: string): Finding[] {
  const findings: Finding[] = []
  for (const entry of entries) {
    const at = findingAt(entry, file)
    const ids = entryIdentifiers(entry)
    if (!ids.length && (entry.doi || entry.pmid))
      continue // malformed identifiers are already errors
    if (!ids.length) {
      findings.push({
        severity: 'warning',
        code: 'not-verified-online',
        ...at,
        message: `'${entry.key}' has no DOI or PMID, so it cannot be verified online: check its ${entry.isbn ? 'ISBN' : 'URL'} by hand.`,
      })
      continue
    }
    const hash = entryHash(entry)
    const unverified: string[] = []
    for (const id of ids) {
      const rec = lock.records[id]
      if (!rec) {
        unverified.push(id)
        continue
      }
      if (rec.hash !== hash) {
        findings.push({
          severity: 'warning',
          code: 'edited-since-verified',
          ...at,
          message: `'${entry.key}' was edited after ${id} was checked online on ${rec.checkedOn}; run \`npm run check:refs -- --online\` to check it again.`,
        })
        continue
      }
      if (rec.status === 'match') {
        findings.push({
          severity: 'info',
          code: 'verified-online',
          ...at,
          message: `'${entry.key}': ${id} verified on ${rec.checkedOn} (${rec.service}).`,
        })
      }
      else if (rec.status === 'not-found') {
        findings.push({
          severity: 'error',
          code: 'online-not-found',
          ...at,
          message: `'${entry.key}': ${rec.service} had no record of ${id} when checked on ${rec.checkedOn}. Copy the identifier again from the publisher or PubMed.`,
        })
      }
      else {
        findings.push({
          severity: 'error',
          code: 'online-mismatch',
          ...at,
          message: `'${entry.key}' did not match ${rec.service}'s record for ${id} when checked on ${rec.checkedOn}: ${(rec.differences ?? []).join('; ')}. Fix the entry or the identifier.`,
        })
      }
    }
    if (unverified.length) {
      findings.push({
        severity: 'warning',
        code: 'not-verified-online',
        ...at,
        message: `'${entry.key}': ${unverified.join(', ')} not verified online yet; run \`npm run check:refs -- --online\` where the internet is reachable.`,
      })
    }
  }
  return findings
}
