import { encode } from 'uqr'

/**
 * The take-away on the title and closing slides: a QR code and a short address for the hosted
 * deck and the handout, from the headmatter's `url:` (where the deck is published). Computed
 * at build time by setup/preparser.ts and written into the slide as an SVG path (the handout's
 * cover computes its one code in the page), so the code needs no network, stays vector in the
 * printed PDFs, and a deck without `url:` shows none.
 */

export interface TakeAwayCode {
  /** What the code opens: "Slides" or "Handout (PDF)". */
  label: string
  url: string
  /** The address to read aloud or type: no scheme, no trailing slash. */
  short: string
  /** Modules a side, quiet zone included (the SVG's viewBox). */
  size: number
  /** One SVG path of the dark modules, in module units. */
  path: string
}

/** The published address with a trailing slash (the deck's root), or undefined for none. */
export function deckUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim())
    return undefined
  const url = value.trim()
  return url.endsWith('/')
    ? url
    : `${url}/`
}

export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '')
}

/**
 * The QR code of `text` as one SVG path: each run of dark modules in a row is one
 * rectangle, so the path stays small. A quiet zone of 4 modules, as the standard asks:
 * a phone must find the code on a busy slide.
 */
export function qrPath(text: string): { size: number, path: string } {
  const qr = encode(text, { ecc: 'M', border: 4 })
  const parts: string[] = []
  qr.data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x])
        continue
      let end = x
      while (end + 1 < row.length && row[end + 1])
        end++
      parts.push(`M${x} ${y}h${end - x + 1}v1h-${end - x + 1}z`)
      x = end
    }
  })
  return {
    size: qr.size,
    path: parts.join(''),
  }
}

/** The codes for the headmatter's `url`: the deck, and with `handout` the handout PDF too. */
export function takeAwayCodes(urlValue: unknown, handout: boolean): TakeAwayCode[] {
  const deck = deckUrl(urlValue)
  if (!deck)
    return []
  const targets = [
    { label: 'Slides', url: deck },
  ]
  if (handout)
    targets.push({ label: 'Handout (PDF)', url: `${deck}handout.pdf` })
  return targets.map(t => ({
    ...t,
    short: shortAddress(t.url),
    ...qrPath(t.url),
  }))
}

/**
 * Rewrites each `<TakeAway />` (or `<TakeAway handout />`) of a slide's Markdown into the
 * component with its codes bound as a prop. Without a `url:` the tag stays bare and the
 * component draws nothing.
 */
export function expandTakeAway(markdown: string, urlValue: unknown): string | undefined {
  if (!markdown.includes('<TakeAway'))
    return undefined
  return markdown.replace(/<TakeAway(\s+handout)?\s*\/>/g, (_, handout: string | undefined) => {
    const codes = takeAwayCodes(urlValue, Boolean(handout))
    // JSON in a single-quoted attribute: the path and addresses hold no single quote once encoded.
    const json = JSON.stringify(codes).replace(/'/g, '\\u0027')
    return codes.length
      ? `<TakeAway :codes='${json}' />`
      : '<TakeAway />'
  })
}
