/**
 * Citations of a whole deck, in talk order. Takes slides in the shape Slidev's parser
 * (`@slidev/parser/fs` `load()`) returns them, without importing Slidev, so it stays a
 * plain function that tests and scripts can call.
 */
import type { SlideInfo, SourceSlideInfo } from '@slidev/types'
import { findCitations, lineColAt } from './syntax'

/**
 * A slide as Slidev's parser returns it (`SlideInfo`), reduced to the fields read here:
 * no slide type of our own, so any reader of a Slidev deck can hand its slides over.
 */
export type CitableSlide = Pick<SlideInfo, 'index' | 'content' | 'note'> & {
  source: Pick<SourceSlideInfo, 'filepath' | 'start' | 'raw'>
}

export interface CitationOccurrence {
  key: string
  locator?: string
  /** 1-based slide number in the talk, as the presenter sees it. */
  slide: number
  part: 'content' | 'note'
  file: string
  line: number
  col: number
}

export interface MalformedOccurrence {
  raw: string
  slide: number
  part: 'content' | 'note'
  file: string
  line: number
  col: number
}

export interface DeckCitations {
  occurrences: CitationOccurrence[]
  malformed: MalformedOccurrence[]
  /** Cited keys in order of first citation: reference number = index + 1 (Vancouver). */
  order: string[]
}

const FRONTMATTER_RE = /^---.*\r?\n[\s\S]*?\n---/

/** Where `text` (content or note) starts inside the slide's raw source. */
function locate(source: CitableSlide['source'], text: string, part: 'content' | 'note'): number {
  if (part === 'note')
    return source.raw.lastIndexOf(text)
  const fm = FRONTMATTER_RE.exec(source.raw)
  return source.raw.indexOf(text, fm ? fm[0].length : 0)
}

/**
 * Every citation of the talk, in order: slide by slide, the slide's content before its
 * notes. Numbers follow the first citation, wherever it is, so a key first cited in the
 * notes still gets the number the presenter sees there.
 */
export function collectDeckCitations(slides: readonly CitableSlide[]): DeckCitations {
  const occurrences: CitationOccurrence[] = []
  const malformed: MalformedOccurrence[] = []
  for (const slide of slides) {
    const found = slideCitations(slide)
    occurrences.push(...found.occurrences)
    malformed.push(...found.malformed)
  }
  return {
    occurrences,
    malformed,
    order: citationOrder(occurrences),
  }
}

type SlideCitations = Pick<DeckCitations, 'occurrences' | 'malformed'>

/**
 * Each slide's citations, kept with the source slide they were read from: the dev server's
 * reader (citedDeck.ts `readDeckAgain`) hands unchanged slides over as the same objects, so
 * an edit reads the citations of the edited slides only.
 */
const perSlide = new WeakMap<object, { index: number, content: string, note?: string, found: SlideCitations }>()

function slideCitations(slide: CitableSlide): SlideCitations {
  const kept = perSlide.get(slide.source)
  if (kept && kept.index === slide.index && kept.content === slide.content && kept.note === slide.note)
    return kept.found
  const found = readSlideCitations(slide)
  perSlide.set(slide.source, {
    index: slide.index,
    content: slide.content,
    note: slide.note,
    found,
  })
  return found
}

function readSlideCitations(slide: CitableSlide): SlideCitations {
  const occurrences: CitationOccurrence[] = []
  const malformed: MalformedOccurrence[] = []
  const parts: ['content' | 'note', string | undefined][] = [
    ['content', slide.content],
    ['note', slide.note],
  ]
  for (const [part, text] of parts) {
    if (!text)
      continue
    const { citations, malformed: bad } = findCitations(text)
    const base = locate(slide.source, text, part)
    const position = (offset: number) => {
      if (base < 0)
        return { line: slide.source.start + 1, col: 1 }
      const lc = lineColAt(slide.source.raw, base + offset)
      return { line: slide.source.start + lc.line, col: lc.col }
    }
    for (const c of citations) {
      for (const item of c.items) {
        occurrences.push({
          key: item.key,
          ...(item.locator
            ? { locator: item.locator }
            : {}),
          slide: slide.index + 1,
          part,
          file: slide.source.filepath,
          ...position(item.offset),
        })
      }
    }
    for (const m of bad) {
      malformed.push({
        raw: m.raw,
        slide: slide.index + 1,
        part,
        file: slide.source.filepath,
        ...position(m.start),
      })
    }
  }
  return { occurrences, malformed }
}

/** Unique keys in order of first citation. */
export function citationOrder(occurrences: readonly { key: string }[]): string[] {
  return [
    ...new Set(occurrences.map(o => o.key)),
  ]
}

/** Key -> Vancouver reference number (1-based). */
export function citationNumbers(order: readonly string[]): Map<string, number> {
  return new Map(order.map((key, i) => [key, i + 1]))
}

/**
 * Compresses reference numbers the way Vancouver superscripts are written:
 * [1, 2, 3, 5] -> "1–3,5"; two neighbours stay a list ("1,2").
 */
export function compressNumbers(numbers: readonly number[]): string {
  const sorted = [
    ...new Set(numbers),
  ].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1)
      j++
    if (j - i >= 2)
      parts.push(`${sorted[i]}–${sorted[j]}`)
    else
      parts.push(...sorted.slice(i, j + 1).map(String))
    i = j + 1
  }
  return parts.join(',')
}
