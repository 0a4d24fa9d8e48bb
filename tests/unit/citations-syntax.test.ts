import { describe, expect, it } from 'vitest'
import { compressNumbers } from '../../addons/citations/lib/deck'
import { findCitations, lineColAt, maskNonCitableText, replaceCitations } from '../../addons/citations/lib/syntax'

const keys = (text: string) => findCitations(text).citations.map(c => c.items.map(i => i.key))

describe('citation key syntax', () => {
  it('finds a single key with its position', () => {
    const text = 'NMDA receptors [@petrenko2003].'
    const { citations } = findCitations(text)
    expect(citations).toHaveLength(1)
    const item = citations[0]!.items[0]!
    expect(citations[0]!.raw).toBe('[@petrenko2003]')
    expect(text.slice(item.offset, item.offset + 12)).toBe('petrenko2003')
  })

  it('splits several keys and keeps locators', () => {
    const { citations } = findCitations('[@mccartney2004; @helmy2001] and [@petrenko2003, p. 1110]')
    expect(citations.map(c => c.items)).toEqual([
      [
        { key: 'mccartney2004', offset: 2 },
        { key: 'helmy2001', offset: 18 },
      ],
      [
        { key: 'petrenko2003', locator: 'p. 1110', offset: 35 },
      ],
    ])
  })

  it('accepts a citation wrapped over two lines, as notes are, but not over a paragraph break', () => {
    expect(keys('subject of this lecture [@petrenko2003;\n@woolf2011]. Next')).toEqual([
      ['petrenko2003', 'woolf2011'],
    ])
    expect(keys('[@petrenko2003;\n\n@woolf2011]')).toEqual([])
  })

  it('ignores keys in fenced code blocks (backticks and tildes) and inline code', () => {
    const text = [
      'Real [@a1].',
      '```md',
      '[@incode]',
      '```',
      '~~~',
      '[@intilde]',
      '~~~',
      'Inline `[@inline]` and ``x [@double] x`` but [@b2].',
    ].join('\n')
    expect(keys(text)).toEqual([
      ['a1'],
      ['b2'],
    ])
  })

  it('ignores keys in HTML comments inside a slide, which never render', () => {
    expect(keys('Shown [@a1] <!-- hidden [@b2] -->')).toEqual([
      ['a1'],
    ])
  })

  it('keeps offsets when masking code', () => {
    const text = 'x `[@k]`\n```\n[@k]\n```\n'
    expect(maskNonCitableText(text)).toHaveLength(text.length)
    expect(maskNonCitableText(text).split('\n')).toHaveLength(text.split('\n').length)
  })

  it('reports citation-like text that does not parse', () => {
    const { citations, malformed } = findCitations('Bad [@a and b] ok [@c] bad [@ d]')
    expect(citations.map(c => c.raw)).toEqual(['[@c]'])
    expect(malformed.map(m => m.raw)).toEqual(['[@a and b] ok [@c] bad [@ d]', '[@ d]'])
  })

  it('is not fooled by e-mail addresses or ordinary brackets', () => {
    expect(findCitations('mail me at a@b.org [see note] [x@y]')).toEqual({ citations: [], malformed: [] })
  })

  it('replaces citations only, and attaches them to the preceding word when asked', () => {
    const text = 'pain [@a; @b] and `[@a]` here'
    expect(replaceCitations(text, c => `<${c.items.length}>`)).toBe('pain <2> and `[@a]` here')
    expect(replaceCitations(text, c => `<${c.items.length}>`, { attach: true })).toBe('pain<2> and `[@a]` here')
    expect(replaceCitations('wrapped\n[@a] line', () => '<1>', { attach: true })).toBe('wrapped<1> line')
    expect(replaceCitations('para\n\n[@a] next', () => '<1>', { attach: true })).toBe('para\n\n<1> next')
  })

  it('maps offsets to 1-based line and column', () => {
    expect(lineColAt('ab\ncd\nef', 0)).toEqual({ line: 1, col: 1 })
    expect(lineColAt('ab\ncd\nef', 4)).toEqual({ line: 2, col: 2 })
    expect(lineColAt('ab\ncd\nef', 6)).toEqual({ line: 3, col: 1 })
  })

  it('compresses reference numbers as Vancouver superscripts', () => {
    expect(compressNumbers([3, 1, 2, 5])).toBe('1–3,5')
    expect(compressNumbers([1, 2])).toBe('1,2')
    expect(compressNumbers([7, 7, 4])).toBe('4,7')
  })
})
