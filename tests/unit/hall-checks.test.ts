import type { SlideMeasure } from '../../lib/hallChecks'
import { describe, expect, it } from 'vitest'
import { citationFindings, emptinessFindings, emptyShare, gutterFindings, hallTitle, marginFindings, overflowFindings, slideFindings, textKind, titleFindings, typeFindings, unionArea } from '../../lib/hallChecks'

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height })
const slide1920 = box(0, 0, 1920, 1080)
// A 1024x768 window shows the 16:9 slide 1024 wide, letterboxed 96 px down.
const slide1024 = box(0, 96, 1024, 576)
function measure(over: Partial<SlideMeasure> = {}): SlideMeasure {
  return {
    no: 4,
    where: 'slides/01.md:16',
    divider: false,
    slide: slide1920,
    title: {
      box: box(104, 84, 900, 72),
      px: 64,
    },
    texts: [],
    content: [],
    contentArea: box(104, 160, 1712, 832),
    citations: [],
    ...over,
  }
}

describe('text kinds', () => {
  const a = (tag: string, ...classes: string[]) => ({ tag, classes })
  it('reads footnotes, labels and body from the elements around a text', () => {
    expect(textKind([
      a('li'),
      a('ol', 'slide-sources-list'),
      a('footer', 'slide-sources'),
    ])).toBe('footnote')
    expect(textKind([
      a('sup', 'citation'),
      a('li'),
    ])).toBe('footnote')
    expect(textKind([
      a('tspan'),
      a('text'),
      a('svg'),
      a('figure', 'figure-frame'),
    ])).toBe('label')
    // A study's design and numbers: held to a label's size, not a footnote's.
    expect(textKind([
      a('p'),
      a('div', 'study-line'),
    ])).toBe('label')
    expect(textKind([
      a('text', 'footnote'),
      a('svg'),
      a('figure', 'figure-frame'),
    ])).toBe('footnote')
    expect(textKind([
      a('td'),
      a('tr'),
      a('table'),
    ])).toBe('label')
    expect(textKind([
      a('p', 'deck-kicker'),
    ])).toBe('label')
    expect(textKind([
      a('strong'),
      a('li'),
      a('ul'),
      a('div', 'slidev-layout'),
    ])).toBe('body')
  })
})

describe('type scale', () => {
  it('passes sizes at the minimum of their kind and flags smaller ones, in 1920 px', () => {
    const m = measure({
      texts: [
        { kind: 'body', px: 40, text: 'ok body' },
        { kind: 'label', px: 28, text: 'ok label' },
        { kind: 'footnote', px: 24, text: 'ok footnote' },
        { kind: 'body', px: 34, text: 'small body' },
      ],
    })
    const f = typeFindings(m)
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toContain('small body')
    expect(f[0]!.message).toContain('34.0 px')
  })

  it('scales a measure from a smaller window to 1920 px', () => {
    // 20 px on a slide drawn 1024 wide is 37.5 px at 1920: too small for body, fine for a label.
    const m = measure({
      slide: slide1024,
      texts: [
        { kind: 'body', px: 20, text: 'b' },
        { kind: 'label', px: 20, text: 'l' },
      ],
    })
    expect(typeFindings(m).map(f => f.message)).toEqual(['body text "b" is 37.5 px at 1920x1080, below 40 px'])
  })
})

describe('title box', () => {
  it('normalises a title to the 1920 frame of its slide', () => {
    const m = measure({
      slide: slide1024,
      title: {
        box: box(104 * 1024 / 1920, 96 + 84 * 1024 / 1920, 400, 30),
        px: 64 * 1024 / 1920,
      },
    })
    const t = hallTitle(m)!
    expect(t.left).toBeCloseTo(104)
    expect(t.top).toBeCloseTo(84)
    expect(t.px).toBeCloseTo(64)
  })

  it('accepts the same box at two window sizes and flags a title that moves or changes size', () => {
    const same = measure({
      no: 5,
      slide: slide1024,
      title: {
        box: box(104 * 1024 / 1920, 96 + 84 * 1024 / 1920, 400, 30),
        px: 64 * 1024 / 1920,
      },
    })
    expect(titleFindings([
      measure(),
      same,
    ])).toEqual([])
    const moved = measure({
      no: 6,
      title: {
        box: box(54, 84, 900, 60),
        px: 54,
      },
    })
    const f = titleFindings([
      measure(),
      moved,
    ])
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toMatch(/size 54\.0 px, not 64\.0.*left 54\.0, not 104\.0/)
  })

  it('skips dividers and flags a slide with no title', () => {
    const divider = measure({
      no: 3,
      divider: true,
      title: {
        box: box(600, 400, 700, 90),
        px: 88,
      },
    })
    const untitled = measure({ no: 7, title: undefined })
    expect(titleFindings([
      measure(),
      divider,
      untitled,
    ]).map(f => f.no)).toEqual([7])
  })
})

describe('emptiness', () => {
  it('computes the union of overlapping boxes exactly, clipped to the area', () => {
    expect(unionArea([
      box(0, 0, 10, 10),
      box(5, 5, 10, 10),
    ], box(0, 0, 100, 100))).toBe(175)
    expect(unionArea([
      box(-10, 0, 20, 10),
    ], box(0, 0, 100, 100))).toBe(100)
    expect(unionArea([], box(0, 0, 100, 100))).toBe(0)
  })

  it('flags a slide that fills only the top third of the area below its title', () => {
    const area = box(104, 160, 1712, 832)
    const topThird = measure({
      content: [
        box(104, 160, 1712, 250),
      ],
    })
    expect(emptyShare(topThird)).toBeCloseTo(1 - 250 / 832)
    expect(emptinessFindings(topThird)).toHaveLength(1)
    const half = measure({
      content: [
        box(104, 160, 1712, 420),
      ],
      contentArea: area,
    })
    expect(emptinessFindings(half)).toEqual([])
    expect(emptinessFindings(measure({ divider: true }))).toEqual([])
  })
})

describe('overflow and citations', () => {
  it('flags content past the canvas', () => {
    expect(overflowFindings(measure({
      content: [
        box(104, 1000, 800, 60),
      ],
    }))).toEqual([])
    expect(overflowFindings(measure({
      content: [
        box(104, 1040, 800, 60),
      ],
    }))[0]!.message).toContain('y 1040-1100 of 1080')
  })

  it('flags a sources line pushed past the foot of the slide', () => {
    expect(overflowFindings(measure({
      sources: box(104, 1060, 1712, 60),
      content: [
        box(104, 900, 800, 120),
      ],
    }))[0]!.message).toContain('y 1060-1120 of 1080')
  })

  it('flags content that runs into the sources line', () => {
    const sources = box(104, 1030, 1712, 30)
    expect(overflowFindings(measure({
      sources,
      content: [
        box(104, 900, 800, 120),
      ],
    }))).toEqual([])
    expect(overflowFindings(measure({
      sources,
      content: [
        box(104, 900, 800, 140),
      ],
    }))[0]!.message).toContain('run into the sources line')
  })

  it('flags a citation that takes two line boxes', () => {
    const m = measure({
      citations: [
        { text: '5–7', lines: 1 },
        { text: '28–30', lines: 2 },
      ],
    })
    expect(citationFindings(m).map(f => f.message)).toEqual(['citation [28–30] spans 2 line boxes'])
  })
})

describe('list markers', () => {
  it('finds a list whose markers hang left of the text margin, and none in a list indented as usual', () => {
    const area = {
      x: 100,
      y: 150,
      width: 1700,
      height: 800,
    }
    expect(marginFindings(measure({ contentArea: area, markersLeft: 123 }))).toEqual([])
    expect(marginFindings(measure({ contentArea: area, markersLeft: 97 }))).toEqual([])
    expect(marginFindings(measure({ contentArea: area }))).toEqual([])
    expect(marginFindings(measure({ contentArea: area, markersLeft: 70 }))).toEqual([
      expect.objectContaining({
        check: 'margin',
        message: expect.stringMatching(/^a list's markers hang 30 px \(at 1920x1080\) left of the slide's text margin/),
      }),
    ])
  })
})

describe('columns side by side', () => {
  it('finds two columns whose text comes closer than three-quarters of the body size, at any window size', () => {
    const apart = measure({
      gutters: [
        { column: 1, px: 30 },
        { column: 2, px: 62 },
      ],
    })
    expect(gutterFindings(apart)).toEqual([])
    const close = measure({
      gutters: [
        { column: 1, px: 62 },
        { column: 2, px: 20 },
      ],
    })
    expect(gutterFindings(close)).toEqual([
      expect.objectContaining({
        check: 'gutter',
        message: expect.stringMatching(/^20 px between column 2's text and column 3's \(at least 30 px/),
      }),
    ])
    // 16 px on a slide drawn 1024 wide is 30 px at 1920x1080: enough; 15 is not.
    expect(gutterFindings(measure({
      slide: slide1024,
      gutters: [
        { column: 1, px: 16 },
      ],
    }))).toEqual([])
    expect(gutterFindings(measure({
      slide: slide1024,
      gutters: [
        { column: 1, px: 15 },
      ],
    }))).toHaveLength(1)
    expect(slideFindings(close).map(f => f.check)).toContain('gutter')
  })
})
