import { describe, expect, it } from 'vitest'
import { kickerParts } from '../../lib/kicker'

function shown(text: string) {
  return kickerParts(text).map(p => p.keepCase
    ? p.text
    : p.text.toUpperCase()).join('')
}

describe('a kicker set in capitals', () => {
  it('keeps the plural of an abbreviation in lower case', () => {
    expect(shown('Figure 2. The role of NMDARs in central sensitization')).toBe('FIGURE 2. THE ROLE OF NMDARs IN CENTRAL SENSITIZATION')
    expect(shown('Memantine and TCAs')).toBe('MEMANTINE AND TCAs')
    expect(shown('NMDARs and TCAs')).toBe('NMDARs AND TCAs')
  })

  it('leaves words, and abbreviations without a plural, to the capitals', () => {
    expect(kickerParts('Windup pain')).toEqual([
      { text: 'Windup pain', keepCase: false },
    ])
    expect(kickerParts('NMDA receptor: definition')).toEqual([
      { text: 'NMDA receptor: definition', keepCase: false },
    ])
    // A capital and then "s" is a word (Ms, Is), not an abbreviation's plural.
    expect(kickerParts('Is it NR2B')).toEqual([
      { text: 'Is it NR2B', keepCase: false },
    ])
    expect(kickerParts('')).toEqual([
      { text: '', keepCase: false },
    ])
  })

  it('loses no character', () => {
    const text = 'Possible subunits (A) of NMDARs, CPSPs and the GluN2Bs'
    expect(kickerParts(text).map(p => p.text).join('')).toBe(text)
  })
})
