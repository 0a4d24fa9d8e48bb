/**
 * Content checks of the lecture, read the way Slidev reads it: through @slidev/parser's
 * `load()`, which resolves the `src:` imports of slides.md and splits off the notes.
 */
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from '@slidev/parser/fs'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const entry = resolve(root, 'slides.md')
const seedFile = resolve(root, '../shared/seeds/000_475dbb15b61ffcd3.txt')

/** The lecture's sections, in the order the talk presents them. */
const SECTION_FILES = [
  'slides/01-definition.md',
  'slides/02-activation-persistent-pain.md',
  'slides/03-visceral-pain.md',
  'slides/04-clinical-implications.md',
  'slides/05-antagonists.md',
  'slides/06-review-2025.md',
  'slides/07-summary.md',
  'slides/08-closing.md',
]

interface Slide {
  title?: string
  note?: string
  content: string
  frontmatter: Record<string, any>
  file: string
  index: number
}

let slides: Slide[] = []
let headmatter: Record<string, any> = {}

beforeAll(async () => {
  const data = await load({ userRoot: root, roots: [root] }, entry)
  const errors = Object.values(data.markdownFiles).flatMap(md => (md.errors ?? []).map(e => `${md.filepath}:${e.row + 1}: ${e.message}`))
  expect(errors, 'parser errors').toEqual([])
  headmatter = data.headmatter
  slides = data.slides.map(s => ({
    title: s.title,
    note: s.note,
    content: s.content,
    frontmatter: s.frontmatter,
    file: relative(root, s.source.filepath).replaceAll('\\', '/'),
    index: s.index,
  }))
})

const lectureSlides = () => slides.filter(s => SECTION_FILES.includes(s.file))
const where = (s: Slide) => `${s.file} (slide ${s.index + 1}, "${s.title ?? ''}")`
const norm = (t: string) => t.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * Titles of the source lecture, in order, read from the seed text itself. Slides there are
 * separated by three blank lines; a line ending in a space is a soft wrap of the line after
 * it (the export's line breaking), so "NMDA Receptor Activation and \nPersistent Pain" is one
 * title. A figure slide's title is its caption label ("Figure 1.").
 */
function sourceTitles(text: string): string[] {
  return text.split(/\n[ \t]*\n[ \t]*\n[ \t]*\n/).map((block) => {
    const lines = block.replace(/^\n+/, '').split('\n')
    let title = lines[0] ?? ''
    for (let i = 1; /\s$/.test(lines[i - 1] ?? '') && i < lines.length && lines[i]!.trim(); i++)
      title += lines[i]
    title = title.replace(/\s+/g, ' ').trim()
    const figure = /^(Figure \d+\.)/.exec(title)
    return figure ? figure[1]! : title
  }).filter(Boolean)
}

describe('deck structure', () => {
  it('imports the section files from slides.md in lecture order', () => {
    const imports = [...readFileSync(entry, 'utf8').matchAll(/^src:\s*\.?\/?(slides\/0\d-[^\s#]+\.md)/gm)].map(m => m[1])
    expect(imports).toEqual(SECTION_FILES)
    // ...and the parser presents their slides in that order, without interleaving.
    const order = lectureSlides().map(s => s.file).filter((f, i, a) => a.indexOf(f) === i)
    expect(order).toEqual(SECTION_FILES)
  })

  it('opens every section with a divider slide', () => {
    for (const file of SECTION_FILES.filter(f => f !== 'slides/08-closing.md')) {
      const first = slides.find(s => s.file === file)
      expect(first, `${file}: no slides`).toBeDefined()
      expect(first!.frontmatter.layout, `${file}: first slide should have 'layout: section'`).toBe('section')
    }
  })

  it('gives every lecture slide a title and spoken notes', () => {
    expect(lectureSlides().length).toBeGreaterThan(40)
    for (const s of lectureSlides()) {
      expect(s.title?.trim(), `${where(s)}: add a '# Title' heading`).toBeTruthy()
      expect((s.note ?? '').trim().length, `${where(s)}: add speaker notes as the last <!-- comment -->`).toBeGreaterThan(40)
    }
    // The title slide takes its title from the headmatter and also has notes.
    expect(headmatter.title).toBeTruthy()
    expect((slides[0]!.note ?? '').trim()).not.toBe('')
  })

  it('ends the talk with the closing slide, after the references', () => {
    expect(slides.at(-1)?.title).toBe('Questions')
    expect(slides.at(-1)?.file).toBe('slides/08-closing.md')
    expect(slides.at(-2)?.file).toBe('slides/references.md')
  })
})

describe('the source lecture is complete', () => {
  const expected = sourceTitles(readFileSync(seedFile, 'utf8'))

  it('reads the source lecture as 34 slides', () => {
    // Guards the splitting rule above: if the seed's format were misread, the next test
    // would compare against the wrong list.
    expect(expected).toHaveLength(34)
    expect(expected.slice(0, 2)).toEqual(['NMDA Receptor: Definition', 'NMDA Receptor: Definition'])
    expect(expected).toContain('NMDA Receptor Activation and Persistent Pain')
    expect(expected.at(-1)).toBe('TCA')
  })

  it('has every source slide title, in order', () => {
    const titles = lectureSlides().map(s => norm(s.title ?? ''))
    let at = 0
    for (const want of expected) {
      const w = norm(want)
      const found = titles.findIndex((t, i) => i >= at && (t === w || (w.startsWith('figure') && t.startsWith(w))))
      expect(found, `source slide "${want}" is missing after deck slide ${at} (or out of order)`).toBeGreaterThanOrEqual(0)
      at = found + 1
    }
  })
})

describe('corrections are recorded in the notes', () => {
  const notes = () => lectureSlides().map(s => s.note ?? '').join('\n')
  const content = () => lectureSlides().map(s => s.content).join('\n')

  it.each([
    ['Dextromethmorphan', /dextromethorphan/i],
    ['perioid', /pharmacologically active period/],
    ['prototype of neurons', /phenotype/],
    ['normalcontrols', /normal controls/],
    ['Mcquay', /McQuay/],
    ['Systemic review', /systematic review/],
    ['preemptive us', /preemptive use/],
    ['Alzheimers', /Alzheimer's/],
    ['July 2002', /2003/],
    ['quinine', /dextromethorphan-quinidine/],
  ])('notes explain the fix of "%s"', (wrong, right) => {
    const n = notes()
    // The wrong form may be quoted in a note, but never stands on a slide.
    const mentioned = n.split(/\n\s*\n/).filter(p => p.includes(wrong) && /Correction/i.test(p))
    expect(mentioned.length, `no 'Correction:' note quotes "${wrong}"`).toBeGreaterThan(0)
    expect(mentioned.some(p => right.test(p)), `the note about "${wrong}" does not give the right form`).toBe(true)
    if (wrong !== 'quinine' && wrong !== 'July 2002')
      expect(content()).not.toContain(wrong)
  })
})

describe('slides that host the animated components', () => {
  const find = (tag: string) => lectureSlides().filter(s => s.content.includes(`<${tag}`))

  it('nMDAR Properties hosts MgBlockChannel on four clicks with one note per click', () => {
    const stepped = find('MgBlockChannel').filter(s => s.content.includes(':step="$clicks"'))
    expect(stepped).toHaveLength(1)
    const s = stepped[0]!
    expect(s.content).toMatch(/NMDAR Properties/)
    expect(s.frontmatter.clicks).toBe(4)
    expect((s.note ?? '').match(/\[click\]/g)).toHaveLength(4)
  })

  it('the next slide lets the audience try the Mg2+ block', () => {
    const i = lectureSlides().findIndex(s => s.content.includes('<MgBlockChannel :step="$clicks"'))
    const next = lectureSlides()[i + 1]!
    expect(next.title).toMatch(/^Try it: Mg/)
    expect(next.content).toMatch(/<MgBlockChannel\s+interactive\s*\/>/)
  })

  it('opioid Tolerance hosts ToleranceCurves on four clicks with one note per click', () => {
    const hosts = find('ToleranceCurves')
    expect(hosts).toHaveLength(1)
    const s = hosts[0]!
    expect(s.title).toBe('Opioid Tolerance')
    expect(s.content).toContain(':step="$clicks"')
    expect(s.frontmatter.clicks).toBe(4)
    expect((s.note ?? '').match(/\[click\]/g)).toHaveLength(4)
  })
})

describe('figures', () => {
  it('every FigureFrame names an SVG in figures/ with a <title>, a <desc> and alt text', () => {
    const used = lectureSlides().flatMap(s => [...s.content.matchAll(/<FigureFrame\s+name="([^"]+)"\s+alt="([^"]*)"/g)].map(m => ({ s, name: m[1]!, alt: m[2]! })))
    expect(used.length).toBeGreaterThanOrEqual(5)
    for (const { s, name, alt } of used) {
      const svg = readFileSync(resolve(root, 'figures', `${name}.svg`), 'utf8')
      expect(svg, `figures/${name}.svg`).toMatch(/<title[^>]*>[^<]{10,}<\/title>/)
      expect(svg, `figures/${name}.svg`).toMatch(/<desc[^>]*>[^<]{20,}<\/desc>/)
      expect(alt.length, `${where(s)}: alt text for ${name}`).toBeGreaterThan(40)
      // Text under 11 units would be under ~21 px on a 1080p screen at the scale we draw.
      for (const m of svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g))
        expect(Number(m[1]), `figures/${name}.svg: font-size ${m[1]}`).toBeGreaterThanOrEqual(11)
    }
  })

  it('the two redrawn Petrenko figures say where they are adapted from', () => {
    for (const label of ['Figure 1.', 'Figure 2.']) {
      const s = lectureSlides().find(x => x.title?.startsWith(label))
      expect(s, label).toBeDefined()
      expect(s!.content).toMatch(/Adapted from Petrenko et al\. 2003 \[@petrenko2003\]/)
    }
  })
})
