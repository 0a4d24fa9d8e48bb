import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'

const root = resolve(__dirname, '../..')

// The 20-minute talk takes slide ranges (`src: file.md#1,6-7`) from the same section files.
describe('short.md, the 20-minute version', () => {
  it('reads as a shorter talk made of the same slides, ending in its references and the closing slide', async () => {
    const full = await loadDeck(resolve(root, 'slides.md'))
    const short = await loadDeck(resolve(root, 'short.md'))
    expect(short.slides.length).toBeLessThan(full.slides.length / 2)
    const lecture = short.slides.filter(s => s.file.startsWith('slides/0'))
    for (const s of lecture)
      expect(full.slides.some(f => f.file === s.file && f.line === s.line && f.title === s.title), `${s.file}:${s.line}`).toBe(true)
    // The tolerance slide carries the source's title as its kicker, above its own point title.
    expect(short.slides.map(s => s.frontmatter.kicker ?? s.title)).toContain('Opioid Tolerance')
    // It ends as the full talk does: the closing slide, then the reference slides.
    const closing = short.slides.findIndex(s => s.title === 'Questions')
    expect(closing).toBeGreaterThan(0)
    expect(short.slides.slice(closing + 1).map(s => s.file)).toEqual(short.slides.slice(closing + 1).map(() => 'slides/references.md'))
    expect(short.slides.length).toBeGreaterThan(closing + 1)
  })

  it('passes the reference check, with fewer references than the full talk', () => {
    const check = (deck: string) => JSON.parse(spawnSync(process.execPath, [
      '--import',
      'tsx',
      'scripts/check-refs.ts',
      '--json',
      '--deck',
      deck,
    ], { cwd: root, encoding: 'utf8' }).stdout)
    const short = check('short.md')
    const full = check('slides.md')
    expect(short.summary.errors).toBe(0)
    expect(short.cited.length).toBeGreaterThan(0)
    expect(short.cited.length).toBeLessThan(full.cited.length)
  }, 60_000)
})
