/** Findings of the citation checker, in the `file:line:col: message` form editors understand. */
import { nearest } from './nearest'

export type Severity = 'error' | 'warning' | 'info'

export interface Finding {
  severity: Severity
  /** Stable machine name, e.g. `missing-key`, for tools and tests. */
  code: string
  file: string
  line: number
  col: number
  key?: string
  message: string
  /** Nearest known keys, for a key that does not resolve. */
  suggestions?: string[]
}

/**
 * Up to `n` known keys closest to `key`, closest first (ties alphabetical). Keys that differ
 * in more than half their characters are no help and are left out.
 */
export function nearestKeys(key: string, known: Iterable<string>, n = 3): string[] {
  return nearest(key, known, n, k => Math.ceil(k.length / 2))
}

export function formatFinding(f: Finding, cwd?: string): string {
  const file = cwd && f.file.startsWith(`${cwd}/`)
    ? f.file.slice(cwd.length + 1)
    : f.file
  return `${file}:${f.line}:${f.col}: ${f.severity}: ${f.message}`
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * Errors first, then by file and position, so the first line printed is the one to fix; a
 * BibTeX syntax error before any other error, as the entries after it may not have been read.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const syntax = (f: Finding) => f.code === 'bibtex-syntax'
    ? 0
    : 1
  return [...findings].sort((a, b) =>
    ORDER[a.severity] - ORDER[b.severity] || syntax(a) - syntax(b) || a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
}
