import type { Slide } from './deck'
import type { SlideLike } from './sectionTimer'
import { parseBudget, sectionsOf } from './sectionTimer'

export interface OutlineItem {
  title: string
  /** 1-based PDF page the bookmark opens. */
  page: number
  children: OutlineItem[]
}

/** A slide as the bookmarks and the handout's running headers see it: with its timing (lib/sectionTimer.ts). */
export interface PartSlide extends Pick<Slide, 'no' | 'title' | 'layout'>, Pick<SlideLike, 'budget' | 'block'> {}

/**
 * Where the talk's parts start, by slide number, and what they are called: at each section
 * divider, and wherever the presenter's clock starts a section of its own without one (the
 * closing "Questions" and the references, each with its own budget). The PDFs' bookmarks
 * and the handout's headers then name the same parts as the presenter view, where they
 * filed "Questions" and the references under the last section. The opening slides (title,
 * objectives) stay outside every part, as before the first divider.
 */
export function partStarts(slides: readonly PartSlide[]): Map<number, string> {
  const starts = new Map<number, string>()
  for (const s of slides) {
    if (s.layout === 'section')
      starts.set(s.no, s.title)
  }
  // sectionsOf gives the opening slides to the first section: the part starts where its
  // budget does, after them.
  const sections = sectionsOf(slides)
  const opening = slides.find(s => s.budget !== undefined && 'ms' in parseBudget(s.budget))?.no
  sections.forEach((section, i) => {
    const from = i === 0
      ? opening
      : section.from
    if (from !== undefined && from !== slides[0]?.no && !starts.has(from))
      starts.set(from, section.title)
  })
  return starts
}

/**
 * Bookmarks for a PDF of the deck: one per part (partStarts), with the part's slides
 * beneath it; slides before the first part (the title slide) sit at the top level. A
 * divider is its part's bookmark; a part without one lists all its slides, or none when it
 * is a single slide. `firstPageOf(no)` maps a slide number to its first page (click export
 * has several per slide).
 */
export function deckOutline(slides: readonly PartSlide[], firstPageOf: (no: number) => number): OutlineItem[] {
  const top: OutlineItem[] = []
  const starts = partStarts(slides)
  const undivided = new Set<OutlineItem>()
  let section: OutlineItem | undefined
  for (const slide of slides) {
    const item: OutlineItem = {
      title: slide.title || `Slide ${slide.no}`,
      page: firstPageOf(slide.no),
      children: [],
    }
    const part = starts.get(slide.no)
    if (slide.layout === 'section') {
      section = item
      top.push(item)
    }
    else if (part !== undefined) {
      section = {
        title: part,
        page: item.page,
        children: [item],
      }
      undivided.add(section)
      top.push(section)
    }
    else if (section) {
      // Repeated titles ("NMDA Receptor: Definition" x6) would make a useless list: number them.
      const same = section.children.filter(c => c.title === item.title || c.title.startsWith(`${item.title} (`)).length
      if (same > 0)
        item.title = `${item.title} (${same + 1})`
      section.children.push(item)
    }
    else {
      top.push(item)
    }
  }
  for (const part of undivided) {
    if (part.children.length === 1)
      part.children = []
  }
  return top
}

/** The line format of @lillallol/outline-pdf: `page|depth dashes|title`. */
export function outlineToText(items: OutlineItem[], depth = 0): string {
  return items.flatMap(i => [
    `${i.page}|${'-'.repeat(depth)}|${i.title.replace(/\|/g, '/')}`,
    ...(i.children.length
      ? [
          outlineToText(i.children, depth + 1),
        ]
      : []),
  ]).join('\n')
}
