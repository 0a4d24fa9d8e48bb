/**
 * Line breaks a slide should not make. A projector's narrow columns and table cells broke
 * "over 24 / h", "> / 50 %" and "5.8 to / 9.5": a number is kept with its unit or the word it
 * counts, and a bound, the "to" of a range or a statistic's symbol with the number after it,
 * by no-break spaces, as is "95 % CI"; a compound's code ("MK-801") and an isomer with its
 * prefix ("S(+)-ketamine") by a span that does not wrap.
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
 * Words a line must not break inside, at their hyphen: a compound's code ("MK-801",
 * "CP-101,606", "REL-1017"; a 4:3 column broke "MK- / 801", read as two words) and an isomer
 * with its prefix ("S(+)-ketamine"). Wrapped in a `nowrap` span, not written with a no-break
 * hyphen: the text stays as typed, so a reader's search for "MK-801" finds it and a copy of it
 * is what was written.
 */
const UNBROKEN = /\b[A-Z]{1,5}-\d[\d,]*\d|\b[A-Z]{1,5}-\d|\b[RSDL]\([+\-−±]\)-\p{L}+/u
/** The same pattern, captured, for split(): made once, as it runs on every text of every slide. */
const UNBROKEN_SPLIT = new RegExp(`(${UNBROKEN.source})`, 'u')
export const NOWRAP_OPEN = '<span class="nowrap">'
export const NOWRAP_CLOSE = '</span>'
/**
 * A percentage and the interval it qualifies: "(95 % / CI 3 to 4.5)" broke before the CI. With
 * the rules above the whole "95 % CI 3 to 4.5" holds together, about 20 characters: narrower
 * than any column or cell of this deck at 4:3 (the sweep checks every slide for overflow).
 */
const PERCENT_THEN_CI = /%[ \t]+(?=CI\b)/g

export function keepNumbersTogether(text: string): string {
  return text
    .replace(PERCENT_THEN_CI, `%${NBSP}`)
    .replace(NUMBER_THEN_WORD, `$1${NBSP}`)
    .replace(BOUND_THEN_NUMBER, `$1$2${NBSP}`)
    .replace(SYMBOL_THEN_NUMBER, `$1$2${NBSP}`)
}

/** The text cut at the words that must stay whole: [before, word, between, word, ..., after]. */
export function unbrokenParts(text: string): string[] {
  return text.split(UNBROKEN_SPLIT)
}

/** A Vue interpolation in a slide's text: code, not words ("{{ N-1 }}" must stay as written). */
const INTERPOLATION = /(\{\{[\s\S]*?\}\})/

/** Both, in a run of text that HTML will read: the words wrapped, interpolations left alone. */
function keepTogetherInText(text: string): string {
  return text.split(INTERPOLATION).map((part, i) => i % 2
    ? part
    : unbrokenParts(keepNumbersTogether(part)).map((p, j) => j % 2
        ? `${NOWRAP_OPEN}${p}${NOWRAP_CLOSE}`
        : p).join('')).join('')
}

/** A tag, its quoted attribute values read whole (one may hold a ">"). */
const TAG = /(<(?:[^>"']|"[^"]*"|'[^']*')*>)/
/** Elements whose text is code or a link's address, left as written. */
const VERBATIM = /^<(pre|code|script|style|a)\b/i

/**
 * The same in a block of HTML a slide writes (the key facts, the cards), in its text between
 * the tags only: tags, attributes and component props are left as written, and so is the text
 * of a pre, code, script, style or link element, and a Vue interpolation.
 */
export function keepNumbersTogetherInHtml(html: string): string {
  let verbatim: string | undefined
  return html.split(TAG).map((part, i) => {
    if (i % 2) {
      const open = VERBATIM.exec(part)?.[1]?.toLowerCase()
      if (!verbatim && open && !part.endsWith('/>'))
        verbatim = open
      else if (verbatim && new RegExp(`^</${verbatim}\\s*>`, 'i').test(part))
        verbatim = undefined
      return part
    }
    return verbatim
      ? part
      : keepTogetherInText(part)
  }).join('')
}

interface Token { type: string, content: string, children: Token[] | null }
interface TokenClass { new (type: string, tag: string, nesting: number): Token }

/**
 * The markdown-it core rule: a slide's text, after inline parsing, and its blocks of HTML. A
 * link's text (a bare URL linkified, say) is left as written, and so is an interpolation.
 */
export function keepNumbersTogetherRule(state: { tokens: Token[], Token: TokenClass }): void {
  const token = (type: 'text' | 'html_inline', content: string) => Object.assign(new state.Token(type, '', 0), { content })
  for (const block of state.tokens) {
    if (block.type === 'html_block')
      block.content = keepNumbersTogetherInHtml(block.content)
    if (block.type !== 'inline' || !block.children)
      continue
    let inLink = 0
    block.children = block.children.flatMap((t) => {
      if (t.type === 'link_open')
        inLink++
      else if (t.type === 'link_close')
        inLink--
      if (t.type !== 'text' || inLink || INTERPOLATION.test(t.content))
        return [t]
      const parts = unbrokenParts(keepNumbersTogether(t.content))
      t.content = parts[0]!
      return [
        t,
        ...parts.slice(1).flatMap((p, j) => j % 2
          ? [
              token('text', p),
            ]
          : [
              token('html_inline', NOWRAP_OPEN),
              token('text', p),
              token('html_inline', NOWRAP_CLOSE),
            ]),
      ].filter(x => x.type !== 'text' || x.content !== '')
    })
  }
}
