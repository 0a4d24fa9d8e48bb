/**
 * Where a slide's picture goes on the handout page: beside its notes, or across the page with
 * the notes under it. A table printed beside the notes came out at about 4 pt on A4, too
 * small to read on paper; across the page it is about twice that. So did a drawing's labels
 * (an axis title at about 3 pt). A slide's frontmatter `handoutPicture: wide` or `beside`
 * overrides the default: wide for a slide with a table or a labelled drawing (an SVG with
 * words in it), beside for the rest.
 */
import type { Finding, FrontmatterAt } from '../finding'
import { whereKeyIsSet } from '../finding'

export const PICTURE_KEY = 'handoutPicture'
export type PicturePlacement = 'beside' | 'wide'
const PLACEMENTS: readonly PicturePlacement[] = ['beside', 'wide']

export function picturePlacement(value: unknown, hasFinePrint: boolean): PicturePlacement {
  if (PLACEMENTS.includes(value as PicturePlacement))
    return value as PicturePlacement
  return hasFinePrint
    ? 'wide'
    : 'beside'
}

/** A `handoutPicture` the handout would not understand, where the lecturer wrote it. */
export function pictureFindings(slides: readonly FrontmatterAt[]): Finding[] {
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const s of slides) {
    const value = s.frontmatter[PICTURE_KEY]
    if (value === undefined || PLACEMENTS.includes(value as PicturePlacement))
      continue
    const at = whereKeyIsSet(s, PICTURE_KEY)
    if (seen.has(`${at.file}:${at.line}`))
      continue
    seen.add(`${at.file}:${at.line}`)
    out.push({
      file: at.file,
      line: at.line,
      column: 1,
      message: `${PICTURE_KEY}: ${JSON.stringify(value)} is not a handout placement: write ${PICTURE_KEY}: wide (the slide across the page, its notes under it) or ${PICTURE_KEY}: beside (the slide beside its notes), or leave it out (wide for a slide with a table or a labelled drawing)`,
    })
  }
  return out
}
