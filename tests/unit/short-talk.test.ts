import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'
import { settingsDrift } from '../../lib/deckCheck'
import { formatFinding } from '../../lib/finding'

const root = resolve(__dirname, '../..')
const shortEntry = resolve(root, 'short.md')
const full = await loadDeck(resolve(root, 'slides.md'))

/** npm run check:refs on one entry file, read as JSON. */
function checkRefs(deck: string) {
  return JSON.parse(spawnSync(process.execPath, [
    '--import',
    'tsx',
    'scripts/check-refs.ts',
    '--json',
    '--deck',
    deck,
  ], { cwd: root, encoding: 'utf8' }).stdout)
}

/** Where the talk ends: the closing slide offers the downloads; the reference slides follow it. */
function closingAt(slides: { content: string }[]): number {
  return slides.findIndex(s => /class="downloads"/.test(s.content))
}

// The 20-minute talk takes slide ranges (`src: file.md#1,6-7`) from the same section files. What
// any fork's second entry file must do: load, resolve its citations, end like a talk.
describe.skipIf(!existsSync(shortEntry))('short.md, a second entry file', () => {
  it('loads, and passes the reference check', async () => {
    const short = await loadDeck(shortEntry)
    expect(short.slides.length).toBeGreaterThan(0)
    const refs = checkRefs('short.md')
    expect(refs.summary.errors, 'npm run check:refs -- --deck short.md').toBe(0)
  }, 60_000)

  // A second entry file is the same talk, shorter: a deck setting that differs is one forgotten
  // there (short.md once had no offline cache and a light-only scheme). The build and
  // `npm run dev` name such a setting (settingsDrift); a fork's tests hold it too.
  it('keeps every deck setting of slides.md: theme, scheme, fonts, canvas, offline cache', async () => {
    const short = await loadDeck(shortEntry)
    expect(settingsDrift('slides.md', full.headmatter, {
      file: 'short.md',
      markdown: readFileSync(shortEntry, 'utf8'),
      headmatter: short.headmatter,
    }).map(formatFinding)).toEqual([])
  })

  it('ends as slides.md does: the closing slide, then only the reference slides', async () => {
    const short = await loadDeck(shortEntry)
    const [closing, fullClosing] = [
      closingAt(short.slides),
      closingAt(full.slides),
    ]
    // Only where the full talk has a closing slide with downloads is the short one held to it.
    if (fullClosing < 0)
      return
    expect(closing, 'short.md has the closing slide').toBeGreaterThan(0)
    const after = (slides: typeof short.slides, i: number) => [
      ...new Set(slides.slice(i + 1).map(s => s.file)),
    ]
    expect(after(short.slides, closing)).toEqual(after(full.slides, fullClosing))
  })
})

// This lecture's own 20-minute version (the deck claims the source lecture: see
// source-lecture.test.ts). A fork that drops that claim has its own talks to judge.
describe.skipIf(!existsSync(shortEntry) || !full.headmatter.sourceOutline)('short.md, this lecture in 20 minutes', () => {
  it('is a shorter talk made of the full talk\'s slides, the tolerance diagram among them', async () => {
    const short = await loadDeck(shortEntry)
    expect(short.slides.length).toBeLessThan(full.slides.length / 2)
    const lecture = short.slides.filter(s => s.file.startsWith('slides/0'))
    for (const s of lecture)
      expect(full.slides.some(f => f.file === s.file && f.line === s.line && f.title === s.title), `${s.file}:${s.line}`).toBe(true)
    // The tolerance slide carries the source's title as its kicker, above its own point title.
    expect(short.slides.map(s => s.frontmatter.kicker ?? s.title)).toContain('Opioid Tolerance')
  })

  it('cites fewer references than the full talk', () => {
    const [short, all] = [
      checkRefs('short.md'),
      checkRefs('slides.md'),
    ]
    expect(short.cited.length).toBeGreaterThan(0)
    expect(short.cited.length).toBeLessThan(all.cited.length)
  }, 60_000)
})
