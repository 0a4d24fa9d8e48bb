/**
 * One reader of the deck (lib/deck.ts over the addon's readDeck): Slidev's parser, no
 * preparser, no process-wide parser state changed; and the caches that keep the dev
 * server's edit loop cheap.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { injectPreparserExtensionLoader } from '@slidev/parser/fs'
import { afterAll, describe, expect, it } from 'vitest'
import { citeDeck, DeckReadError, formatVancouver, hasReferencesMarker, loadCitedDeck, numberedReferences, readBibliography, readDeck, readDeckAgain, referencePageCount } from '../../addons/citations/lib'
import { renderedOnce } from '../../addons/citations/lib/renderCache'
import { loadDeck } from '../../lib/deck'

const root = resolve(__dirname, '../..')

describe('the deck reader', () => {
  afterAll(() => injectPreparserExtensionLoader(null as any))

  it('numbers slides as built (the references marker counts as its pages) and keeps notes as written', async () => {
    const deck = await loadDeck(resolve(root, 'slides.md'))
    const written = deck.cited.slides
    const pages = referencePageCount(deck.cited.references)
    expect(written.filter(s => hasReferencesMarker(s.source.raw))).toHaveLength(1)
    expect(deck.slides).toHaveLength(written.length - 1 + pages)
    expect(deck.slides.map(s => s.no)).toEqual(deck.slides.map((_, i) => i + 1))
    const refs = deck.slides.filter(s => s.file === 'slides/references.md')
    expect(refs).toHaveLength(pages)
    expect(refs.every(s => s.content.includes('<ReferenceList>'))).toBe(true)
    expect(deck.slides.some(s => /\[@\w/.test(s.note))).toBe(true)
    expect(deck.slides.some(s => /class="citation/.test(s.note + s.content))).toBe(false)
  })

  it('runs no preparser even where Slidev\'s CLI has installed its loader (setups by root)', async () => {
    const asked: string[][] = []
    // What Slidev's CLI installs: the preparser setups of the roots it is given.
    injectPreparserExtensionLoader(async (roots) => {
      asked.push(roots)
      return roots.length
        ? [
            {
              name: 'would-rewrite',
              transformSlide: async () => 'REWRITTEN',
            },
          ]
        : []
    })
    const deck = await loadDeck(resolve(root, 'slides.md'))
    expect(asked.every(r => r.length === 0)).toBe(true)
    expect(deck.slides.some(s => s.content === 'REWRITTEN')).toBe(false)
  })

  it('leaves the parser\'s process-wide loader to Slidev: no code outside tests installs or resets it', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(e =>
      e.isDirectory()
        ? ([
            'node_modules',
            'tests',
            '.git',
            'dist',
            '.tmp',
          ].includes(e.name)
            ? []
            : files(join(dir, e.name)))
        : /\.(?:ts|vue|mjs)$/.test(e.name)
          ? [
              join(dir, e.name),
            ]
          : [])
    const offenders = files(root).filter(f => /injectPreparserExtensionLoader|globalThis\s*(?:as\b|\[)|Symbol\.for\(/.test(readFileSync(f, 'utf8')))
    expect(offenders.map(f => f.slice(root.length + 1))).toEqual([])
  })
})

describe('caches of the edit loop', () => {
  it('formats each entry once and numbers on top, as formatting the whole list does', async () => {
    const deck = await loadCitedDeck(resolve(root, 'slides.md'))
    const order = deck.citations.order.filter(k => deck.bibliography.byKey.has(k))
    const whole = formatVancouver(order.map(k => deck.bibliography.byKey.get(k)!))
    expect(deck.references).toEqual(whole)
    // Another order (a citation moved earlier): the same entries, renumbered.
    const moved = [
      order.at(-1)!,
      ...order.slice(0, -1),
    ]
    expect(numberedReferences(moved, deck.bibliography)).toEqual(formatVancouver(moved.map(k => deck.bibliography.byKey.get(k)!)))
  })

  it('parses a bibliography again only when its file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bib-cache-'))
    const file = join(dir, 'refs.bib')
    copyFileSync(resolve(root, 'tests/fixtures/addon-deck/refs.bib'), file)
    const first = readBibliography(file)
    expect(readBibliography(file)).toBe(first)
    writeFileSync(file, readFileSync(file, 'utf8').replace('{Pain}', '{Pain (journal)}'))
    const t = statSync(file).mtimeMs / 1000 + 5
    utimesSync(file, t, t)
    const second = readBibliography(file)
    expect(second).not.toBe(first)
    expect(second.byKey.get('woolf2011')!.csl['container-title']).toBe('Pain (journal)')
  })

  describe('reading the deck again after an edit (the dev server)', () => {
    // A deck of its own (a fork may reshape the real one): an entry without a title key,
    // whose first slide names the talk; a section with a hidden slide and cited notes; a
    // section taken in part by a range; a key first cited in that last section.
    const copy = () => {
      const dir = mkdtempSync(join(tmpdir(), 'deck-again-'))
      copyFileSync(resolve(__dirname, '../fixtures/refs-ok/refs.bib'), join(dir, 'refs.bib'))
      writeFileSync(join(dir, 'slides.md'), [
        '---',
        'bibliography: refs.bib',
        '---',
        '',
        '# An old name',
        '',
        'Opening [@petrenko2003].',
        '',
        '---',
        'src: ./a.md',
        '---',
        '',
        '---',
        'src: ./b.md#2-3',
        '---',
        '',
      ].join('\n'))
      writeFileSync(join(dir, 'a.md'), [
        '# First of a',
        '',
        'Central sensitization [@woolf2011].',
        '',
        '<!--',
        'The notes cite too [@staud2004].',
        '-->',
        '',
        '---',
        'hide: true',
        '---',
        '',
        '# Hidden',
        '',
        'Not in the talk [@mccartney2004].',
        '',
        '---',
        'layout: default',
        '---',
        '',
        '# Last of a',
        '',
        'More text.',
        '',
      ].join('\n'))
      writeFileSync(join(dir, 'b.md'), [
        '# Not taken',
        '',
        '[@mccartney2004]',
        '',
        '---',
        '',
        '# Taken',
        '',
        'The block [@mayer1984].',
        '',
        '---',
        '',
        '# Also taken',
        '',
        'And again [@woolf2011].',
        '',
      ].join('\n'))
      return dir
    }
    const edit = (file: string, from: string | RegExp, to: string) => {
      const text = readFileSync(file, 'utf8')
      const next = text.replace(from, to)
      expect(next, `${file}: the edit must change the text`).not.toBe(text)
      writeFileSync(file, next)
    }
    // What a reader of the deck sees: every slide as Slidev's parser gives it, and the numbers.
    const seen = async (entry: string, data: Awaited<ReturnType<typeof readDeck>>) => {
      const cited = citeDeck(entry, data)
      return {
        headmatter: data.headmatter,
        slides: data.slides.map(s => ({
          index: s.index,
          content: s.content,
          note: s.note,
          title: s.title,
          level: s.level,
          frontmatter: s.frontmatter,
          file: s.source.filepath,
          start: s.source.start,
          raw: s.source.raw,
          importedAt: s.importChain?.map(c => `${c.filepath}:${c.start}`),
        })),
        occurrences: cited.citations.occurrences,
        numbers: [...cited.numbers],
      }
    }
    const sameAsAWholeRead = async (entry: string) => {
      const again = await readDeckAgain(entry)
      expect(await seen(entry, again)).toEqual(await seen(entry, await readDeck(entry)))
      return again
    }

    it('reads only an edited file again, and reads what reading the whole deck reads', async () => {
      const dir = copy()
      const entry = join(dir, 'slides.md')
      const first = await sameAsAWholeRead(entry)
      expect(first.slides).toHaveLength(5)
      expect(await readDeckAgain(entry), 'nothing changed: the same deck').toBe(first)

      const file = join(dir, 'a.md')
      edit(file, 'Central sensitization [@woolf2011]', 'Central sensitization, again [@woolf2011]')
      const worded = await sameAsAWholeRead(entry)
      const untouched = first.slides.filter(s => !s.source.filepath.endsWith('/a.md'))
      expect(untouched).toHaveLength(3)
      expect(untouched.every(s => worded.slides[s.index]!.source === s.source), 'slides of other files are not read again').toBe(true)

      // A key first cited late in the talk, cited early: the numbers move.
      expect(citeDeck(entry, worded).numbers.get('mayer1984')).toBe(4)
      edit(file, 'Central sensitization, again [@woolf2011]', 'Central sensitization [@woolf2011; @mayer1984]')
      const cited = await sameAsAWholeRead(entry)
      expect(citeDeck(entry, cited).numbers.get('mayer1984')).toBe(3)

      // A citation moved into code is no citation; a citation in the notes is one.
      edit(file, 'Central sensitization [@woolf2011; @mayer1984]', 'Central sensitization `[@mayer1984]` [@woolf2011]')
      await sameAsAWholeRead(entry)
      edit(file, 'The notes cite too [@staud2004].', 'The notes cite too [@staud2004; @mayer1984].')
      await sameAsAWholeRead(entry)
    })

    it('an edit above a nested import moves the line the imported slides name as their import', async () => {
      const dir = copy()
      const entry = join(dir, 'slides.md')
      const file = join(dir, 'a.md')
      edit(file, '# Last of a', '# Last of a\n\n---\nsrc: ./c.md\n---\n')
      writeFileSync(join(dir, 'c.md'), '# Imported by a\n\nText [@woolf2011].\n')
      const first = await sameAsAWholeRead(entry)
      const nested = first.slides.find(s => s.source.filepath.endsWith('/c.md'))!
      expect(nested.importChain).toHaveLength(2)
      edit(file, 'Central sensitization [@woolf2011].', 'Central sensitization [@woolf2011].\n\nTwo lines more.')
      const again = await sameAsAWholeRead(entry)
      expect(again.slides[nested.index]!.source, 'the imported file is not read again').toBe(nested.source)
      expect(again.slides[nested.index]!.importChain!.at(-1)!.start).toBe(nested.importChain!.at(-1)!.start + 2)
    })

    it('reads the whole deck when a slide is added or removed, a frontmatter changes or the first slide is edited', async () => {
      const dir = copy()
      const entry = join(dir, 'slides.md')
      const first = await sameAsAWholeRead(entry)
      const file = join(dir, 'a.md')

      edit(file, '\n---\nhide: true\n', '\n---\n\n# A slide added while presenting\n\nText [@mccartney2004].\n\n---\nhide: true\n')
      const added = await sameAsAWholeRead(entry)
      expect(added.slides).toHaveLength(first.slides.length + 1)

      edit(file, 'hide: true', 'hide: false')
      const shown = await sameAsAWholeRead(entry)
      expect(shown.slides).toHaveLength(first.slides.length + 2)

      // The last slide of a section removed: the slides before it keep their frontmatter.
      edit(join(dir, 'b.md'), /\n---\n\n# Also taken[\s\S]*$/, '\n')
      const removed = await sameAsAWholeRead(entry)
      expect(removed.slides).toHaveLength(shown.slides.length - 1)

      // Without a title: key Slidev names the talk after the first slide's heading.
      edit(entry, '# An old name', '# A new name')
      expect((await sameAsAWholeRead(entry)).headmatter.title).toBe('A new name')
    })
  })

  it('renders a slide once per numbering, again when the numbers change', async () => {
    const deck = await loadCitedDeck(resolve(root, 'slides.md'))
    let calls = 0
    const render = () => String(++calls)
    expect(renderedOnce(deck)('slide\0a', render)).toBe('1')
    expect(renderedOnce(deck)('slide\0a', render)).toBe('1')
    const renumbered = {
      ...deck,
      references: [...deck.references].reverse(),
    }
    expect(renderedOnce(renumbered)('slide\0a', render)).toBe('2')
  })
})

describe('a deck that cannot be read', () => {
  it('names the src: line of an import with no file, and the file it probably meant', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmda-src-'))
    mkdirSync(join(dir, 'slides'))
    writeFileSync(join(dir, 'slides/02-activation-persistent-pain.md'), '# Persistent pain\n')
    writeFileSync(join(dir, 'slides.md'), [
      '---',
      'title: T',
      '---',
      '',
      '# T',
      '',
      '---',
      'src: ./slides/02-activation-persistant-pain.md',
      'budget: 5min',
      '---',
      '',
    ].join('\n'))
    const error = await readDeck(join(dir, 'slides.md')).catch(e => e)
    expect(error).toBeInstanceOf(DeckReadError)
    expect(error.message).toBe('slides.md:8:6: src: no file at ./slides/02-activation-persistant-pain.md. Did you mean ./slides/02-activation-persistent-pain.md? Fix the path after src:, or remove the block.')
    expect(error.message).not.toContain(dir)
  })
})
