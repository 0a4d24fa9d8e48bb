/**
 * The presenter view (Slidev's client, which knows a slide's `src:` block only through the
 * deck's preparser) and the build (the PDFs' bookmarks, the duration reminder: lib/deck.ts)
 * must cut the talk into the same sections. Here both read one small deck: Slidev's own
 * loader with the deck's preparser, as `npm run dev` and the build's site do, against the
 * build's reader.
 */
import type { SlidevPreparserExtension } from '@slidev/types'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { injectPreparserExtensionLoader, load } from '@slidev/parser/fs'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'
import { sectionsOf, timed, timing } from '../../lib/sectionTimer'
import preparser from '../../setup/preparser'

const FILES: Record<string, string> = {
  'slides.md': [
    '---',
    'title: Sections',
    '---',
    '# Sections',
    '---',
    'src: ./part.md',
    'budget: 6min',
    '---',
    '',
    '---',
    'src: ./summary.md',
    'budget: 2min',
    '---',
    '',
    '---',
    'src: ./closing.md',
    'budget: 2min',
    '---',
    '',
    '---',
    'src: ./x.md',
    '---',
    '',
    '---',
    'src: ./y.md',
    '---',
    '',
  ].join('\n'),
  // A section that imports its parts: one section of 6min, not one per inner block.
  'part.md': '---\nlayout: section\n---\n# Part\n\n---\nsrc: ./a.md\n---\n\n---\nsrc: ./b.md\nbudget: 1min\n---\n',
  'a.md': '# A\n',
  'b.md': '# B\n',
  // Two blocks of one budget, the second without a divider: two sections.
  'summary.md': '---\nlayout: section\n---\n# Summary\n\n---\n\n# Take-home\n',
  'closing.md': '# Questions\n',
  // Budgets on the files' own slides, imported by blocks without one.
  'x.md': '---\nbudget: 1min\n---\n# X\n',
  'y.md': '---\nbudget: 1min\n---\n# Y\n',
}

describe('sections of a deck, in Slidev\'s client and in the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nmda-sections-'))
  for (const [name, text] of Object.entries(FILES))
    writeFileSync(join(dir, name), text)
  afterAll(() => {
    injectPreparserExtensionLoader(async () => [])
    rmSync(dir, { recursive: true, force: true })
  })

  it('are the same, nested blocks and neighbouring equal budgets included', async () => {
    const entry = join(dir, 'slides.md')
    injectPreparserExtensionLoader(async (_roots, headmatter, filepath, mode) =>
      (preparser as unknown as (ctx: object) => SlidevPreparserExtension[])({ filepath, headmatter, mode }))
    const client = await load({
      userRoot: dir,
      roots: [dir],
    } as any, entry)
    const inClient = sectionsOf(client.slides.map(s => ({
      no: s.index + 1,
      title: s.title,
      layout: s.frontmatter.layout,
      ...timing(s.frontmatter),
    })))
    const deck = await loadDeck(entry)
    const inBuild = sectionsOf(timed(deck.slides))
    const shape = (sections: typeof inBuild) => sections.map(s => [
      s.title,
      s.from,
      s.to,
      s.budgetMs / 60_000,
    ])
    expect(shape(inClient)).toEqual(shape(inBuild))
    expect(shape(inBuild)).toEqual([
      ['Part', 1, 4, 6],
      ['Summary', 5, 6, 2],
      ['Questions', 7, 7, 2],
      ['X', 8, 9, 1],
    ])
  })
})
