import { describe, expect, it } from 'vitest'
import { notesColumn } from '../../lib/presenterLayout'

describe('the presenter view\'s notes column on first opening', () => {
  it('on a 1920x1080 laptop: a wider column, the notes under the whole next slide', () => {
    const c = notesColumn({ width: 1920, height: 1080 }, 16 / 9)!
    expect(c.width).toBe(576)
    // The next slide, 544 px wide in its 576 px box (16 px around it), is 306 px tall; the
    // notes get the rest of the 1010 px, less 1 px of grid gap.
    expect(c.rowSize).toBe(1010 - 306 - 32 - 1)
  })

  it('on a 1366x768 laptop, and never narrower than Slidev\'s own 360 px', () => {
    expect(notesColumn({ width: 1366, height: 768 }, 16 / 9)).toEqual({ width: 410, rowSize: 698 - 213 - 32 - 1 })
    expect(notesColumn({ width: 1024, height: 768 }, 16 / 9)!.width).toBe(360)
  })

  it('a 4:3 deck\'s next slide is taller, so the notes row is shorter', () => {
    const wide = notesColumn({ width: 1920, height: 1080 }, 16 / 9)!
    const square = notesColumn({ width: 1920, height: 1080 }, 4 / 3)!
    expect(square.rowSize).toBe(1010 - 408 - 32 - 1)
    expect(square.rowSize).toBeLessThan(wide.rowSize)
  })

  it('keeps within Slidev\'s limits: at most 720 px wide, the notes row between 160 px and 3/4 of the view', () => {
    expect(notesColumn({ width: 3840, height: 2160 }, 16 / 9)!.width).toBe(720)
    expect(notesColumn({ width: 3840, height: 400 }, 16 / 9)!.rowSize).toBe(160)
    const tall = notesColumn({ width: 1200, height: 1190 }, 21 / 9)!
    expect(tall.rowSize).toBe(Math.round((1190 - 70) * 0.75))
  })

  it('leaves a window taller than wide to Slidev (its notes go under the slides there)', () => {
    expect(notesColumn({ width: 800, height: 1280 }, 16 / 9)).toBeNull()
  })
})
