/**
 * Statistics for `npm run bench`: pairs of measurements taken alternately in one run, so that
 * a noisy shared machine slows both sides alike. Reported as median and range, never as a
 * single sample.
 */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0)
    return Number.NaN
  const mid = s.length >> 1
  return s.length % 2
    ? s[mid]!
    : (s[mid - 1]! + s[mid]!) / 2
}

/** The p-quantile by nearest rank (p in 0..1). */
export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? Number.NaN
}

/** "12.3 (11.9-13.0)": median and range, to `digits` decimals. */
export function summary(xs: number[], digits = 1): string {
  if (xs.length === 0)
    return '-'
  return `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})`
}

/**
 * Runs `ours` and `stock` `runs` times each, alternating which goes first, and returns their
 * samples: run i puts stock first when i is odd, so neither side always gets the warm cache.
 */
export async function alternate(runs: number, ours: () => Promise<number>, stock: () => Promise<number>): Promise<{ ours: number[], stock: number[] }> {
  const out = { ours: [] as number[], stock: [] as number[] }
  for (let i = 0; i < runs; i++) {
    const order = i % 2
      ? (['stock', 'ours'] as const)
      : (['ours', 'stock'] as const)
    for (const side of order) {
      out[side].push(await (side === 'ours'
        ? ours()
        : stock()))
    }
  }
  return out
}

/** Pages of a printed deck that carry text, against the slides it should show. */
export function printedDeckProblem(pageTexts: string[], slideCount: number): string | undefined {
  const blank = pageTexts.filter(t => t.replace(/\s+/g, '').length < 3).length
  if (pageTexts.length < slideCount)
    return `${pageTexts.length} pages for ${slideCount} slides`
  if (blank > pageTexts.length / 10)
    return `${blank} of ${pageTexts.length} pages are blank`
  return undefined
}
