import { describe, expect, it } from 'vitest'
import { alternate, median, printedDeckProblem, quantile, summary } from '../../lib/benchStats'

describe('benchmark statistics', () => {
  it('takes the median of odd and even samples, and quantiles by nearest rank', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10)
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5)
  })

  it('reports median and range', () => {
    expect(summary([12, 10, 11])).toBe('11.0 (10.0-12.0)')
    expect(summary([])).toBe('-')
  })

  it('alternates which side runs first', async () => {
    const log: string[] = []
    const side = (name: string, value: number) => async () => {
      log.push(name)
      return value
    }
    const r = await alternate(3, side('ours', 1), side('stock', 2))
    expect(log).toEqual([
      'ours',
      'stock',
      'stock',
      'ours',
      'ours',
      'stock',
    ])
    expect(r).toEqual({
      ours: [1, 1, 1],
      stock: [2, 2, 2],
    })
  })

  it('calls a blank or short print of a deck what it is', () => {
    expect(printedDeckProblem(['Title', 'Slide two'], 2)).toBeUndefined()
    expect(printedDeckProblem(['', ' \n', 'x'], 3)).toBe('3 of 3 pages are blank')
    expect(printedDeckProblem(['a b c'], 2)).toBe('1 pages for 2 slides')
  })
})
