import type { Slide } from '../../lib/deck'
import { describe, expect, it } from 'vitest'
import { checkComponents, toPascal } from '../../lib/componentCheck'
import { nearest } from '../../lib/nearest'

function slide(content: string, contentLine = 10): Slide {
  return {
    no: 3,
    title: 'T',
    file: 'slides/01.md',
    line: 8,
    contentLine,
    note: '',
    frontmatter: {},
    content,
    frontmatterErrors: [],
  }
}
const known = new Set([
  'MgBlockChannel',
  'ToleranceCurves',
  'VClick',
  'VClicks',
  'Arrow',
])

describe('checkComponents', () => {
  it('reports an unknown component at its file, line and column with a suggestion', () => {
    const f = checkComponents([
      slide('# T\n\n  <MgBlockChanel :step="$clicks" />'),
    ], known)
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ file: 'slides/01.md', line: 12, column: 3 })
    expect(f[0]!.message).toContain('<MgBlockChannel>')
  })

  it('accepts known components, kebab-case built-ins and plain HTML', () => {
    expect(checkComponents([
      slide('<MgBlockChannel />\n<v-clicks>\n\n- a\n\n</v-clicks>\n<div class="x"><sup>2+</sup></div>'),
    ], known)).toEqual([])
  })

  it('ignores tags in code blocks, inline code and HTML comments', () => {
    expect(checkComponents([
      slide('```vue\n<Nope />\n```\n`<Nope/>`\n<!-- <Nope /> -->'),
    ], known)).toEqual([])
  })

  it('helpers', () => {
    expect(toPascal('v-clicks')).toBe('VClicks')
    expect(nearest('TolerenceCurves', known)).toEqual(['ToleranceCurves'])
  })
})
