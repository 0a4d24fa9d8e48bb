import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { identifierPieces } from '../../addons/citations/lib/identifier'
import { deckUrl, expandTakeAway, qrPath, shortAddress, takeAwayCodes } from '../../lib/takeAway'

/** Paints an SVG path of `M x y h w v1 h-w z` rectangles into RGBA pixels, `scale` px a module. */
function rasterise(size: number, path: string, scale = 4): Uint8ClampedArray {
  const w = size * scale
  const px = new Uint8ClampedArray(w * w * 4).fill(255)
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, run] = [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
    ]
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < run * scale; dx++) {
        const i = ((y * scale + dy) * w + x * scale + dx) * 4
        px[i] = px[i + 1] = px[i + 2] = 0
      }
    }
  }
  return px
}

describe('take-away codes', () => {
  it('draws a QR code that decodes to the address', () => {
    for (const url of ['https://example.org/my-talk/', 'https://example.org/my-talk/handout.pdf']) {
      const { size, path } = qrPath(url)
      expect(path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/)
      expect(jsQR(rasterise(size, path), size * 4, size * 4)?.data).toBe(url)
    }
  })

  it('takes the headmatter url as the deck\'s root, and none as no code', () => {
    expect(deckUrl('https://example.org/talk')).toBe('https://example.org/talk/')
    expect(deckUrl(undefined)).toBeUndefined()
    expect(deckUrl('  ')).toBeUndefined()
    expect(shortAddress('https://example.org/talk/')).toBe('example.org/talk')
    expect(takeAwayCodes(undefined, true)).toEqual([])
    expect(takeAwayCodes('https://example.org/talk/', true).map(c => [c.label, c.short])).toEqual([
      ['Slides', 'example.org/talk'],
      ['Handout (PDF)', 'example.org/talk/handout.pdf'],
    ])
  })

  it('offers the short address to wrap after a slash, else before a hyphen or dot, never just after a hyphen', () => {
    const [, handout] = takeAwayCodes('https://you.github.io/ketamine-talk/', true)
    expect(identifierPieces(handout!.short)).toEqual([
      ['you', '.github', '.io/'],
      ['ketamine', '-talk/'],
      ['handout', '.pdf'],
    ])
    expect(identifierPieces(handout!.short).flat().join('')).toBe(handout!.short)
  })

  it('binds the codes to each <TakeAway /> of a slide, and leaves slides without one alone', () => {
    expect(expandTakeAway('# Title', 'https://example.org/')).toBeUndefined()
    expect(expandTakeAway('<TakeAway />', undefined)).toBe('<TakeAway />')
    const out = expandTakeAway('x\n\n<TakeAway handout />\n', 'https://example.org/')!
    const json = out.match(/^x\n\n<TakeAway :codes='(.*)' \/>\n$/)![1]!
    expect(JSON.parse(json).map((c: { url: string }) => c.url)).toEqual(['https://example.org/', 'https://example.org/handout.pdf'])
  })
})
