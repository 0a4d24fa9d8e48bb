import { describe, expect, it } from 'vitest'
import { checkHeadmatter } from '../../lib/talkConfig'

const md = (lines: string[]) => ['---', ...lines, '---', '', '<TitleSlide />'].join('\n')
const check = (lines: string[], hm: Record<string, unknown>, exists = () => true) => checkHeadmatter('slides.md', md(lines), hm, exists)

describe('checkHeadmatter', () => {
  it('accepts the talk keys and Slidev options', () => {
    expect(check(['title: T', 'author: A', 'accent: "#0b5cad"', 'theme: default'], { title: 'T', author: 'A', accent: '#0b5cad', theme: 'default' })).toEqual([])
  })

  it('names a mistyped key at its line with the nearest known key', () => {
    const f = check(['title: T', 'afiliation: X'], { title: 'T', afiliation: 'X' })
    expect(f).toEqual([expect.objectContaining({ file: 'slides.md', line: 3, column: 1 })])
    expect(f[0]!.message).toMatch(/^unknown headmatter key 'afiliation'\. Did you mean 'affiliation'/)
  })

  it('keeps the presenter\'s name out of Slidev\'s presenter switch', () => {
    const f = check(['title: T', 'presenter: Dr A'], { title: 'T', presenter: 'Dr A' })
    expect(f.map(x => x.message).join()).toContain('put the presenter\'s name in \'author\'')
  })

  it('checks the date, the accent colour, the title and the bibliography path', () => {
    const f = check(['date: 22/11/2026', 'accent: blue', 'bibliography: refs.bib'], { date: '22/11/2026', accent: 'blue', bibliography: 'refs.bib' }, () => false)
    expect(f.map(x => x.message)).toEqual([
      expect.stringContaining('needs a \'title\''),
      expect.stringContaining('\'date\' should be a day as YYYY-MM-DD'),
      expect.stringContaining('\'accent\' should be a colour as #rrggbb'),
      expect.stringContaining('\'bibliography\' names refs.bib, which does not exist'),
    ])
  })
})
