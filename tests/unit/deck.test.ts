/**
 * What every deck made from this project keeps, whatever its content: a fork may drop,
 * reorder or rewrite sections, relabel diagrams and retitle the talk, and these still hold.
 * (Whether this deck follows its source lecture is tests/unit/source-lecture.test.ts.)
 */
import type { ParsedSlide } from '../support/slides'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { isReferencesSlide } from '../../addons/citations/lib'
import { hasSpokenNotes } from '../../lib/deckCheck'
import { STEP_COUNT } from '../../lib/mgBlock'
import { TOLERANCE_STEP_COUNT } from '../../lib/tolerance'
import { WINDUP_STEP_COUNT } from '../../lib/windup'
import { projectRoot as root } from '../support/project'
import { parseDeck, where } from '../support/slides'

let slides: ParsedSlide[] = []
// The reference list is a slide the citations preparser fills in from this marker.
let headmatter: Record<string, any> = {}

beforeAll(async () => {
  const deck = await parseDeck()
  expect(deck.errors, 'parser errors').toEqual([])
  slides = deck.slides
  headmatter = deck.headmatter
})

describe('deck structure', () => {
  it('gives every slide a title and spoken notes', () => {
    // The title slide takes its title from the headmatter.
    expect(headmatter.title).toBeTruthy()
    expect((slides[0]!.note ?? '').trim()).not.toBe('')
    for (const s of slides.slice(1).filter(x => !isReferencesSlide(x))) {
      expect(s.title?.trim(), `${where(s)}: add a '# Title' heading`).toBeTruthy()
      expect(hasSpokenNotes(s.note), `${where(s)}: add speaker notes as the last <!-- comment -->`).toBe(true)
    }
  })

  it('gives no two slides the same title: a section divider names the section, each slide under it states its point', () => {
    const seen = new Map<string, ParsedSlide>()
    const repeats: string[] = []
    for (const s of slides.slice(1)) {
      const t = (s.title ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
      const first = seen.get(t)
      if (first)
        repeats.push(`${where(s)} repeats the title of ${where(first)}: keep the shared words as 'kicker:' in its frontmatter and give it a title that states its point`)
      else
        seen.set(t, s)
    }
    expect(repeats).toEqual([])
  })

  it('lists the references after every slide that cites one', () => {
    const list = slides.findIndex(isReferencesSlide)
    const lastCiting = slides.findLastIndex(s => /\[@[\w:-]+/.test(s.content))
    if (lastCiting >= 0)
      expect(list, 'no slide with <ReferenceList />: add src: ./slides/references.md to slides.md').toBeGreaterThan(lastCiting)
  })
})

describe('slides that host the animated components', () => {
  // A stepped diagram advances with the presenter's clicks: the slide must declare as many
  // clicks as the diagram has steps after its first, and its notes say what to say at each.
  it.each([
    ['MgBlockChannel', STEP_COUNT],
    ['ToleranceCurves', TOLERANCE_STEP_COUNT],
    ['WindupTrain', WINDUP_STEP_COUNT],
  ])('<%s :step="$clicks"> slides declare its clicks, with one note per click', (tag, steps) => {
    for (const s of slides.filter(x => new RegExp(`<${tag}[^>]*:step="\\$clicks"`).test(x.content))) {
      expect(s.frontmatter.clicks, `${where(s)}: set 'clicks: ${steps - 1}' in its frontmatter`).toBe(steps - 1)
      expect((s.note ?? '').match(/\[click\]/g)?.length ?? 0, `${where(s)}: one [click] marker per click in the notes`).toBe(steps - 1)
    }
  })
})

describe('figures', () => {
  it('every FigureFrame names an SVG in figures/ with a <title>, a <desc>, alt text and its source', () => {
    const used = slides.flatMap(s => [
      ...s.content.matchAll(/<FigureFrame\s+name="([^"]+)"\s+alt="([^"]*)"/g),
    ].map(m => ({ s, name: m[1]!, alt: m[2]! })))
    for (const { s, name, alt } of used) {
      const svg = readFileSync(resolve(root, 'figures', `${name}.svg`), 'utf8')
      expect(svg, `figures/${name}.svg`).toMatch(/<title[^>]*>[^<]{10,}<\/title>/)
      expect(svg, `figures/${name}.svg`).toMatch(/<desc[^>]*>[^<]{20,}<\/desc>/)
      expect(alt.length, `${where(s)}: alt text for ${name}`).toBeGreaterThan(40)
      expect(s.content, `${where(s)}: cite the source the figure is drawn from, [@key]`).toMatch(/\[@[\w:-]+/)
      // Text under 11 units would be under ~21 px on a 1080p screen at the scale we draw.
      for (const m of svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g))
        expect(Number(m[1]), `figures/${name}.svg: font-size ${m[1]}`).toBeGreaterThanOrEqual(11)
      // An ion is named with its charge, as on the slides and in the live diagrams (slide 17's
      // circles once read "Mg" beside titles that read "Mg²⁺").
      const bare = [
        ...svg.matchAll(/>\s*(?:Mg|Ca|Na|K)\s*</g),
      ].map(m => m[0])
      expect(bare, `figures/${name}.svg: an ion without its charge`).toEqual([])
    }
  })
})
