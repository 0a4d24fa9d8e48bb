import type { HandoutReference } from '../../lib/handout/content'
import { describe, expect, it } from 'vitest'
import { aboutLines, citedKeys, handoutContent, handoutCover, hasSourceLecture, noteAudience, referencesIntro, rowSources, sourcesAndCorrections, studentNotesHtml } from '../../lib/handout/content'
import { plainTitle } from '../../lib/plainTitle'
import { formatDate } from '../../lib/talkConfig'

describe('plainTitle', () => {
  it('turns ion charges and formulas into characters, drops other markup', () => {
    expect(plainTitle('Try it: Mg<sup>2+</sup> block and membrane potential')).toBe('Try it: Mg²⁺ block and membrane potential')
    expect(plainTitle('Ca<sup>2+</sup> and H<sub>2</sub>O')).toBe('Ca²⁺ and H₂O')
    expect(plainTitle('<em>Reading</em> the &amp; evidence <sup>a</sup>')).toBe('Reading the & evidence a')
  })
})

describe('handoutContent', () => {
  const slide = (no: number, title: string, layout?: string, isReferences = false) => ({ no, title, layout, isReferences })
  const deck = [
    slide(1, 'Talk', 'cover'),
    slide(2, 'Part A', 'section'),
    slide(3, 'Mg<sup>2+</sup> block'),
    slide(4, 'References', 'default', true),
    slide(5, 'References <span>(2/2)</span>', 'default', true),
    slide(6, ''),
  ]

  it('has one row per slide but the reference slides, numbered as in the deck, in its section', () => {
    const c = handoutContent(deck, [
      { number: 1 },
      { number: 2 },
    ])
    expect(c.rows).toEqual([
      { no: 1, title: 'Talk' },
      { no: 2, title: 'Part A', section: 'Part A' },
      { no: 3, title: 'Mg²⁺ block', section: 'Part A' },
      { no: 6, title: 'Slide 6', section: 'Part A' },
    ])
    expect(c.referencesNo).toBe(4)
  })

  it('bookmarks the reference list last, as a part of its own, wherever the deck has it', () => {
    const c = handoutContent(deck, [])
    expect(c.outlineSlides.map(s => [s.no, s.title, s.layout])).toEqual([
      [1, 'Talk', 'cover'],
      [2, 'Part A', 'section'],
      [3, 'Mg²⁺ block', undefined],
      [6, 'Slide 6', undefined],
      [4, 'References', 'section'],
    ])
  })

  it('heads the closing slide with its own part where the presenter\'s clock times it apart', () => {
    const c = handoutContent([
      {
        no: 1,
        title: 'Talk',
        layout: 'cover',
        isReferences: false,
      },
      {
        no: 2,
        title: 'Summary',
        layout: 'section',
        budget: '2min',
        isReferences: false,
      },
      {
        no: 3,
        title: 'Take-home',
        budget: '2min',
        isReferences: false,
      },
      {
        no: 4,
        title: 'Questions',
        layout: 'center',
        budget: '3min',
        isReferences: false,
      },
      {
        no: 5,
        title: 'References',
        budget: '1min',
        isReferences: true,
      },
    ], [])
    expect(c.rows.map(r => [r.no, r.section])).toEqual([
      [1, undefined],
      [2, 'Summary'],
      [3, 'Summary'],
      [4, 'Questions'],
    ])
  })

  it('has no references part when the deck has no reference slides', () => {
    const c = handoutContent([
      slide(1, 'Only'),
    ], [])
    expect(c.referencesNo).toBeUndefined()
    expect(c.outlineSlides).toEqual([
      { no: 1, title: 'Only' },
    ])
  })
})

describe('the sources beside the notes', () => {
  const ref = (key: string, number: number, short: string, mark?: string): HandoutReference => ({
    key,
    number,
    short,
    html: short,
    ...(mark
      ? { mark }
      : {}),
  })
  const refs = new Map([
    ref('petrenko2003', 1, 'Petrenko AB et al. Anesth Analg 2003'),
    ref('woolf1991', 2, 'Woolf CJ et al. Pain 1991', '†'),
  ].map(r => [r.key, r]))

  it('reads the keys a slide and its notes cite from Slidev\'s rendered HTML', () => {
    const slide = '<li data-cite="woolf1991"><span class="source-number">2</span> Woolf</li>'
    const notes = '<p>Wind-up <sup class="citation" data-cite="petrenko2003 woolf1991">1,2</sup>, again <sup class="citation" data-cite="petrenko2003">1</sup></p>'
    expect(citedKeys(slide + notes)).toEqual(['woolf1991', 'petrenko2003'])
    expect(citedKeys('<p>No citation; data-cite without a space before it: xdata-cite="x"</p>')).toEqual([])
  })

  it('lists each cited source once, by number, with its evidence mark', () => {
    expect(rowSources(['woolf1991', 'petrenko2003', 'woolf1991'], refs)).toEqual([
      { n: 1, text: 'Petrenko AB et al. Anesth Analg 2003' },
      { n: 2, text: 'Woolf CJ et al. Pain 1991', mark: '†' },
    ])
  })

  it('leaves out a key the reference list does not hold (the build has already failed on it)', () => {
    expect(rowSources(['nobody'], refs)).toEqual([])
  })
})

describe('cover', () => {
  it('takes the presenter from Slidev\'s author key and writes the date out', () => {
    expect(handoutCover({
      title: 'T',
      subtitle: 'S',
      author: 'Dr A',
      presenter: 'dev',
      affiliation: 'Dept',
      event: 'Series',
      date: '2026-11-22',
    }))
      .toEqual({
        title: 'T',
        subtitle: 'S',
        presenter: 'Dr A',
        affiliation: 'Dept',
        event: 'Series',
        date: '22 November 2026',
      })
    expect(handoutCover({}, 'First slide')).toEqual({ title: 'First slide' })
    expect(formatDate(new Date(Date.UTC(2026, 0, 5)))).toBe('5 January 2026')
    expect(formatDate('Spring 2026')).toBe('Spring 2026')
  })

  it('reads the date as the browser receives it from YAML (an ISO timestamp at midnight UTC)', () => {
    expect(formatDate('2026-11-22T00:00:00.000Z')).toBe('22 November 2026')
    expect(formatDate('2026-11-22T14:30:00.000Z')).toBe('2026-11-22T14:30:00.000Z')
  })

  it('says who prepared the handout only when the headmatter says it', () => {
    expect(aboutLines({ author: 'Dr A', affiliation: 'Dept' }).at(-1)).toBe('Prepared by Dr A, Dept.')
    expect(aboutLines({}).some(l => l.startsWith('Prepared by'))).toBe(false)
  })

  it('says where the references and the corrections appendix are, when there is one', () => {
    expect(aboutLines({}).join(' ')).toContain('are at the end')
    expect(aboutLines({}).join(' ')).not.toContain('corrected')
    expect(aboutLines({}, true).join(' ')).toContain('follow the slides, and the sources and corrections of this lecture are listed at the end')
  })
})

describe('the notes a student reads', () => {
  it('leaves out the presenter\'s and the maintainer\'s paragraphs of Slidev\'s rendered notes, and the click markers', () => {
    const html = [
      '<p><span class="slidev-note-click-mark" data-clicks="1"></span> Glutamate binds <sup class="citation" data-cite="a">1</sup>.</p>',
      '<p>Presenter: pause here and ask the room.</p>',
      '<p><strong>Correction:</strong> the source slide said 1980.</p>',
      '<p>Maintainer: keep in step with slide 4.</p>',
      '<p>Note on the source: its figure is redrawn.</p>',
      '<ul>\n<li>A list stays.</li>\n</ul>',
      '<p>The presenter said nothing here: a word inside a paragraph does not count.</p>',
    ].join('\n')
    expect(studentNotesHtml(html)).toBe([
      '<p>Glutamate binds <sup class="citation" data-cite="a">1</sup>.</p>',
      '<ul>\n<li>A list stays.</li>\n</ul>',
      '<p>The presenter said nothing here: a word inside a paragraph does not count.</p>',
    ].join('\n'))
    expect(studentNotesHtml('<p>Presenter: only this.</p>')).toBe('')
  })
})

describe('the "Sources and corrections" appendix', () => {
  const notes = [
    '<p>Glutamate binds.</p>',
    '<p>Presenter: pause here and ask the room.</p>',
    '<p><span class="slidev-note-click-mark" data-clicks="2"></span> <strong>Correction:</strong> the source slide said 1980 <sup class="citation" data-cite="a">1</sup>.</p>',
    '<p>Maintainer: keep in step with slide 4.</p>',
    '<p>Note on the source: its figure is redrawn.</p>',
    '<p>Corrections: two typos.</p>',
  ].join('\n')

  it('takes a slide\'s corrections and notes on the source, never its presenter directions or maintainer remarks', () => {
    expect(sourcesAndCorrections([
      { no: 4, title: 'Mg<sup>2+</sup> block', noteHtml: notes },
    ])).toEqual([
      {
        no: 4,
        title: 'Mg²⁺ block',
        html: [
          '<p><strong>Correction:</strong> the source slide said 1980 <sup class="citation" data-cite="a">1</sup>.</p>',
          '<p>Note on the source: its figure is redrawn.</p>',
          '<p>Corrections: two typos.</p>',
        ].join('\n'),
      },
    ])
  })

  it('leaves out slides with nothing corrected, and keeps the deck\'s order', () => {
    const entries = sourcesAndCorrections([
      { no: 1, title: 'Talk', noteHtml: '<p>Welcome.</p><p>Presenter: smile.</p>' },
      { no: 2, title: '', noteHtml: '<p>Correction: b.</p>' },
      { no: 3, title: 'C' },
      { no: 5, title: 'E', noteHtml: '<p>Note on the source: e.</p>' },
    ])
    expect(entries.map(e => [e.no, e.title])).toEqual([
      [2, 'Slide 2'],
      [5, 'E'],
    ])
  })

  it('is part of the handout\'s content only when there is something to list', () => {
    expect(handoutContent([
      { no: 1, title: 'T', isReferences: false },
    ], [], []).appendix).toBeUndefined()
    const entry = { no: 1, title: 'T', html: '<p>Correction: x.</p>' }
    expect(handoutContent([
      { no: 1, title: 'T', isReferences: false },
    ], [], [entry]).appendix).toEqual([entry])
  })
})

describe('the reference list\'s introduction', () => {
  it('carries the deck\'s evidence legend when the reference slides show one', () => {
    expect(referencesIntro('† Low certainty: expert opinion, or a source that could not be fully checked')).toBe('Numbered in order of first citation, as on the slides (Vancouver style). † Low certainty: expert opinion, or a source that could not be fully checked.')
    expect(referencesIntro()).toBe('Numbered in order of first citation, as on the slides (Vancouver style).')
  })
})

describe('noteAudience', () => {
  it('reads who a paragraph is for from its opening label', () => {
    expect(noteAudience('Glutamate binds to the NR2 subunit.')).toBe('student')
    expect(noteAudience('Presenter: ask the audience first.')).toBe('presenter')
    expect(noteAudience('  Maintainer: keep in step with lib/tolerance.ts.')).toBe('maintainer')
    expect(noteAudience('Correction: the source wrote "MK801".')).toBe('source')
    expect(noteAudience('Corrections: two typos.')).toBe('source')
    expect(noteAudience('Note on the source: no reference given.')).toBe('source')
  })

  it('takes a label only where the paragraph opens, as the handout does', () => {
    expect(noteAudience('As the Maintainer: section says')).toBe('student')
    expect(noteAudience('A correction: of sorts')).toBe('student')
  })
})

describe('the appendix of corrections', () => {
  it('belongs to a deck that says it reproduces a source lecture', () => {
    expect(hasSourceLecture({ sourceOutline: 'slides/source-lecture-outline.yaml' })).toBe(true)
    expect(hasSourceLecture({})).toBe(false)
    expect(hasSourceLecture({ sourceOutline: ' ' })).toBe(false)
  })
})
