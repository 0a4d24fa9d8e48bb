import type { Drawn } from '../e2e/diagramBoxes'
import { describe, expect, it } from 'vitest'
import { overlaps } from '../e2e/diagramBoxes'

// The rules the end-to-end layout checks apply to what Chromium drew, on boxes made up here:
// the check must see a collision when there is one, or its passing says nothing.
function item(kind: Drawn['kind'], id: string, x: number, y: number, w: number, h: number): Drawn {
  return {
    kind,
    id,
    text: id,
    x,
    y,
    w,
    h,
    fontPx: 30,
  }
}

describe('overlaps(), the browser-side collision rules', () => {
  it('sees text on text, and text apart', () => {
    expect(overlaps([
      item('text', 'a', 0, 0, 50, 20),
      item('text', 'b', 40, 10, 50, 20),
    ])).toHaveLength(1)
    expect(overlaps([
      item('text', 'a', 0, 0, 50, 20),
      item('text', 'b', 0, 21, 50, 20),
    ])).toEqual([])
  })

  it('sees a label on an ion', () => {
    expect(overlaps([
      item('ion', 'na', 0, 0, 40, 40),
      item('text', 'label', 30, 10, 60, 20),
    ])).toHaveLength(1)
  })

  it('treats ions as circles: diagonal neighbours whose boxes touch are apart, stacked ones are not', () => {
    expect(overlaps([
      item('ion', 'a', 0, 0, 40, 40),
      item('ion', 'b', 31, 31, 40, 40),
    ])).toEqual([])
    expect(overlaps([
      item('ion', 'a', 0, 0, 40, 40),
      item('ion', 'b', 20, 0, 40, 40),
    ])).toHaveLength(1)
  })

  it('lets a label sit wholly inside a shape, but not across its edge', () => {
    const box = item('shape', 'subunit', 0, 0, 64, 160)
    expect(overlaps([
      box,
      item('text', 'name', 5, 50, 50, 20),
    ])).toEqual([])
    expect(overlaps([
      box,
      item('text', 'name', 40, 50, 50, 20),
    ])).toHaveLength(1)
  })

  it('allows what the caller names as by design (a bound agonist on its subunit)', () => {
    const pair = [
      item('shape', 'glun1', 0, 0, 64, 160),
      item('ion', 'mg-ligand', -12, 30, 24, 24),
    ]
    expect(overlaps(pair)).toHaveLength(1)
    expect(overlaps(pair, (a, b) => a.id === 'mg-ligand' && b.id === 'glun1')).toEqual([])
  })
})
