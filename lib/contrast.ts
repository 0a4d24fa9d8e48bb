/**
 * Colour contrast as WCAG 2.2 defines it (Understanding SC 1.4.3: relative luminance of
 * sRGB, ratio (L1 + 0.05) / (L2 + 0.05); 4.5:1 for text, 3:1 for large text, which is
 * at least 18pt (24 CSS px), or 14pt (18.66 CSS px) bold). Pure, so the deck's accent
 * check, the slide footer and the end-to-end contrast test all count the same way.
 */

export interface Rgba { r: number, g: number, b: number, a: number }

/**
 * The slide background of each scheme. Kept equal to --deck-bg-light / --deck-bg-dark in
 * styles/tokens.css (tests/unit/contrast.test.ts compares them), because the dark accent
 * is derived in script against the dark one.
 */
export const DECK_BACKGROUNDS = { light: '#ffffff', dark: '#14171c' } as const

export const AA_TEXT = 4.5
export const AA_LARGE_TEXT = 3

/**
 * Parses what a stylesheet or getComputedStyle gives for a colour: #rgb, #rrggbb,
 * #rrggbbaa, rgb()/rgba() (comma or space syntax) and color(srgb r g b / a), which is how
 * Chromium reports a color-mix() in sRGB. Anything else (a url() paint, `none`) is undefined.
 */
export function parseColor(text: string): Rgba | undefined {
  const s = text.trim().toLowerCase()
  const hex = s.match(/^#([0-9a-f]{3,8})$/)
  if (hex) {
    let h = hex[1]!
    if (h.length === 3 || h.length === 4)
      h = [...h].map(c => c + c).join('')
    if (h.length !== 6 && h.length !== 8)
      return undefined
    const n = (i: number) => Number.parseInt(h.slice(i, i + 2), 16)
    return {
      r: n(0),
      g: n(2),
      b: n(4),
      a: h.length === 8
        ? n(6) / 255
        : 1,
    }
  }
  const fn = s.match(/^(rgba?|color)\((.*)\)$/)
  if (!fn)
    return undefined
  let body = fn[2]!.trim()
  if (fn[1] === 'color') {
    if (!body.startsWith('srgb '))
      return undefined
    body = body.slice(5)
  }
  const [channels, slashAlpha] = body.split('/').map(x => x.trim())
  const parts = channels!.split(/[\s,]+/).filter(Boolean)
  if (parts.length < 3 || parts.length > 4 || (parts.length === 4 && slashAlpha !== undefined))
    return undefined
  const alphaText = slashAlpha ?? parts[3]
  const channel = (p: string) => {
    if (p.endsWith('%'))
      return Number(p.slice(0, -1)) * 2.55
    return fn[1] === 'color'
      ? Number(p) * 255
      : Number(p)
  }
  const alpha = alphaText === undefined
    ? 1
    : alphaText.endsWith('%')
      ? Number(alphaText.slice(0, -1)) / 100
      : Number(alphaText)
  const [r, g, b] = parts.slice(0, 3).map(channel) as [number, number, number]
  if ([r, g, b, alpha].some(Number.isNaN))
    return undefined
  return { r, g, b, a: alpha }
}

function mustParse(c: string | Rgba): Rgba {
  if (typeof c !== 'string')
    return c
  const p = parseColor(c)
  if (!p)
    throw new Error(`not a colour: ${JSON.stringify(c)}`)
  return p
}

/** Relative luminance of an opaque sRGB colour (WCAG 2.2 definition). */
export function luminance(color: string | Rgba): number {
  const { r, g, b } = mustParse(color)
  const lin = (v: number) => {
    const c = v / 255
    return c <= 0.04045
      ? c / 12.92
      : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** A translucent colour painted over an opaque backdrop, as the browser composites it. */
export function over(top: string | Rgba, backdrop: string | Rgba): Rgba {
  const t = mustParse(top)
  const b = mustParse(backdrop)
  const mixc = (x: number, y: number) => x * t.a + y * (1 - t.a)
  return {
    r: mixc(t.r, b.r),
    g: mixc(t.g, b.g),
    b: mixc(t.b, b.b),
    a: 1,
  }
}

/** Contrast ratio of a foreground (translucent allowed) on an opaque background, 1 to 21. */
export function contrastRatio(foreground: string | Rgba, background: string | Rgba): number {
  const bg = mustParse(background)
  const l1 = luminance(over(foreground, bg))
  const l2 = luminance(bg)
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)
}

/** WCAG large text: at least 24 CSS px, or 18.66 CSS px (14pt) and bold. */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700)
}

export function requiredRatio(fontSizePx: number, fontWeight: number): number {
  return isLargeText(fontSizePx, fontWeight)
    ? AA_LARGE_TEXT
    : AA_TEXT
}

export function toHex({ r, g, b }: Rgba): string {
  const h = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')
  return `#${h(r)}${h(g)}${h(b)}`
}

/** `share` of `b` mixed into `a` in sRGB, like CSS color-mix(in srgb, a, b share). */
export function mix(a: string | Rgba, b: string | Rgba, share: number): Rgba {
  const x = mustParse(a)
  const y = mustParse(b)
  const m = (p: number, q: number) => p * (1 - share) + q * share
  return {
    r: m(x.r, y.r),
    g: m(x.g, y.g),
    b: m(x.b, y.b),
    a: 1,
  }
}

/**
 * The accent for the dark scheme: the headmatter's accent, lightened with white in 1 %
 * steps only as far as it must go to reach `target` on the dark background, so it stays
 * recognisably the same hue. A colour already light enough comes back unchanged.
 * The target is 7:1 (WCAG AAA), not the 4.5:1 floor: a projector washes a dark slide out,
 * and the accent carries every title.
 */
export function accentOnDark(accent: string, background: string = DECK_BACKGROUNDS.dark, target = 7): string {
  for (let pct = 0; pct <= 100; pct++) {
    const candidate = toHex(mix(accent, '#ffffff', pct / 100))
    if (contrastRatio(candidate, background) >= target)
      return candidate
  }
  return '#ffffff'
}
