import { describe, expect, it } from 'vitest'
import { deckOutline, outlineToText } from '../../lib/outline'

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

  it('writes the outline-pdf line format', () => {
    expect(outlineToText(deckOutline(slides.slice(0, 3), no => no))).toBe('1||NMDA receptors and pain\n2||NMDA Receptor: Definition\n3|-|NMDA Receptor: Definition')
  })
})
