/**
 * One reader of the deck (lib/deck.ts over the addon's readDeck): Slidev's parser, no
 * preparser, no process-wide parser state changed; and the caches that keep the dev
 * server's edit loop cheap.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { injectPreparserExtensionLoader } from '@slidev/parser/fs'
import { afterAll, describe, expect, it } from 'vitest'
import { formatVancouver, hasReferencesMarker, loadCitedDeck, numberedReferences, readBibliography, referencePageCount } from '../../addons/citations/lib'
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
