import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { AA_TEXT, accentOnDark, contrastRatio, DECK_BACKGROUNDS, isLargeText, luminance, mix, over, parseColor, requiredRatio, toHex } from '../../lib/contrast'
import { checkHeadmatter } from '../../lib/talkConfig'

describe('parseColor', () => {
  it('reads hex, rgb()/rgba() in both syntaxes and color(srgb)', () => {
    expect(parseColor('#0b5cad')).toEqual({ r: 11, g: 92, b: 173, a: 1 })
    expect(parseColor('#FFF')).toEqual({ r: 255, g: 255, b: 255, a: 1 })
    expect(parseColor('#00000080')!.a).toBeCloseTo(128 / 255)
    expect(parseColor('rgb(238, 241, 245)')).toEqual({ r: 238, g: 241, b: 245, a: 1 })
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 })
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 })
    const c = parseColor('color(srgb 0.5 0 1)')!
    expect([c.r, c.g, c.b, c.a]).toEqual([127.5, 0, 255, 1])
  })

  it('gives undefined for paints that are not a colour', () => {
    for (const s of [
      'none',
      'url("#hatch")',
      'oklab(0.5 0 0)',
      '#12',
      'rgb(1, 2)',
      'blue',
    ])
      expect(parseColor(s)).toBeUndefined()
  })
})

describe('contrast ratio (WCAG 2.2 relative luminance)', () => {
  it('is 21 for black on white, 1 for a colour on itself, and symmetric', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#0b5cad', '#0b5cad')).toBe(1)
    expect(contrastRatio('#fff', '#777')).toBeCloseTo(contrastRatio('#777', '#fff'), 10)
  })

  it('matches published reference values', () => {
    // WebAIM's checker: #777777 on white is 4.47:1, just under AA; #767676 is 4.54:1.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(luminance('#ffffff')).toBe(1)
    expect(luminance('#000000')).toBe(0)
  })

  it('composites a translucent foreground over the background first', () => {
    // Half-transparent black on white is mid grey, not black.
    const half = contrastRatio('rgba(0, 0, 0, 0.5)', '#ffffff')
    expect(over('rgba(0,0,0,0.5)', '#fff')).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 })
    expect(half).toBeCloseTo(contrastRatio({ r: 127.5, g: 127.5, b: 127.5, a: 1 }, '#fff'), 10)
    expect(half).toBeLessThan(5)
    expect(contrastRatio('rgba(0, 0, 0, 0)', '#ffffff')).toBe(1)
  })
})

describe('large text', () => {
  it('is 24 px, or 18.66 px bold', () => {
    expect(isLargeText(24, 400)).toBe(true)
    expect(isLargeText(23.9, 400)).toBe(false)
    expect(isLargeText(18.66, 700)).toBe(true)
    expect(isLargeText(18.66, 600)).toBe(false)
    expect(requiredRatio(12, 400)).toBe(4.5)
    expect(requiredRatio(30, 400)).toBe(3)
  })
})

describe('accentOnDark', () => {
  it('lightens the deck\'s accent until it reaches 7:1 on the dark background, no further', () => {
    const dark = accentOnDark('#0b5cad')
    expect(contrastRatio(dark, DECK_BACKGROUNDS.dark)).toBeGreaterThanOrEqual(7)
    // One percent less white would not be enough: it is the least lightening that works.
    const step = [
      ...Array.from({ length: 101 }).keys(),
    ].find(p => toHex(mix('#0b5cad', '#fff', p / 100)) === dark)!
    expect(step).toBeGreaterThan(0)
    expect(contrastRatio(toHex(mix('#0b5cad', '#fff', (step - 1) / 100)), DECK_BACKGROUNDS.dark)).toBeLessThan(7)
    // And it stays blue: blue still the strongest channel.
    const c = parseColor(dark)!
    expect(c.b).toBeGreaterThan(c.r)
    expect(c.b).toBeGreaterThan(c.g)
  })

  it('makes any accent readable in the dark scheme, even black or pure blue', () => {
    for (const accent of [
      '#000000',
      '#0000ff',
      '#b2182b',
      '#2e7d32',
      '#6a1b9a',
      '#333',
    ])
      expect(contrastRatio(accentOnDark(accent), DECK_BACKGROUNDS.dark)).toBeGreaterThanOrEqual(AA_TEXT)
  })

  it('leaves an accent that is already light enough unchanged', () => {
    expect(accentOnDark('#7cb8ff')).toBe('#7cb8ff')
  })
})

describe('the backgrounds agree with the stylesheet', () => {
  it('dECK_BACKGROUNDS equals --deck-bg-light and --deck-bg-dark in styles/tokens.css', () => {
    const css = readFileSync(fileURLToPath(new URL('../../styles/tokens.css', import.meta.url)), 'utf8')
    const token = (name: string) => css.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{3,8})\\s*;`, 'i'))?.[1]?.toLowerCase()
    expect(token('deck-bg-light')).toBe(DECK_BACKGROUNDS.light)
    expect(token('deck-bg-dark')).toBe(DECK_BACKGROUNDS.dark)
  })
})

describe('the headmatter check of the accent (lib/talkConfig.ts)', () => {
  const check = (accent: string) => checkHeadmatter('slides.md', [
    '---',
    'title: T',
    `accent: "${accent}"`,
    '---',
    '',
  ].join('\n'), { title: 'T', accent }, () => true)

  it('accepts the deck\'s accent and any colour dark enough for white slides', () => {
    expect(check('#0b5cad')).toEqual([])
    expect(check('#767676')).toEqual([])
  })

  it('refuses an accent too light for white slides, at its line, with a darker shade that passes', () => {
    const f = check('#7cb8ff')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ file: 'slides.md', line: 3 })
    expect(f[0]!.message).toMatch(/^'accent' #7cb8ff is too light for text on the white slide: contrast 2\.07:1, WCAG AA needs 4\.5:1/)
    const suggested = f[0]!.message.match(/e\.g\. "(#[0-9a-f]{6})"/)![1]!
    expect(contrastRatio(suggested, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT)
    expect(check(suggested)).toEqual([])
    expect(check('#777777')).toHaveLength(1)
  })
})
