import type { CitedDeck } from '../../addons/citations/lib'
import { relative, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCitedDeck } from '../../addons/citations/lib'
import { showsNumber, uncitedNumbers } from '../../lib/numbersCited'

const root = resolve(__dirname, '../..')

describe('what counts as a number on a slide', () => {
  it.each([
    ['Bolus: up to 0.35 mg/kg', true],
    ['Lower pain scores at 6 h only', true],
    ['1980s: spinal delivery', true],
    ['NNT 3.6 (95 % CI 3 to 4.5)', true],
    ['NR2B and CYP2D6 and MK-801 and CP-101,606 and LY235959', false],
    ['At rest blocked by Mg<sup>2+</sup> and Ca<sup>2+</sup>', false],
    ['1. Phosphorylation of NMDA receptors', false],
    ['Cited here [@jahr1990, p. 12]', false],
  ])('%s -> %s', (text, expected) => {
    expect(showsNumber(text)).toBe(expected)
  })
})

describe('a number needs a citation where it stands', () => {
  it('flags a numbered bullet on a slide whose other bullets cite', () => {
    const md = '# T\n\n- Ketamine is studied [@a]\n- Bolus up to 0.35 mg/kg\n'
    expect(uncitedNumbers(md)).toEqual([
      { line: 4, text: 'Bolus up to 0.35 mg/kg' },
    ])
  })

  it('flags a paragraph and a table row without a citation', () => {
    const md = '# T\n\nPooled over 25 trials.\n\n| a | b |\n| --- | --- |\n| Dose | 200 mg |\n| Cited | 3 [@x] |\n'
    expect(uncitedNumbers(md).map(u => u.line)).toEqual([3, 7])
  })

  it('accepts a citation in the bullet, its parent bullet, or the line introducing the list', () => {
    const md = [
      '# T',
      '',
      '- Trial of memantine [@m]',
      '  - 30 mg a day for 4 weeks',
      '',
      '**Acute pain** [@s]',
      '',
      '- Bolus: up to 0.35 mg/kg',
      '- Infusion: up to 1 mg/kg/h',
      '',
      '- 12 weeks, cited itself [@c]',
    ].join('\n')
    expect(uncitedNumbers(md)).toEqual([])
  })

  it('a lead-in citation covers only its own list', () => {
    const md = '**Acute** [@s]\n\n- 0.35 mg/kg\n\nThen 80 mg in total.\n\n- 2 h\n'
    expect(uncitedNumbers(md).map(u => u.line)).toEqual([5, 7])
  })

  it('accepts a slide whose source line cites', () => {
    const md = '1. Step one\n- 5 steps\n\n<div class="source-line">\n\nSource: [@w]\n\n</div>\n'
    expect(uncitedNumbers(md)).toEqual([])
  })

  it('ignores the notes and headings', () => {
    expect(uncitedNumbers('# Comparing (1/2)\n\n## Doses (2018)\n\n<!--\n30 % in the notes\n-->\n')).toEqual([])
  })
})

describe('this deck', () => {
  let deck: CitedDeck
  beforeAll(async () => {
    deck = await loadCitedDeck(resolve(root, 'slides.md'))
  }, 60_000)

  it('cites every number on every slide where it stands', () => {
    const problems = deck.slides.flatMap((s, i) => uncitedNumbers(s.content).map(u =>
      `slide ${i + 1} (${relative(root, s.source.filepath)}:${s.source.start + u.line}): "${u.text}"`))
    expect(problems, `numbers without a citation:\n${problems.join('\n')}`).toEqual([])
  })

  // This lecture is full of doses and effect sizes: finding fewer would mean the check stopped
  // seeing them. A fork's talk may have few or none (the cases above keep the check honest).
  it('has numbers to check (the check is not vacuous)', (ctx) => {
    if (!deck.headmatter.sourceOutline)
      ctx.skip()
    const numbered = deck.slides.filter(s => s.content.split('\n').some(l => !/^\s*#/.test(l) && showsNumber(l)))
    expect(numbered.length).toBeGreaterThan(20)
  })
})
