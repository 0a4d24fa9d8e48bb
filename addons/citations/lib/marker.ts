/**
 * The references marker: the one line of a deck that becomes its references slides, as
 * many as the list needs. A preparser cannot add slides except by adding raw lines, so the
 * expansion works on a file's lines, before Slidev splits them into slides.
 */
import type { FormattedReference } from './vancouver'
import { DEFAULT_PAGE_LAYOUT, paginateReferences, referencePagesMarkdown } from './render'

/** Write this line where the references go (a slide of its own, with any frontmatter). */
export const REFERENCES_MARKER = '<!-- citations:references -->'

/**
 * A slide of the references: the marker as written (in the slide, or in its notes, where Slidev
 * puts a slide's last comment), or a page generated from it (it holds a <ReferenceList>).
 */
export function isReferencesSlide(s: { content: string, note?: string }): boolean {
  return /citations:references/.test(`${s.content}\n${s.note ?? ''}`) || s.content.includes('<ReferenceList>')
}

/** Does this slide source (or file) hold the marker on a line of its own? */
export function hasReferencesMarker(raw: string): boolean {
  return raw.split(/\r?\n/).some(l => l.trim() === REFERENCES_MARKER)
}

/** The frontmatter lines (without fences) of the slide the marker is in, to repeat on later pages. */
function frontmatterAbove(lines: readonly string[], marker: number): string[] {
  let e = marker - 1
  while (e >= 0 && lines[e]!.trim() === '')
    e--
  if (e < 0 || lines[e]!.trimEnd() !== '---')
    return []
  let s = e - 1
  while (s >= 0 && !lines[s]!.startsWith('---'))
    s--
  const block = lines.slice(s + 1, e)
  return s >= 0 && block.length && block.every(l => l.trim() !== '')
    ? block
    : []
}

/** Replaces the marker line in `lines` (in place) with the references slides. */
export function expandReferences(lines: string[], references: readonly FormattedReference[]): void {
  const at = lines.findIndex(l => l.trim() === REFERENCES_MARKER)
  if (at < 0)
    return
  const pages = paginateReferences(references, DEFAULT_PAGE_LAYOUT)
  lines.splice(at, 1, ...referencePagesMarkdown(pages, frontmatterAbove(lines, at)))
}

/** How many slides the marker becomes. */
export function referencePageCount(references: readonly FormattedReference[]): number {
  return paginateReferences(references, DEFAULT_PAGE_LAYOUT).length
}
