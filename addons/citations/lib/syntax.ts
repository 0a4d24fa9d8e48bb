/**
 * Citation key syntax, shared by the checker (scripts/check-refs.ts) and the renderer
 * (setup/preparser.ts), so that what the checker accepts is exactly what renders.
 *
 * Pandoc's bracketed form: `[@key]`, `[@a; @b]`, `[@key, p. 1110]`. Text inside fenced
 * code blocks, inline code spans and HTML comments is not a citation: a lecturer must be
 * able to show the syntax itself on a slide, and an HTML comment inside a slide is never
 * rendered, so a key hidden there must not take a number.
 */

/** Pandoc's rule, simplified: starts with a letter, digit or `_`, inner punctuation allowed. */
const KEY = String.raw`\w(?:[\w:.#$%&+?<>~/-]*\w)?`
/** Matched against a trimmed item, so the locator needs no lazy quantifier (no backtracking). */
const ITEM_RE = new RegExp(String.raw`^@(${KEY})(?:\s*,([^;\]]*))?$`)
/**
 * A bracket whose content starts with `@`: the candidate shape, validated item by item.
 * It may wrap over lines, as notes do, but not over a blank line (a paragraph break).
 */
const CANDIDATE_RE = /\[\s*@(?:[^\]\n]|\n(?![ \t]*\n))*\]/g
/** Anything that looks like an attempt at a citation, to report those that do not parse. */
const ATTEMPT_RE = /\[\s*@/g

export interface CitationItem {
  key: string
  /** The locator as written after the comma (`p. 1110`), if any. */
  locator?: string
  /** Offset of the key's first character (after `@`) in the scanned text. */
  offset: number
}

export interface Citation {
  /** Offset of `[` in the scanned text. */
  start: number
  /** Offset just past `]`. */
  end: number
  raw: string
  items: CitationItem[]
}

export interface MalformedCitation {
  start: number
  raw: string
}

export interface CitationScan {
  citations: Citation[]
  /** `[@...` that did not parse: it would render as literal text, so the checker says so. */
  malformed: MalformedCitation[]
}

/**
 * Replaces code (fenced and inline) and HTML comments with spaces, keeping every offset and
 * line break, so that a scan of the result reports positions in the original text.
 */
export function maskNonCitableText(text: string): string {
  const out = text.split('')
  const blank = (from: number, to: number) => {
    for (let i = from; i < to && i < out.length; i++) {
      if (out[i] !== '\n')
        out[i] = ' '
    }
  }
  // Fenced blocks first, line by line, as CommonMark does: a fence closes only on a line
  // that opens with at least as many of the same character.
  const lines = text.split('\n')
  let offset = 0
  let fence: { char: string, len: number } | null = null
  let fenceStart = 0
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (m?.[1] && m[1][0] === fence.char && m[1].length >= fence.len && /^\s*$/.test(line.slice(m[0].length))) {
        blank(fenceStart, offset + line.length)
        fence = null
      }
    }
    else if (m?.[1]) {
      fence = {
        char: m[1].charAt(0),
        len: m[1].length,
      }
      fenceStart = offset
    }
    offset += line.length + 1
  }
  if (fence)
    blank(fenceStart, text.length)
  let masked = out.join('')
  // HTML comments, then inline code spans (a backtick run closed by a run of equal length).
  masked = masked.replace(/<!--[\s\S]*?(?:-->|$)/g, m => m.replace(/[^\n]/g, ' '))
  const result = masked.split('')
  const tick = /`+/g
  let open: { at: number, len: number } | null = null
  for (let m = tick.exec(masked); m; m = tick.exec(masked)) {
    if (!open) {
      open = { at: m.index, len: m[0].length }
    }
    else if (m[0].length === open.len) {
      for (let i = open.at; i < m.index + m[0].length; i++) {
        if (result[i] !== '\n')
          result[i] = ' '
      }
      open = null
    }
  }
  return result.join('')
}

/** Finds every citation in a slide's Markdown (content or notes). */
export function findCitations(text: string): CitationScan {
  const masked = maskNonCitableText(text)
  const citations: Citation[] = []
  const covered = new Set<number>()
  for (const m of masked.matchAll(CANDIDATE_RE)) {
    const start = m.index!
    const inner = m[0].slice(1, -1)
    const parts = inner.split(';')
    const items: CitationItem[] = []
    let ok = true
    let partOffset = start + 1
    for (const part of parts) {
      const im = ITEM_RE.exec(part.trim())
      if (!im) {
        ok = false
        break
      }
      const keyAt = partOffset + part.indexOf('@') + 1
      const locator = im[2]?.trim()
      items.push({
        key: im[1]!,
        offset: keyAt,
        ...(locator
          ? { locator }
          : {}),
      })
      partOffset += part.length + 1
    }
    if (!ok)
      continue
    citations.push({
      start,
      end: start + m[0].length,
      raw: text.slice(start, start + m[0].length),
      items,
    })
    covered.add(start)
  }
  const malformed: MalformedCitation[] = []
  for (const m of masked.matchAll(ATTEMPT_RE)) {
    if (covered.has(m.index!))
      continue
    const lineEnd = text.indexOf('\n', m.index!)
    const raw = text.slice(m.index!, lineEnd < 0
      ? undefined
      : lineEnd).slice(0, 60)
    malformed.push({ start: m.index!, raw })
  }
  return { citations, malformed }
}

/**
 * Rewrites each citation with `render`, leaving code, comments and other text untouched.
 * With `attach`, the white space before a citation goes: a Vancouver superscript sits on the word
 * ("pain¹", not "pain ¹"), while authors keep writing "pain [@key]" as in pandoc.
 */
export function replaceCitations(text: string, render: (citation: Citation) => string, options: { attach?: boolean } = {}): string {
  const { citations } = findCitations(text)
  let out = ''
  let last = 0
  for (const c of citations) {
    const before = text.slice(last, c.start)
    // One line break goes too (notes wrap), but never a blank line: that is a new paragraph.
    out += (options.attach
      ? before.replace(/(?<=\S)[ \t]*(?:\n[ \t]*)?$/, '')
      : before) + render(c)
    last = c.end
  }
  return out + text.slice(last)
}

/** 1-based line and column of `offset` in `text`. */
export function lineColAt(text: string, offset: number): { line: number, col: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, col: offset - lineStart + 1 }
}
