import { describe, expect, it } from 'vitest'
import { diagramLabel } from '../../lib/figureLabel'

const ids = { title: 't1', desc: 'd1' }

describe('diagramLabel', () => {
  it('on screen, names the diagram by its title and describes it by its desc', () => {
    expect(diagramLabel(false, ids, 'Day 0', 'One curve.')).toEqual({ 'aria-labelledby': 't1', 'aria-describedby': 'd1' })
  })

  it('in print, puts heading and description in one label, the tagged PDF\'s alternative text', () => {
    expect(diagramLabel(true, ids, 'Wind-up at 0.5 Hz', 'Sixteen stimuli.')).toEqual({ 'aria-label': 'Wind-up at 0.5 Hz. Sixteen stimuli.' })
  })

  it('ends the heading as a sentence once: a colon becomes a full stop, a question keeps its mark', () => {
    expect(diagramLabel(true, ids, '0.1 Hz: too slow:', 'Flat.')['aria-label']).toBe('0.1 Hz: too slow. Flat.')
    expect(diagramLabel(true, ids, 'Does it wind up?', 'No.')['aria-label']).toBe('Does it wind up? No.')
    expect(diagramLabel(true, ids, 'Done.', 'Yes.')['aria-label']).toBe('Done. Yes.')
    expect(diagramLabel(true, ids, 'Day 14 (6.3 times day 0.)', 'Shifted.')['aria-label']).toBe('Day 14 (6.3 times day 0.) Shifted.')
    expect(diagramLabel(true, ids, 'To be continued…', 'More.')['aria-label']).toBe('To be continued… More.')
  })

  it('leaves out a part that is empty, and the spaces around each', () => {
    expect(diagramLabel(true, ids, 'Day 0 ', ' One curve. ')['aria-label']).toBe('Day 0. One curve.')
    expect(diagramLabel(true, ids, '', 'One curve.')['aria-label']).toBe('One curve.')
    expect(diagramLabel(true, ids, 'Day 0', '')['aria-label']).toBe('Day 0.')
  })
})
