/**
 * Line breaks a slide should not make. A projector's narrow columns and table cells broke
 * "over 24 / h", "> / 50 %" and "5.8 to / 9.5": a number is kept with its unit or the word it
 * counts, and a bound, the "to" of a range or a statistic's symbol with the number after it,
 * by no-break spaces, as is "95 % CI"; a compound's code ("MK-801") and an isomer's prefix
 * ("S(+)-ketamine") by a no-break hyphen.
 * Applied to the text of slide Markdown (setup via vite.config.ts), never to markup.
 */

export const NBSP = '\u00A0'

/** A number, spaces, then its unit or counted word (not another number, not a bracket). */
const NUMBER_THEN_WORD = /(\d)[ \t]+(?=[^\s\d([])/g
/** A bound or the "to" of a range, spaces, then a number (signed, or starting with a point). */
const BOUND_THEN_NUMBER = /(^|[\s(;])([<>≤≥≈~]|&[lg]t;|to)[ \t]+(?=[−\-+]?\.?\d)/g
/**
 * A statistic's symbol, spaces, then its value ("Hedges' g 0.03", where a 4:3 table cell broke
 * "g / 0.03"; "NNT 4.5", "RR 2.1", "CI 5.8"). Only these symbols: any short word would chain
 * "a 3 to 4 mg/kg" or "Phase II 3 trials" into one run that cannot break.
 */
const SYMBOL_THEN_NUMBER = /(^|[\s(;])([gdrptzFn]|OR|RR|HR|CI|NNT|NNH|MD|SMD|SD|IQR)[ \t]+(?=[−\-+]?\.?\d)/g

/**
 * A compound's code: capitals, a hyphen, digits ("MK-801", "CP-101,606", "REL-1017"). A narrow
 * column broke "MK- / 801", which reads as two words; a non-breaking hyphen (U+2011) keeps it
 * whole.
 */
const CODE_HYPHEN = /\b([A-Z]{1,5})-(?=\d)/g
/** An isomer's prefix and its compound: "S(+)-ketamine" broke after its hyphen. */
const ISOMER_HYPHEN = /\b([RSDL]\([+\-−±]\))-(?=\p{L})/gu
/** A percentage and the interval it qualifies: "(95 % / CI 3 to 4.5)" broke before the CI. */
const PERCENT_THEN_CI = /(%)[ \t]+(?=CI\b)/g
export const NB_HYPHEN = '\u2011'

export function keepNumbersTogether(text: string): string {
  return text
    .replace(CODE_HYPHEN, `$1${NB_HYPHEN}`)
    .replace(ISOMER_HYPHEN, `$1${NB_HYPHEN}`)
    .replace(PERCENT_THEN_CI, `$1${NBSP}`)
    .replace(NUMBER_THEN_WORD, `$1${NBSP}`)
    .replace(BOUND_THEN_NUMBER, `$1$2${NBSP}`)
    .replace(SYMBOL_THEN_NUMBER, `$1$2${NBSP}`)
}

/** A tag, its quoted attribute values read whole (one may hold a ">"). */
const TAG = /(<(?:[^>"']|"[^"]*"|'[^']*')*>)/

/**
 * The same in a block of HTML a slide writes (the key facts, the cards), in its text between
 * the tags only: tags, attributes and component props are left as written, and so are style
 * and script blocks.
 */
export function keepNumbersTogetherInHtml(html: string): string {
  if (/^\s*<(?:script|style)\b/i.test(html))
    return html
  return html.split(TAG).map((part, i) => i % 2
    ? part
    : keepNumbersTogether(part)).join('')
}

interface Token { type: string, content: string, children: Token[] | null }

/** The markdown-it core rule: a slide's text, after inline parsing, and its blocks of HTML. */
export function keepNumbersTogetherRule(state: { tokens: Token[] }): void {
  for (const block of state.tokens) {
    if (block.type === 'html_block')
      block.content = keepNumbersTogetherInHtml(block.content)
    for (const t of block.type === 'inline'
      ? block.children ?? []
      : []) {
      if (t.type === 'text')
        t.content = keepNumbersTogether(t.content)
    }
  }
}
