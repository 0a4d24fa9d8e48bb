/**
 * The deck reproduces a source lecture, if its headmatter says so: `sourceOutline:` names an
 * outline of that lecture kept in the repository (its slide titles in order and the errors
 * the deck corrects). A fork that is its own talk removes the key and this suite is skipped.
 */
import type { SourceOutline } from '../../lib/sourceOutline'
import type { ParsedSlide } from '../support/slides'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { firstMissing, lectureSlides, missingSourceSlide, parseOutline, sourceLabel } from '../../lib/sourceOutline'
import { projectRoot } from '../support/project'
import { parseDeck, where } from '../support/slides'

const deck = await parseDeck()
const outlineFile = deck.headmatter.sourceOutline as string | undefined

describe.skipIf(!outlineFile)(`the deck follows the source lecture (${outlineFile ?? 'no sourceOutline in slides.md'})`, () => {
  let outline: SourceOutline
  let lecture: ParsedSlide[]
  beforeAll(() => {
    outline = parseOutline(readFileSync(resolve(projectRoot, outlineFile!), 'utf8'))
    lecture = lectureSlides(deck.slides)
  })

  it('has an outline to follow', () => {
    expect(outline.titles.length).toBeGreaterThan(0)
    expect(outline.titles.every(t => typeof t === 'string' && t.trim())).toBe(true)
  })

  it('has every source slide title, in order (a slide\'s kicker, else its title)', () => {
    const missing = missingSourceSlide(deck.slides, outline)
    expect(missing, missing && `${outlineFile}: source slide "${missing.title}" is missing after deck slide ${(missing.after?.index ?? 0) + 1} (or out of order)`).toBeUndefined()
  })

  it('explains every correction of the source in a "Correction:" note', () => {
    const notes = lecture.map(s => s.note ?? '').join('\n')
    for (const { wrong, right, keptOnSlides } of outline.corrections ?? []) {
      // The wrong form may be quoted in a note, but never stands on a slide.
      const mentioned = notes.split(/\n\s*\n/).filter(p => p.includes(wrong) && /Correction/i.test(p))
      expect(mentioned.length, `no 'Correction:' note quotes "${wrong}"`).toBeGreaterThan(0)
      // Notes wrap at any word: a phrase may run over two lines. A citation key is not the
      // note's words ("2003" once passed as the right form inside [@maier2003]).
      expect(mentioned.some(p => p.replace(/\[@[^\]]*\]/g, '').replace(/\s+/g, ' ').toLowerCase().includes(right.toLowerCase())), `the note about "${wrong}" does not give "${right}"`).toBe(true)
      if (!keptOnSlides) {
        for (const s of lecture)
          expect(s.content, `${where(s)} still says "${wrong}"`).not.toContain(wrong)
      }
    }
  })
})

describe('matching a deck against a source outline', () => {
  const slide = (title: string, kicker?: string) => ({
    title,
    frontmatter: kicker
      ? { kicker }
      : {},
  })
  const outline = [
    'Definition',
    'Definition',
    'Figure 1.',
    'Ketamine',
  ]

  it('knows a slide by its kicker, a figure by its caption label', () => {
    const labels = [
      slide('Definition'),
      slide('History changed', 'Definition'),
      slide('A point', 'Figure 1. Subunits'),
      slide('Ketamine'),
    ].map(sourceLabel)
    expect(firstMissing(labels, outline)).toBeUndefined()
  })

  it('fails when a source slide is missing', () => {
    const labels = [
      slide('History', 'Definition'),
      slide('A point', 'Figure 1. Subunits'),
      slide('Ketamine'),
    ].map(sourceLabel)
    expect(firstMissing(labels, outline)).toEqual({ title: 'Definition', after: 1 })
  })

  it('fails when source slides are out of order', () => {
    const labels = [
      slide('x', 'Definition'),
      slide('y', 'Definition'),
      slide('Ketamine'),
      slide('z', 'Figure 1.'),
    ].map(sourceLabel)
    expect(firstMissing(labels, outline)?.title).toBe('Ketamine')
  })

  it('leaves out the title slide and the references, as written or as generated pages', () => {
    const s = (title: string, extra: { content?: string, frontmatter?: Record<string, unknown> } = {}) => ({
      title,
      content: '',
      frontmatter: {},
      ...extra,
    })
    const deck = [
      s('Talk'),
      s('Definition'),
      s('References', { content: '<!-- citations:references -->' }),
      s('References (2/3)', {
        frontmatter: { class: 'references' },
      }),
    ]
    expect(lectureSlides(deck).map(x => x.title)).toEqual(['Definition'])
    expect(missingSourceSlide(deck, {
      titles: ['Definition', 'Ketamine'],
      corrections: [],
    })).toEqual({ title: 'Ketamine', after: deck[1] })
    expect(missingSourceSlide(deck, {
      titles: ['Ketamine'],
      corrections: [],
    })).toEqual({ title: 'Ketamine', after: undefined })
  })

  it('does not match a point title that only repeats the source title without the kicker', () => {
    expect(sourceLabel(slide('Glutamate is the transmitter'))).toBe('glutamate is the transmitter')
  })
})
