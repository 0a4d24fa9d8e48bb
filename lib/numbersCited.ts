/**
 * Every number a slide shows is cited where it stands. A slide's Markdown is cut into the
 * units a reader takes in one go (a list item, a table row, a paragraph); a unit that shows a
 * number (a dose, an effect size, a count, a year) needs a citation in itself, in the list item
 * it hangs under, in the line that introduces its list, or in the slide's own source line
 * (`<div class="source-line">` / `figure-credit`). A citation elsewhere on the slide does not
 * count: that is what makes the check more than "the slide cites something".
 *
 * Not numbers: headings (titles such as "Figure 1." or "(1/2)"), list markers, charges
 * (Mg<sup>2+</sup>), and digits that are part of a name (NR2B, CYP2D6, MK-801, LY235959).
 */
import { findCitations } from '../addons/citations/lib'

export interface UncitedNumber {
  /** 1-based line within the slide's content. */
  line: number
  text: string
}

/**
 * A name that starts with a letter keeps its digits (NR2B, CYP2D6, MK-801, CP-101,606,
 * IL-1β); a token that starts with a digit is a quantity (0.35, 24-h, 1980s).
 */
const NAME_RE = /\p{L}[\p{L}\d]*(?:[-–][\d,]*[\p{L}\d]+)*/gu
const CHARGE_RE = /<sup>\s*(?:\d+\s*)?[+\-−]\s*<\/sup>/g

/** The text a reader sees in a line of Markdown: tags, charges, list markers and citations removed. */
function visibleText(text: string): string {
  return text
    .replace(CHARGE_RE, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\[@[^\]]*\]/g, ' ')
}

export function showsNumber(text: string): boolean {
  return /\d/.test(visibleText(text).replace(NAME_RE, ' '))
}

function cites(text: string): boolean {
  return findCitations(text).citations.length > 0
}

interface Unit { start: number, text: string, indent: number, kind: 'item' | 'row' | 'para' }

/** Cuts slide Markdown into units; comments (notes) and fenced code are left out. */
function units(content: string): { units: Unit[], slideSourced: boolean } {
  const lines = content.replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\n]/g, '')).split('\n')
  const out: Unit[] = []
  let slideSourced = false
  let inSource = false
  let fence = false
  let current: Unit | undefined
  const flush = () => {
    if (current)
      out.push(current)
    current = undefined
  }
  lines.forEach((raw, i) => {
    if (/^\s*```/.test(raw)) {
      fence = !fence
      flush()
      return
    }
    if (fence)
      return
    if (/class="(?:source-line|figure-credit)"/.test(raw))
      inSource = true
    if (inSource) {
      if (cites(raw))
        slideSourced = true
      if (/<\/div>/.test(raw))
        inSource = false
      flush()
      return
    }
    if (!raw.trim() || /^\s*#/.test(raw) || /^\s*(?:\|\s*)?:?-{3,}/.test(raw)) {
      flush()
      return
    }
    const indent = raw.match(/^\s*/)![0].length
    if (/^\s*(?:[-*+]|\d+[.)])\s+/.test(raw)) {
      flush()
      current = {
        start: i + 1,
        text: raw,
        indent,
        kind: 'item',
      }
    }
    else if (/^\s*\|/.test(raw)) {
      flush()
      out.push({
        start: i + 1,
        text: raw,
        indent,
        kind: 'row',
      })
    }
    else if (current && current.kind === 'item' && indent > current.indent) {
      current.text += `\n${raw}`
    }
    else if (current && current.kind === 'para') {
      current.text += `\n${raw}`
    }
    else {
      flush()
      current = {
        start: i + 1,
        text: raw,
        indent,
        kind: 'para',
      }
    }
  })
  flush()
  return { units: out, slideSourced }
}

/** The units of `content` that show a number and have no citation where they stand. */
export function uncitedNumbers(content: string): UncitedNumber[] {
  const { units: all, slideSourced } = units(content)
  if (slideSourced)
    return []
  const found: UncitedNumber[] = []
  all.forEach((u, i) => {
    if (!showsNumber(u.text) || cites(u.text))
      return
    if (u.kind === 'item') {
      // The item it hangs under, or the line that introduces its list.
      for (let j = i - 1; j >= 0; j--) {
        const p = all[j]!
        if (p.kind === 'item' && p.indent < u.indent && cites(p.text))
          return
        if (p.kind === 'para') {
          if (cites(p.text) && all.slice(j + 1, i).every(x => x.kind === 'item'))
            return
          break
        }
        if (p.kind === 'item' && p.indent === 0 && u.indent === 0)
          continue
      }
    }
    found.push({
      line: u.start,
      text: visibleText(u.text).replace(/\s+/g, ' ').trim(),
    })
  })
  return found
}
