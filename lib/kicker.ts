/**
 * The kicker above a slide's title is set in capitals by its style (`text-transform`), which
 * turns the plural of an abbreviation into another word: "NMDARs" would read "NMDARS", "TCAs"
 * "TCAS". The lowercase plural ending of an abbreviation written in capitals is kept apart,
 * so that the style can leave it in lower case; the text itself (what a screen reader reads,
 * what a search finds) is unchanged.
 */

export interface KickerPart {
  text: string
  /** Set as written, not in capitals. */
  keepCase: boolean
}

/** An abbreviation of two or more capitals or digits, then its plural "s". */
const ABBREVIATION_PLURAL = /\b([A-Z][A-Z0-9]+)(s)\b/g

export function kickerParts(text: string): KickerPart[] {
  const parts: KickerPart[] = []
  let at = 0
  for (const m of text.matchAll(ABBREVIATION_PLURAL)) {
    const end = m.index + m[1]!.length
    parts.push({
      text: text.slice(at, end),
      keepCase: false,
    }, { text: m[2]!, keepCase: true })
    at = end + 1
  }
  if (at < text.length || !parts.length) {
    parts.push({
      text: text.slice(at),
      keepCase: false,
    })
  }
  return parts
}
