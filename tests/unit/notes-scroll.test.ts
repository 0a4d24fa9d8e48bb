import { describe, expect, it } from 'vitest'
import { noteScrollTop } from '../../lib/notesScroll'

describe('noteScrollTop', () => {
  const pane = { top: 100, height: 300, scrollTop: 0 }
  it('leaves a paragraph in full view where it is', () => {
    expect(noteScrollTop(pane, { top: 150, height: 100 })).toBeNull()
  })
  it('brings a paragraph from below the pane to its top', () => {
    expect(noteScrollTop(pane, { top: 1100, height: 100 })).toBe(992)
  })
  it('brings a paragraph scrolled past back, and never below 0', () => {
    expect(noteScrollTop({ ...pane, scrollTop: 800 }, { top: -200, height: 100 })).toBe(492)
    expect(noteScrollTop({ ...pane, scrollTop: 5 }, { top: 98, height: 100 })).toBe(0)
  })
  it('shows a paragraph taller than the pane from its first line', () => {
    expect(noteScrollTop(pane, { top: 100, height: 500 })).toBe(0)
    expect(noteScrollTop(pane, { top: 300, height: 500 })).toBe(192)
  })
})
