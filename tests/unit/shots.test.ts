import { describe, expect, it } from 'vitest'
import { contactSheet, parseSize, parseSlides, shotFile } from '../../lib/shots'

describe('npm run shots: sizes, slide ranges, names and the contact sheet', () => {
  it('reads WIDTHxHEIGHT and refuses anything else', () => {
    expect(parseSize('1920x1080')).toEqual({ width: 1920, height: 1080 })
    expect(() => parseSize('1920*1080')).toThrow(/not WIDTHxHEIGHT/)
    expect(() => parseSize('big')).toThrow(/not WIDTHxHEIGHT/)
  })

  it('reads slide numbers and ranges within the deck, in order, each once', () => {
    expect(parseSlides(undefined, 3)).toEqual([1, 2, 3])
    expect(parseSlides('5, 2-3,3', 9)).toEqual([2, 3, 5])
    expect(() => parseSlides('4-2', 9)).toThrow(/outside 1-9/)
    expect(() => parseSlides('10', 9)).toThrow(/outside 1-9/)
    expect(() => parseSlides('two', 9)).toThrow(/not a number or a range/)
  })

  it('names files so that a listing sorts in slide and click order, one folder per size and scheme', () => {
    expect(shotFile({ width: 1024, height: 768 }, 'dark', 7, 2)).toBe('1024x768-dark/07-click2.png')
    const names = [12, 3, 7].map(n => shotFile({ width: 1920, height: 1080 }, 'light', n, 0))
    expect([...names].sort()).toEqual([3, 7, 12].map(n => shotFile({ width: 1920, height: 1080 }, 'light', n, 0)))
  })

  it('lays out one row per slide with its clicks in order, titles escaped, each set under its own heading', () => {
    const size = { width: 1920, height: 1080 }
    const html = contactSheet([
      {
        size,
        scheme: 'light',
        shots: [
          {
            slide: 2,
            click: 1,
            title: 'Mg<sup>2+</sup> & block',
            file: shotFile(size, 'light', 2, 1),
          },
          {
            slide: 1,
            click: 0,
            title: 'Title',
            file: shotFile(size, 'light', 1, 0),
          },
          {
            slide: 2,
            click: 0,
            title: 'Mg<sup>2+</sup> & block',
            file: shotFile(size, 'light', 2, 0),
          },
        ],
      },
    ], 'A <talk>')
    expect(html).toContain('<h2 id="1920x1080-light">1920 x 1080, light</h2>')
    expect(html).toContain('A &lt;talk&gt;')
    expect(html).not.toContain('<sup>2+</sup>')
    const order = [
      ...html.matchAll(/src="([^"]+)"/g),
    ].map(m => m[1])
    expect(order).toEqual(['1920x1080-light/01-click0.png', '1920x1080-light/02-click0.png', '1920x1080-light/02-click1.png'])
    expect(html).toContain('alt="Slide 2, click 1: Mg&lt;sup&gt;2+&lt;/sup&gt; &amp; block"')
  })
})
