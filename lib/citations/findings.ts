/** Findings of the citation checker, in the `file:line:col: message` form editors understand. */

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

/** Levenshtein distance, two rows: keys are short, the bibliography is small. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]!
}

/**
 * Up to `n` known keys closest to `key`, closest first (ties alphabetical). Keys that differ
 * in more than half their characters are no help and are left out.
 */
export function nearestKeys(key: string, known: Iterable<string>, n = 3): string[] {
  const limit = Math.ceil(key.length / 2)
  return [...known]
    .map(k => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) }))
    .filter(x => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, n)
    .map(x => x.k)
}

export function formatFinding(f: Finding, cwd?: string): string {
  const file = cwd && f.file.startsWith(`${cwd}/`) ? f.file.slice(cwd.length + 1) : f.file
  return `${file}:${f.line}:${f.col}: ${f.severity}: ${f.message}`
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Errors first, then by file and position, so the first line printed is the one to fix. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    ORDER[a.severity] - ORDER[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
}
