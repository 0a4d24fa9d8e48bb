import type { CitedDeck } from '../../addons/citations/lib'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { expandReferences, hasReferencesMarker, loadCitedDeck, referencePageCount, REFERENCES_MARKER } from '../../addons/citations/lib'
import { buildHandoutContent, expectedSiteSlides, formatDate, HandoutContentError, handoutCover, plainTitle, renderNotes, siteNumbers, sourcesHtml, studentNotes } from '../../lib/handout/content'

const root = resolve(__dirname, '../..')

describe('plainTitle', () => {
  it('turns ion charges and formulas into characters, drops other markup', () => {
    expect(plainTitle('Try it: Mg<sup>2+</sup> block and membrane potential')).toBe('Try it: Mg²⁺ block and membrane potential')
    expect(plainTitle('Ca<sup>2+</sup> and H<sub>2</sub>O')).toBe('Ca²⁺ and H₂O')
    expect(plainTitle('<em>Reading</em> the &amp; evidence <sup>a</sup>')).toBe('Reading the & evidence a')
  })
})

describe('renderNotes', () => {
  const numbers = new Map([
    ['petrenko2003', 1],
    ['boyce1999', 2],
  ])

  it('renders Markdown with the deck citation numbers as superscripts', () => {
    const html = renderNotes('Antagonists *reduce* pain [@petrenko2003; @boyce1999].\n\nSecond paragraph [@boyce1999, p. 5].', numbers)
    expect(html).toContain('<em>reduce</em>')
    expect(html).toMatch(/<sup class="citation" data-cite="petrenko2003 boyce1999">1,2<\/sup>/)
    expect(html).toMatch(/<sup class="citation" data-cite="boyce1999">2\(p\. 5\)<\/sup>/)
    expect(html.match(/<p>/g)).toHaveLength(2)
    expect(html).not.toContain('v-pre')
  })

  it('leaves citation syntax inside code alone and marks unknown keys', () => {
    const html = renderNotes('Write `[@key]` to cite; [@nobody] is missing.', numbers)
    expect(html).toContain('<code>[@key]</code>')
    expect(html).toContain('?nobody')
  })

  it('drops Slidev click cues and keeps the narration', () => {
    const html = renderNotes('[click] Glutamate binds.\n\n[click:3] Later.', numbers)
    expect(html).toBe('<p>Glutamate binds.</p>\n<p>Later.</p>')
  })

  it('leaves out paragraphs for the presenter and the maintainer, keeps the student\'s', () => {
    const note = [
      'The receptor needs glycine [@petrenko2003].',
      'Presenter: ask the audience first.\nStill the presenter\'s paragraph.',
      'Correction: the source wrote "MK801".',
      'Corrections: two typos.',
      'Maintainer: record seen only in a copy.',
      'Note on the source: a picture is missing.',
      'A student again; the word Correction: inside a paragraph stays.',
    ].join('\n\n')
    expect(studentNotes(note)).toBe('The receptor needs glycine [@petrenko2003].\n\nA student again; the word Correction: inside a paragraph stays.')
    const html = renderNotes(note, numbers)
    expect(html).not.toMatch(/Presenter|Maintainer|MK801|two typos|picture/)
    expect(html.match(/<p>/g)).toHaveLength(2)
  })

  it('gives nothing when every paragraph is for the presenter', () => {
    expect(renderNotes('Presenter: thank the audience.', numbers)).toBe('')
  })

  it('gives nothing for empty notes', () => {
    expect(renderNotes('  \n', numbers)).toBe('')
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
})

describe('siteNumbers', () => {
  const slide = (raw: string) => ({
    source: { raw },
  })
  const deck = [
    slide('# A'),
    slide('---\nlayout: default\n---\n\n<!-- citations:references -->\n'),
    slide('# After'),
  ]

  it('expands the references marker into its pages and shifts later slides', () => {
    expect(siteNumbers(deck, 3, 5)).toEqual([
      [1],
      [2, 3, 4],
      [5],
    ])
  })

  it('says the site is stale when it has another number of slides', () => {
    expect(() => siteNumbers(deck, 3, 4, '/tmp/site')).toThrow(HandoutContentError)
    expect(() => siteNumbers(deck, 3, 4, '/tmp/site')).toThrow(/\/tmp\/site has 4 slides, but the deck makes 5/)
  })

  it('recognises exactly the marker the preparser expands', () => {
    expect(hasReferencesMarker(`---\nlayout: default\n---\n\n${REFERENCES_MARKER}\n`)).toBe(true)
    expect(hasReferencesMarker('text <!-- citations:references --> text')).toBe(false)
    const lines = ['# A', REFERENCES_MARKER, 'after']
    expandReferences(lines, [])
    expect(lines).not.toContain(REFERENCES_MARKER)
  })
})

describe('the handout content of this deck', () => {
  let cited: CitedDeck
  beforeAll(async () => {
    cited = await loadCitedDeck(resolve(root, 'slides.md'))
  })

  it('has one row per slide except the references section, each with notes', () => {
    const content = buildHandoutContent(cited, expectedSiteSlides(cited))
    const markers = cited.slides.filter(s => hasReferencesMarker(s.source.raw)).length
    expect(markers).toBe(1)
    expect(content.rows).toHaveLength(cited.slides.length - markers)
    for (const row of content.rows) {
      expect(row.notesHtml, `slide ${row.no} (${row.file}:${row.line})`).not.toBe('')
      expect(row.notesHtml).not.toMatch(/\[@/)
    }
    // Slide numbers run as in the built site: the references section counts as its pages.
    const pages = referencePageCount(cited.references)
    const at = cited.slides.findIndex(s => hasReferencesMarker(s.source.raw))
    expect(content.rows.map(r => r.no)).toEqual(cited.slides.map((_, i) => i).filter(i => i !== at).map(i => i < at
      ? i + 1
      : i + pages))
    expect(content.referencesNo).toBe(at + 1)
  })

  it('lists the short sources each slide cites, with the deck\'s numbers', () => {
    const content = buildHandoutContent(cited, expectedSiteSlides(cited))
    const n = cited.numbers.get('petrenko2003')!
    const citing = content.rows.filter(r => cited.citations.occurrences.some(o => o.key === 'petrenko2003' && o.slide === cited.slides.findIndex(s => s.source.filepath === r.file && s.source.start + 1 === r.line) + 1))
    expect(citing.length).toBeGreaterThan(3)
    for (const row of citing) {
      expect(row.sources).toContainEqual(expect.objectContaining({
        n,
        text: expect.stringMatching(/^Petrenko AB et al\. .*2003$/),
      }))
    }
    expect(sourcesHtml(citing[0]!.sources)).toContain(`<sup>${n}</sup>Petrenko AB et al.`)
  })

  it('ends with the deck\'s cited references, in citation order', () => {
    const content = buildHandoutContent(cited, expectedSiteSlides(cited))
    expect(content.references.map(r => r.key)).toEqual(cited.citations.order.filter(k => cited.bibliography.byKey.has(k)))
    expect(content.references.map(r => r.number)).toEqual(content.references.map((_, i) => i + 1))
    expect(content.references.some(r => /doi: 10\./.test(r.text))).toBe(true)
  })

  it('bookmarks the references as a part of their own', () => {
    const content = buildHandoutContent(cited, expectedSiteSlides(cited))
    const refs = content.outlineSlides.filter(s => s.title === 'References')
    expect(refs).toEqual([
      { no: content.referencesNo, title: 'References', layout: 'section' },
    ])
    // Last, wherever the deck has them: the handout prints its reference list at the end.
    expect(content.outlineSlides.at(-1)!.title).toBe('References')
    expect(content.outlineSlides).toHaveLength(content.rows.length + 1)
  })

  it('expects the site to hold the references pages the preparser makes', () => {
    const pages = referencePageCount(cited.references)
    expect(expectedSiteSlides(cited)).toBe(cited.slides.length - 1 + pages)
    expect(() => buildHandoutContent(cited, expectedSiteSlides(cited) - 1)).toThrow(/built from another version/)
  })
})
