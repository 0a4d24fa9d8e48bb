import { parse as parseYaml } from 'yaml'
import { isReferencesSlide } from '../addons/citations/lib'

/**
 * Does a deck still follow the source lecture it reproduces? Each slide is known by its source
 * label: the `kicker:` of its frontmatter (the source's repeated section title, drawn above the
 * slide's own point title), else its title. A figure slide is known by its caption label
 * ("Figure 1."), which its label begins with.
 */

/** The label a slide is matched by: its kicker when it has one, else its title. */
export function sourceLabel(slide: { title?: string, frontmatter?: Record<string, unknown> }): string {
  const kicker = slide.frontmatter?.kicker
  return normTitle(typeof kicker === 'string' && kicker.trim()
    ? kicker
    : slide.title ?? '')
}

export function normTitle(t: string): string {
  return t.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * The first outline title the deck's labels do not contain in order, with the index of the
 * deck slide after which it was looked for; undefined when every title is there, in order.
 */
export function firstMissing(labels: readonly string[], outline: readonly string[]): { title: string, after: number } | undefined {
  let at = 0
  for (const want of outline) {
    const w = normTitle(want)
    const found = labels.findIndex((t, i) => i >= at && (t === w || (w.startsWith('figure') && t.startsWith(w))))
    if (found < 0)
      return { title: want, after: at }
    at = found + 1
  }
  return undefined
}

/** What a source outline file holds (`sourceOutline:` in the headmatter names it). */
export interface SourceOutline {
  /** The source lecture's slide titles, in order. */
  titles: string[]
  /** The source's errors the deck corrects: the wrong form, the right one. */
  corrections: { wrong: string, right: string, keptOnSlides?: boolean }[]
}

/** An outline file's YAML, read; an Error saying what is wrong when it is not an outline. */
export function parseOutline(yaml: string): SourceOutline {
  const data = parseYaml(yaml) as { titles?: unknown, corrections?: unknown } | null
  // A title YAML reads as a number ("- 1984") is still a title.
  const titles = Array.isArray(data?.titles)
    ? data.titles.map(t => typeof t === 'number'
        ? String(t)
        : t)
    : []
  if (!titles.length || !titles.every(t => typeof t === 'string' && t.trim()))
    throw new Error('it needs a "titles:" list of the source lecture\'s slide titles, in order')
  const corrections = data?.corrections ?? []
  if (!Array.isArray(corrections) || !corrections.every(c => typeof c?.wrong === 'string' && typeof c?.right === 'string'))
    throw new Error('its "corrections:" must be a list of entries with "wrong:" and "right:"')
  return { titles, corrections }
}

/**
 * The lecture's own slides: all but the talk's title slide and the references slides (their
 * marker as written, or their pages once the citations addon has generated them).
 */
export function lectureSlides<S extends { content: string, note?: string, frontmatter?: Record<string, unknown> }>(slides: readonly S[]): S[] {
  return slides.slice(1).filter(s => !isReferencesSlide(s)
    && !String(s.frontmatter?.class ?? '').split(/\s+/).includes('references'))
}

/**
 * The first source slide the deck does not have, in order, and the deck's slide after which it
 * was looked for (none: before the first lecture slide); undefined when all are there.
 */
export function missingSourceSlide<S extends { title?: string, content: string, note?: string, frontmatter?: Record<string, unknown> }>(slides: readonly S[], outline: SourceOutline): { title: string, after?: S } | undefined {
  const lecture = lectureSlides(slides)
  const missing = firstMissing(lecture.map(sourceLabel), outline.titles)
  return missing && {
    title: missing.title,
    after: lecture[missing.after - 1],
  }
}
