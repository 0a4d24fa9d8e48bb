/**
 * Screenshots of every slide at every click step, for a reviewer to look at side by side
 * (`npm run shots`). Naming and the contact-sheet page are here; scripts/shots.ts drives
 * Chromium through the built deck the way a clicker does.
 */
import { escapeHtml } from '../addons/citations/lib/html'

export interface ShotSize { width: number, height: number }
export type Scheme = 'light' | 'dark'

export interface Shot {
  slide: number
  /** Click step, 0 = the slide as it opens. */
  click: number
  title: string
  /** Path relative to the output folder. */
  file: string
}

export interface ShotSet { size: ShotSize, scheme: Scheme, shots: Shot[] }

/** "1920x1080" -> size; a clear error for anything else. */
export function parseSize(text: string): ShotSize {
  const m = /^(\d{3,5})x(\d{3,5})$/.exec(text.trim())
  if (!m)
    throw new Error(`sizes: "${text}" is not WIDTHxHEIGHT, e.g. 1920x1080`)
  return {
    width: Number(m[1]),
    height: Number(m[2]),
  }
}

/** "3-7,12" -> [3,4,5,6,7,12], within 1..last; a clear error for a malformed or empty range. */
export function parseSlides(text: string | undefined, last: number): number[] {
  if (text === undefined || text.trim() === '')
    return Array.from({ length: last }, (_, i) => i + 1)
  const out = new Set<number>()
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part)
    if (!m)
      throw new Error(`slides: "${text}": "${part}" is not a number or a range like 3-7`)
    const from = Number(m[1])
    const to = Number(m[2] ?? m[1])
    if (from < 1 || to > last || from > to)
      throw new Error(`slides: "${text}": ${part.trim()} is outside 1-${last}`)
    for (let n = from; n <= to; n++)
      out.add(n)
  }
  return [...out].sort((a, b) => a - b)
}

export function setName(size: ShotSize, scheme: Scheme): string {
  return `${size.width}x${size.height}-${scheme}`
}

/** Zero-padded so that a file listing sorts in slide order. */
export function shotFile(size: ShotSize, scheme: Scheme, slide: number, click: number): string {
  return `${setName(size, scheme)}/${String(slide).padStart(2, '0')}-click${click}.png`
}

/**
 * One page with every set: a row per slide, its click steps left to right, each set (size,
 * scheme) in its own section, so that titles, type and diagrams can be compared across slides
 * at a glance.
 */
export function contactSheet(sets: readonly ShotSet[], deckTitle: string): string {
  const sections = sets.map((set) => {
    const bySlide = new Map<number, Shot[]>()
    for (const s of set.shots) {
      bySlide.set(s.slide, [
        ...(bySlide.get(s.slide) ?? []),
        s,
      ])
    }
    const rows = [
      ...bySlide.entries(),
    ].sort(([a], [b]) => a - b).map(([no, shots]) => {
      const cells = shots.sort((a, b) => a.click - b.click).map(s =>
        `<figure><a href="${escapeHtml(s.file)}"><img src="${escapeHtml(s.file)}" loading="lazy" alt="Slide ${no}, click ${s.click}: ${escapeHtml(s.title)}"></a><figcaption>click ${s.click}</figcaption></figure>`,
      ).join('')
      return `<tr><th scope="row">${no}. ${escapeHtml(shots[0]!.title)}</th><td>${cells}</td></tr>`
    }).join('\n')
    const name = setName(set.size, set.scheme)
    return `<section><h2 id="${name}">${set.size.width} x ${set.size.height}, ${set.scheme}</h2>\n<table>\n${rows}\n</table></section>`
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(deckTitle)}: every slide, every click</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1rem; }
table { border-collapse: collapse; }
th { text-align: left; vertical-align: top; width: 14rem; padding: .5rem; font-weight: 600; }
td { display: flex; flex-wrap: wrap; gap: .5rem; padding: .5rem 0; border-top: 1px solid #ccc; }
figure { margin: 0; }
img { width: 320px; border: 1px solid #999; display: block; }
figcaption { font-size: .8rem; color: #333; }
</style></head>
<body><h1>${escapeHtml(deckTitle)}: every slide, every click</h1>
<nav>${sets.map(s => `<a href="#${setName(s.size, s.scheme)}">${s.size.width} x ${s.size.height}, ${s.scheme}</a>`).join(' · ')}</nav>
${sections.join('\n')}
</body></html>
`
}
