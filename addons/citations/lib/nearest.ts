/**
 * "Did you mean" suggestions for every checker (headmatter keys, component names, citation
 * keys). Pure: the headmatter check runs in the browser too, where Node modules do not exist.
 */

/** Levenshtein distance, two rows: the words compared here are short. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1]
        ? 0
        : 1))
    }
    prev = cur
  }
  return prev[b.length]!
}

/**
 * Up to `n` candidates closest to `word` (case ignored), closest first, ties alphabetical.
 * Candidates further than `within(word)` edits are no help and are left out.
 */
export function nearest(word: string, candidates: Iterable<string>, n = 3, within = (w: string) => Math.max(2, Math.floor(w.length / 3))): string[] {
  const limit = within(word)
  return [
    ...new Set(candidates),
  ]
    .map(c => ({
      c,
      d: editDistance(word.toLowerCase(), c.toLowerCase()),
    }))
    .filter(x => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, n)
    .map(x => x.c)
}
