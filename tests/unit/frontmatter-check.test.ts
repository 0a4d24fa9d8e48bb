import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'
import { deckFindings } from '../../lib/deckCheck'
import { formatFinding } from '../../lib/finding'
import { frontmatterFindings, knownLayouts, layoutDirs, layoutProps } from '../../lib/frontmatterCheck'
import { copyProject, projectRoot } from '../support/project'

const LAYOUTS = new Map([
  ['default', []],
  ['figure', []],
  ['section', []],
  [
    'iframe',
    ['url', 'scale'],
  ],
])
const file = 'slides/01.md'
const text = [
  '---',
  'kciker: Why it matters',
  'layout: figur',
  'url: https://example.org',
  'image: x.png',
  '---',
  '',
  '# A',
  '',
].join('\n')
function slide(frontmatter: Record<string, unknown>, extra = {}) {
  return {
    no: 2,
    file,
    line: 1,
    frontmatter,
    ...extra,
  }
}

describe('a slide\'s frontmatter', () => {
  it('names a key one slip from a known one, and a layout that does not exist, at their lines', () => {
    const f = frontmatterFindings([
      slide({
        kciker: 'Why it matters',
        layout: 'figur',
        url: 'https://example.org',
        image: 'x.png',
      }),
    ], LAYOUTS, () => text.split('\n'))
    expect(f.map(formatFinding)).toEqual([
      expect.stringMatching(/^slides\/01\.md:2:1: unknown slide frontmatter key 'kciker'\. Did you mean 'kicker'\?/),
      expect.stringMatching(/^slides\/01\.md:3:1: layout 'figur' does not exist\. Did you mean 'figure'\? Layouts of this deck: default, figure, iframe, section\.$/),
    ])
  })

  it('passes the keys Slidev, this deck and the layouts read, and keys far from all of them', () => {
    const ok = slide({
      layout: 'iframe',
      url: 'https://example.org',
      scale: 2,
      kicker: 'K',
      clicks: 3,
      class: 'c',
      hide: false,
      transition: 'fade',
      myOwnData: 1,
      foo: 2,
    })
    expect(frontmatterFindings([ok], LAYOUTS, () => [])).toEqual([])
  })

  it('reports a key of a src: block once, where it is written, not on every slide it imports', () => {
    const block = {
      file: 'slides.md',
      line: 40,
      frontmatter: { src: './slides/02.md', budgt: '2min' },
    }
    const imported = [2, 3, 4].map(no => ({
      no,
      file: 'slides/02.md',
      line: no * 10,
      frontmatter: { budgt: '2min' },
      importedAt: block,
    }))
    const lines = (f: string) => f === 'slides.md'
      ? [
          ...Array.from<string>({ length: 40 }).fill(''),
          'src: ./slides/02.md',
          'budgt: 2min',
        ]
      : []
    expect(frontmatterFindings(imported, LAYOUTS, lines).map(formatFinding)).toEqual([
      expect.stringMatching(/^slides\.md:42:1: unknown slide frontmatter key 'budgt'\. Did you mean 'budget'\?/),
    ])
  })

  it('reads the props a layout declares, in either form Vue allows', () => {
    expect(layoutProps('<script setup lang="ts">\nconst props = defineProps<{\n  url: string\n  scale?: number\n}>()\n</script>')).toEqual(['url', 'scale'])
    expect(layoutProps('const props = defineProps({\n  image: {\n    type: String,\n  },\n  backgroundSize: {\n    type: String,\n    default: \'cover\',\n  },\n})\n')).toEqual(['image', 'backgroundSize'])
    expect(layoutProps('defineProps({\n  items: {\n    type: Array,\n    default: () => [],\n  },\n  color: {\n    type: String,\n  },\n})\n')).toEqual(['items', 'color'])
    expect(layoutProps('<template><div /></template>')).toEqual([])
  })

  it('finds this deck\'s layouts, its theme\'s and Slidev\'s own', () => {
    const layouts = knownLayouts(layoutDirs(projectRoot, { theme: 'default' }, []))
    for (const name of [
      'default',
      'figure',
      'section',
      'cover',
      'center',
      'two-cols',
      'image-right',
    ])
      expect(layouts.has(name), name).toBe(true)
    expect(layouts.get('image-right')).toContain('image')
  })

  it('stops the build of a copy of the deck whose slide has `kciker:` and `layout: figur`, and whose section budget is not a time', async () => {
    const dir = copyProject()
    const entry = join(dir, 'slides.md')
    const section = /^src:\s*\.?\/?(\S+?\.md)\s*$/m.exec(readFileSync(entry, 'utf8'))![1]!
    const path = join(dir, section)
    // A new slide at the end of the talk's first section file, with the two slips.
    const before = readFileSync(path, 'utf8').trimEnd().split('\n')
    writeFileSync(path, [
      ...before,
      '',
      '---',
      'kciker: Why it matters',
      'layout: figur',
      '---',
      '',
      '# A new slide',
      '',
    ].join('\n'))
    // And a section's time budget that is not a time, on its src: block in slides.md.
    const entryLines = readFileSync(entry, 'utf8').split('\n')
    const budgetAt = entryLines.findIndex(l => l.startsWith('budget:'))
    entryLines[budgetAt] = 'budget: 4 mins'
    writeFileSync(entry, entryLines.join('\n'))
    const found = deckFindings(await loadDeck(entry)).map(formatFinding)
    expect(found).toEqual([
      expect.stringContaining(`${section}:${before.length + 3}:1: unknown slide frontmatter key 'kciker'. Did you mean 'kicker'?`),
      expect.stringContaining(`${section}:${before.length + 4}:1: layout 'figur' does not exist. Did you mean 'figure'?`),
      // At the line of the value, not at the block's opening ---.
      expect.stringContaining(`slides.md:${budgetAt + 1}:1: budget "4 mins" is not a time`),
    ])
  }, 60_000)
})

describe('a number Slidev reads from a slide', () => {
  it('clicks: a word or a fraction stops the build at its line; a whole number passes', () => {
    const lines = ['---', 'clicks: two', '---']
    const f = frontmatterFindings([
      slide({ clicks: 'two' }),
      slide({ clicks: 2.5 }, { no: 3, line: 10 }),
      slide({ clicks: 3, zoom: 0.8 }, { no: 4 }),
    ], LAYOUTS, () => lines)
    expect(f.map(formatFinding)).toEqual([
      'slides/01.md:2:1: clicks: "two" is not a whole number of clicks, e.g. clicks: 3. As it is, the slide builds, and the clicker cannot leave it.',
      'slides/01.md:10:1: clicks: 2.5 is not a whole number of clicks, e.g. clicks: 3. As it is, the slide builds, and the clicker cannot leave it.',
    ])
  })
})
