import type { Slide } from './deck'

export interface OutlineItem {
  title: string
  /** 1-based PDF page the bookmark opens. */
  page: number
  children: OutlineItem[]
}

/**
 * Bookmarks for a PDF of the deck: one per section divider, with the section's slides
 * beneath it; slides before the first divider (the title slide) sit at the top level.
 * `firstPageOf(no)` maps a slide number to its first page (click export has several per slide).
 */
export function deckOutline(slides: Pick<Slide, 'no' | 'title' | 'layout'>[], firstPageOf: (no: number) => number): OutlineItem[] {
  const top: OutlineItem[] = []
  let section: OutlineItem | undefined
  for (const slide of slides) {
    const item: OutlineItem = {
      title: slide.title || `Slide ${slide.no}`,
      page: firstPageOf(slide.no),
      children: [],
    }
    if (slide.layout === 'section') {
      section = item
      top.push(item)
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
