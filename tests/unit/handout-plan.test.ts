import type { HandoutContent } from '../../lib/handout/content'
import { describe, expect, it } from 'vitest'
import { handoutGeometry, ruledReserve } from '../../lib/handout/geometry'
import { PAPERS } from '../../lib/handout/paper'
import { APPENDIX_TITLE, appendixPart, planHandout } from '../../lib/handout/plan'

function row(no: number, title: string, section?: string) {
  return {
    no,
    title,
    ...(section
      ? { section }
      : {}),
  }
}
const ref = (n: number) => ({ number: n })

const content: HandoutContent = {
  rows: [
    row(1, 'Talk'),
    row(2, 'Part A', 'Part A'),
    row(3, 'A1', 'Part A'),
    row(4, 'A2', 'Part A'),
    row(5, 'Part B', 'Part B'),
    row(6, 'B1', 'Part B'),
  ],
  references: [
    ref(1),
    ref(2),
    ref(3),
  ],
  referencesNo: 7,
  outlineSlides: [
    { no: 1, title: 'Talk', layout: 'cover' },
    { no: 2, title: 'Part A', layout: 'section' },
    { no: 3, title: 'A1' },
    { no: 4, title: 'A2' },
    { no: 5, title: 'Part B', layout: 'section' },
    { no: 6, title: 'B1' },
    { no: 7, title: 'References', layout: 'section' },
  ],
}

describe('planHandout', () => {
  const options = { paper: PAPERS.a4, perPage: 3 as const }
  const g = handoutGeometry(options, { width: 980, height: 551 })

  it('ends with the "Sources and corrections" appendix, after the references, bookmarked and paged like them', () => {
    const withAppendix: HandoutContent = {
      ...content,
      appendix: [1, 2, 3].map(no => ({ no, title: `S${no}`, html: '<p>Correction: x.</p>' })),
    }
    const plan = planHandout(withAppendix, g, options, {
      rows: [200, 200, 200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
      appendixHead: 60,
      appendix: [g.bodyHeight - 100, 200, 40],
    })
    expect(plan.pages.map(p => [p.kind, p.label])).toEqual([
      ['cover', 'Cover'],
      ['slides', 'Talk'],
      ['slides', 'Part A · Part B'],
      ['references', 'References'],
      ['appendix', `${APPENDIX_TITLE} (1/2)`],
      ['appendix', `${APPENDIX_TITLE} (2/2)`],
    ])
    expect(plan.pages.slice(4).map(p => p.kind === 'appendix' && [p.items, p.withHead])).toEqual([
      [
        [0],
        true,
      ],
      [
        [1, 2],
        false,
      ],
    ])
    expect(plan.outline.at(-1)).toEqual({ title: APPENDIX_TITLE, page: 5, children: [] })
    expect(plan.outline.at(-2)!.title).toBe('References')
    // Nothing to list: no appendix page and no bookmark.
    const none = planHandout(content, g, options, {
      rows: [200, 200, 200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
    })
    expect(none.pages.some(p => p.kind === 'appendix')).toBe(false)
    expect(none.outline.some(o => o.title === APPENDIX_TITLE)).toBe(false)
    expect(() => planHandout(withAppendix, g, options, {
      rows: [1, 1, 1, 1, 1, 1],
      refHead: 1,
      refs: [1, 1, 1],
    })).toThrow(/appendix/)
  })

  // The handout's last reference once had a page to itself, the appendix starting on the next.
  it('starts the appendix under the last references where its heading and first entry fit', () => {
    const withAppendix: HandoutContent = {
      ...content,
      appendix: [1, 2, 3].map(no => ({ no, title: `S${no}`, html: '<p>Correction: x.</p>' })),
    }
    const measure = (first: number) => planHandout(withAppendix, g, options, {
      rows: [200, 200, 200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
      appendixHead: 60,
      appendix: [first, g.bodyHeight - 200, 40],
    })
    // 180 of the page used by the references: heading and first entry (60 + 100) fit under them.
    const plan = measure(100)
    expect(plan.pages.slice(3).map(p => [p.kind, p.label])).toEqual([
      ['references', `References · ${APPENDIX_TITLE} (1/2)`],
      ['appendix', `${APPENDIX_TITLE} (2/2)`],
    ])
    expect(plan.pages[3]).toMatchObject({
      items: [0, 1, 2],
      withHead: true,
      appendix: [0],
    })
    expect(appendixPart(plan.pages[3]!)).toEqual({
      items: [0],
      withHead: true,
    })
    expect(plan.pages[4]).toMatchObject({
      items: [1, 2],
      withHead: false,
    })
    expect(plan.outline.at(-1)).toEqual({ title: APPENDIX_TITLE, page: 4, children: [] })
    expect(plan.outline.at(-2)).toMatchObject({ title: 'References', page: 4 })
    // One unit too tall to fit under them: the appendix starts a page, its heading with it.
    const apart = measure(g.bodyHeight - 180 - 60 + 1)
    expect(apart.pages.slice(3).map(p => [p.kind, p.label])).toEqual([
      ['references', 'References'],
      ['appendix', `${APPENDIX_TITLE} (1/2)`],
      ['appendix', `${APPENDIX_TITLE} (2/2)`],
    ])
    expect(appendixPart(apart.pages[3]!)).toBeUndefined()
    expect(apart.pages[4]).toMatchObject({
      items: [0],
      withHead: true,
    })
    expect(apart.outline.at(-1)).toEqual({ title: APPENDIX_TITLE, page: 5, children: [] })
    // A first entry that fits a page alone but not with the heading: the heading has a page of
    // its own (not under the references), and the entry the next one; nothing runs over.
    const tall = measure(g.bodyHeight - 30)
    expect(tall.pages.slice(3).map(p => p.kind === 'references' || p.kind === 'appendix'
      ? [p.kind, p.items, p.withHead]
      : p.kind)).toEqual([
      [
        'references',
        [0, 1, 2],
        true,
      ],
      ['appendix', [], true],
      [
        'appendix',
        [0],
        false,
      ],
      [
        'appendix',
        [1, 2],
        false,
      ],
    ])
    expect(appendixPart(tall.pages[3]!)).toBeUndefined()
    expect(tall.outline.at(-1)).toEqual({ title: APPENDIX_TITLE, page: 5, children: [] })
  })

  it('puts the cover first, packs the slides, and ends with the references', () => {
    // Slide 4 has long notes: it cannot share a page with two others.
    const tall = g.bodyHeight - ruledReserve(g) - 100
    const plan = planHandout(content, g, options, {
      rows: [200, 200, 200, tall, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
    })
    expect(plan.pages.map(p => p.kind)).toEqual([
      'cover',
      'slides',
      'slides',
      'slides',
      'references',
    ])
    expect(plan.pages.filter(p => p.kind === 'slides').map(p => (p as { rows: number[] }).rows)).toEqual([
      [0, 1, 2],
      [3],
      [4, 5],
    ])
    expect([...plan.pageOfSlide]).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 3],
      [5, 4],
      [6, 4],
      [7, 5],
    ])
    expect(plan.oversize).toEqual([])
  })

  it('heads each slide page with its sections, both where a page runs into the next; the opening page with none', () => {
    const plan = planHandout(content, g, options, {
      rows: [200, 200, 200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
    })
    expect(plan.pages.filter(p => p.kind === 'slides').map(p => [p.rows, p.section])).toEqual([
      [
        [0, 1, 2],
        undefined,
      ],
      [
        [3, 4, 5],
        'Part A · Part B',
      ],
    ])
  })

  it('bookmarks sections and slides at the pages they land on', () => {
    const plan = planHandout(content, g, options, {
      rows: [200, 200, 200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
    })
    expect(plan.outline.map(o => [
      o.title,
      o.page,
      o.children.map(c => [c.title, c.page]),
    ])).toEqual([
      ['Talk', 2, []],
      [
        'Part A',
        2,
        [
          ['A1', 2],
          ['A2', 3],
        ],
      ],
      [
        'Part B',
        3,
        [
          ['B1', 3],
        ],
      ],
      ['References', 4, []],
    ])
  })

  it('runs the reference list over as many pages as it needs, heading first', () => {
    const plan = planHandout(content, g, options, {
      rows: [200, 200, 200, 200, 200, 200],
      refHead: 60,
      refs: [g.bodyHeight - 100, 200, 40],
    })
    const refs = plan.pages.filter(p => p.kind === 'references') as { items: number[], withHead: boolean, label: string }[]
    expect(refs.map(r => [r.items, r.withHead, r.label])).toEqual([
      [
        [0],
        true,
        'References (1/2)',
      ],
      [
        [1, 2],
        false,
        'References (2/2)',
      ],
    ])
  })

  it('reports a slide whose notes cannot fit on a page', () => {
    const plan = planHandout(content, g, options, {
      rows: [200, g.bodyHeight, 200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
    })
    expect(plan.oversize).toEqual([1])
  })

  it('puts at most two slides on a page when asked for two', () => {
    const two = { paper: PAPERS.letter, perPage: 2 as const }
    const plan = planHandout(content, handoutGeometry(two, { width: 980, height: 551 }), two, {
      rows: [200, 200, 200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
    })
    expect(plan.pages.map(p => p.kind === 'slides'
      ? p.rows
      : p.kind)).toEqual([
      'cover',
      [0, 1],
      [2, 3],
      [4, 5],
      'references',
    ])
  })

  it('refuses measurements that do not match the content', () => {
    expect(() => planHandout(content, g, options, {
      rows: [1],
      refHead: 1,
      refs: [1, 1, 1],
    })).toThrow(/measured 1 rows/)
  })
})

describe('bookmarks when the deck puts its references before other slides', () => {
  it('still lists pages in order, as PDF outlines need, with the reference list last', () => {
    const options = { paper: PAPERS.a4, perPage: 2 as const }
    const g = handoutGeometry(options, { width: 980, height: 551 })
    const mid: HandoutContent = {
      ...content,
      rows: [
        row(1, 'Talk'),
        row(2, 'Part A', 'Part A'),
        row(3, 'A1', 'Part A'),
        row(5, 'Questions', 'Part A'),
      ],
      referencesNo: 4,
      outlineSlides: [
        { no: 1, title: 'Talk', layout: 'cover' },
        { no: 2, title: 'Part A', layout: 'section' },
        { no: 3, title: 'A1' },
        { no: 5, title: 'Questions', layout: 'center' },
        { no: 4, title: 'References', layout: 'section' },
      ],
    }
    const plan = planHandout(mid, g, options, {
      rows: [200, 200, 200, 200],
      refHead: 60,
      refs: [40, 40, 40],
    })
    const flat = (items: typeof plan.outline): number[] => items.flatMap(i => [
      i.page,
      ...flat(i.children),
    ])
    const pages = flat(plan.outline)
    expect(pages).toEqual([...pages].sort((a, b) => a - b))
    expect(plan.outline.at(-1)).toEqual({ title: 'References', page: plan.pages.length, children: [] })
  })
})
