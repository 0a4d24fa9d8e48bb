import { describe, expect, it } from 'vitest'
import { deckOutline, outlineToText, partStarts } from '../../lib/outline'

const slides = [
  { no: 1, title: 'NMDA receptors and pain', layout: 'cover' },
  { no: 2, title: 'NMDA Receptor: Definition', layout: 'section' },
  { no: 3, title: 'NMDA Receptor: Definition' },
  { no: 4, title: 'NMDA Receptor: Definition' },
  { no: 5, title: 'Clinical Implications', layout: 'section' },
  { no: 6, title: 'Windup Pain' },
]

describe('deckOutline', () => {
  it('nests slides under the section divider before them', () => {
    const o = deckOutline(slides, no => no)
    expect(o.map(i => i.title)).toEqual(['NMDA receptors and pain', 'NMDA Receptor: Definition', 'Clinical Implications'])
    expect(o[1]!.children.map(c => c.page)).toEqual([3, 4])
    expect(o[2]!.children.map(c => c.title)).toEqual(['Windup Pain'])
  })

  it('numbers repeated titles so bookmarks stay distinguishable', () => {
    const o = deckOutline(slides, no => no)
    expect(o[1]!.children.map(c => c.title)).toEqual(['NMDA Receptor: Definition', 'NMDA Receptor: Definition (2)'])
  })

  it('points at the first page of a slide when clicks add pages', () => {
    const pages = new Map([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 6],
      [5, 7],
      [6, 8],
    ])
    expect(deckOutline(slides, no => pages.get(no)!)[1]!.children[1]!.page).toBe(6)
  })

  it('makes a part of the closing slides the presenter\'s clock times apart, as the presenter view names them', () => {
    // Budgets as slides.md gives them: the src: block's budget reaches every slide it imports,
    // the title and objectives before the first one.
    const talk = [
      { no: 1, title: 'Talk', layout: 'cover' },
      { no: 2, title: 'Learning objectives' },
      {
        no: 3,
        title: 'Definition',
        layout: 'section',
        budget: '6min',
      },
      { no: 4, title: 'Glutamate', budget: '6min' },
      {
        no: 5,
        title: 'Summary',
        layout: 'section',
        budget: '2min',
      },
      { no: 6, title: 'Take-home messages', budget: '2min' },
      {
        no: 7,
        title: 'Questions',
        layout: 'center',
        budget: '3min',
      },
      { no: 8, title: 'References (1/2)', budget: '1min' },
      { no: 9, title: 'References (2/2)', budget: '1min' },
    ]
    const o = deckOutline(talk, no => no)
    expect(o.map(i => [
      i.title,
      i.page,
      i.children.map(c => c.title),
    ])).toEqual([
      ['Talk', 1, []],
      ['Learning objectives', 2, []],
      [
        'Definition',
        3,
        ['Glutamate'],
      ],
      [
        'Summary',
        5,
        ['Take-home messages'],
      ],
      ['Questions', 7, []],
      [
        'References',
        8,
        ['References (1/2)', 'References (2/2)'],
      ],
    ])
    expect([
      ...partStarts(talk),
    ]).toEqual([
      [3, 'Definition'],
      [5, 'Summary'],
      [7, 'Questions'],
      [8, 'References'],
    ])
    // Without budgets, the dividers alone make the parts.
    expect(deckOutline(talk.map(({ budget: _, ...s }) => s), no => no).at(-1)!.children.map(c => c.title)).toEqual([
      'Take-home messages',
      'Questions',
      'References (1/2)',
      'References (2/2)',
    ])
  })

  it('starts the first part where its budget starts, when no divider opens it', () => {
    const talk = [
      { no: 1, title: 'Talk', layout: 'cover' },
      { no: 2, title: 'Glutamate', budget: '5min' },
      { no: 3, title: 'Receptors', budget: '5min' },
      { no: 4, title: 'Drugs', budget: '3min' },
    ]
    expect([
      ...partStarts(talk),
    ]).toEqual([
      [2, 'Glutamate'],
      [4, 'Drugs'],
    ])
    expect(deckOutline(talk, no => no).map(i => [
      i.title,
      i.children.map(c => c.title),
    ])).toEqual([
      ['Talk', []],
      [
        'Glutamate',
        ['Glutamate', 'Receptors'],
      ],
      ['Drugs', []],
    ])
  })

  it('writes the outline-pdf line format', () => {
    expect(outlineToText(deckOutline(slides.slice(0, 3), no => no))).toBe('1||NMDA receptors and pain\n2||NMDA Receptor: Definition\n3|-|NMDA Receptor: Definition')
  })
})
