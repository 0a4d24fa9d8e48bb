import type { Slide } from '../../lib/deck'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkComponents, checkFigureAlts, checkFigureNames, figureNames, iconComponents, knownComponents, toPascal } from '../../lib/componentCheck'
import { nearest } from '../../lib/nearest'
import { projectRoot } from '../support/project'

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

describe('checkFigureNames', () => {
  it('names a FigureFrame whose figure does not exist, at its name, with the nearest figure', () => {
    const f = checkFigureNames([
      slide('# T\n\n<FigureFrame name="receptive-feild" alt="A" />\n<FigureFrame name="windup-chain" alt="B" />'),
    ], ['receptive-field', 'windup-chain'])
    expect(f).toEqual([
      {
        file: 'slides/01.md',
        line: 12,
        column: 14,
        message: '<FigureFrame name="receptive-feild">: there is no figures/receptive-feild.svg. Did you mean name="receptive-field"? The name is the file\'s, without .svg (figures: receptive-field, windup-chain).',
      },
    ])
  })

  it('reads the figures of this deck, and every FigureFrame of its slides names one of them', async () => {
    const figures = figureNames(join(projectRoot, 'figures'))
    expect(figures).toContain('windup-chain')
    const { loadDeck } = await import('../../lib/deck')
    expect(checkFigureNames((await loadDeck(join(projectRoot, 'slides.md'))).slides, figures)).toEqual([])
  })
})

describe('checkFigureAlts', () => {
  it('names a FigureFrame with no alt or an empty one, at its tag, and says what to write', () => {
    const f = checkFigureAlts([
      slide('# T\n\n<FigureFrame name="windup-chain" />\n\nText <FigureFrame name="receptive-field" alt=" " />'),
    ])
    expect(f).toEqual([
      {
        file: 'slides/01.md',
        line: 12,
        column: 1,
        message: '<FigureFrame name="windup-chain">: no alt. Add alt="what the figure shows", a sentence or two: a screen reader says it for the figure, in the browser and in both PDFs.',
      },
      {
        file: 'slides/01.md',
        line: 14,
        column: 6,
        message: '<FigureFrame name="receptive-field">: its alt is empty. Add alt="what the figure shows", a sentence or two: a screen reader says it for the figure, in the browser and in both PDFs.',
      },
    ])
  })

  it('reads an empty alt before another attribute, and a > or a quote inside a value, as written', () => {
    expect(checkFigureAlts([
      slide('<FigureFrame alt="" name="a" />\n<FigureFrame alt=\'  \' name="b" />\n<FigureFrame name="c" alt="Dose > threshold, \'quoted\'" />'),
    ]).map(f => `${f.line}:${f.column} ${f.message.split('.')[0]}`)).toEqual([
      '10:1 <FigureFrame name="a">: its alt is empty',
      '11:1 <FigureFrame name="b">: its alt is empty',
    ])
  })

  it('names a misspelt figure at its name, on the name\'s own line', () => {
    expect(checkFigureNames([
      slide('<FigureFrame\n  alt="A > B"\n  name="windup-chian"\n/>'),
    ], ['windup-chain']).map(f => `${f.line}:${f.column}`)).toEqual(['12:3'])
  })

  it('reads a tag over several lines, a bound alt and one in code as written', () => {
    expect(checkFigureAlts([
      slide('<FigureFrame\n  name="windup-chain"\n  alt="A chain of events."\n/>\n<FigureFrame name="a" :alt="words.a" />\n<FigureFrame name="b" alt=\'Single quotes.\' />\n\n```html\n<FigureFrame name="c" />\n```'),
    ])).toEqual([])
  })

  it('finds every FigureFrame of this deck described', async () => {
    const { loadDeck } = await import('../../lib/deck')
    const slides = (await loadDeck(join(projectRoot, 'slides.md'))).slides
    expect(checkFigureAlts(slides)).toEqual([])
  })
})

describe('icons', () => {
  it('knows the icons of the Iconify sets Slidev installs, and only those', () => {
    const icons = new Set(iconComponents(join(projectRoot, 'node_modules/@iconify-json')))
    expect(icons.has('CarbonHelp')).toBe(true)
    expect(icons.has('PhBrain')).toBe(true)
    expect(icons.has('CarbonNoSuchIconAtAll')).toBe(false)
    const all = knownComponents(projectRoot)
    expect(checkComponents([
      slide('<carbon-help class="icon" />\n<ph-brain />'),
    ], all)).toEqual([])
    expect(checkComponents([
      slide('<carbon-helpp />'),
    ], all)[0]!.message).toContain('unknown component <carbon-helpp>')
  })

  it('finds no icons where no set is installed', () => {
    expect(iconComponents(join(projectRoot, 'no-such-dir'))).toEqual([])
  })
})
