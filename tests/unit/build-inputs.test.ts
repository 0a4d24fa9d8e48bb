import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inputFiles, INPUTS_RECORD, inputsRecord, isCurrent, newestInput, pdfEntry, recordPdfEntry } from '../../lib/buildInputs'

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inputs-'))
  for (const [f, text] of Object.entries({
    'slides.md': '# Talk',
    'slides/01.md': '# One',
    'components/X.vue': '<template><div /></template>',
    'public/logo.svg': '<svg/>',
    'references.bib': '@article{a,}',
    'package-lock.json': '{}',
    'dist/index.html': 'built',
    'node_modules/x/index.js': '',
    'tests/a.test.ts': '',
    '.tmp/scratch': '',
    '.git/HEAD': '',
  })) {
    mkdirSync(join(dir, f, '..'), { recursive: true })
    writeFileSync(join(dir, f), text)
  }
  return dir
}

describe('the inputs of a built site', () => {
  it('are the deck\'s files, not outputs, dependencies, tests or tooling', () => {
    expect(inputFiles(project())).toEqual([
      'components/X.vue',
      'package-lock.json',
      'public/logo.svg',
      'references.bib',
      'slides.md',
      'slides/01.md',
    ])
  })

  it('hash differently when any input changes, or the base path', () => {
    const dir = project()
    const before = inputsRecord(dir, '/', [], 'slides.md')
    expect(inputsRecord(dir, '/', [], 'slides.md')).toEqual(before)
    expect(inputsRecord(dir, '/sub/', [], 'slides.md').hash).toBe(before.hash)
    expect(inputsRecord(dir, '/sub/', [], 'slides.md')).not.toEqual(before)
    for (const f of ['slides/01.md', 'public/logo.svg', 'package-lock.json']) {
      writeFileSync(join(dir, f), 'changed')
      expect(inputsRecord(dir, '/', [], 'slides.md').hash, f).not.toBe(before.hash)
    }
    // An output or a test changing does not make a site stale.
    const now = inputsRecord(dir, '/', [], 'slides.md').hash
    writeFileSync(join(dir, 'dist/index.html'), 'rebuilt')
    writeFileSync(join(dir, 'tests/a.test.ts'), 'more')
    expect(inputsRecord(dir, '/', [], 'slides.md').hash).toBe(now)
  })

  it('make a site current only with the same hash and base and a site there', () => {
    const dir = project()
    const record = inputsRecord(dir, '/', [], 'slides.md')
    const dist = join(dir, 'dist')
    expect(isCurrent(dist, record)).toBe(false)
    writeFileSync(join(dist, INPUTS_RECORD), JSON.stringify(record))
    expect(isCurrent(dist, record)).toBe(true)
    expect(isCurrent(dist, { ...record, base: '/sub/' })).toBe(false)
    // The same files make another deck from another entry (npm run build -- --deck short.md).
    expect(record.entry).toBe('slides.md')
    expect(isCurrent(dist, inputsRecord(dir, '/', [], join(dir, 'short.md')))).toBe(false)
    expect(isCurrent(dist, inputsRecord(dir, '/', [], 'slides.md'))).toBe(true)
    writeFileSync(join(dir, 'slides.md'), '# Talk, edited')
    expect(isCurrent(dist, inputsRecord(dir, '/', [], 'slides.md'))).toBe(false)
    writeFileSync(join(dist, INPUTS_RECORD), 'not json')
    expect(isCurrent(dist, record)).toBe(false)
  })
  it('were last changed when their newest file was, outputs, tests and tooling aside', () => {
    const dir = project()
    const at = (f: string, iso: string) => utimesSync(join(dir, f), new Date(iso), new Date(iso))
    for (const f of inputFiles(dir))
      at(f, '2024-01-01T00:00:00Z')
    expect(newestInput(dir)).toBe(Date.parse('2024-01-01T00:00:00Z'))
    at('slides/01.md', '2025-03-01T00:00:00Z')
    expect(newestInput(dir)).toBe(Date.parse('2025-03-01T00:00:00Z'))
    for (const f of [
      'dist/index.html',
      'tests/a.test.ts',
      '.tmp/scratch',
      'node_modules/x/index.js',
    ])
      at(f, '2026-01-01T00:00:00Z')
    expect(newestInput(dir)).toBe(Date.parse('2025-03-01T00:00:00Z'))
    // A slide file the deck imports from outside the project counts too.
    const outside = join(mkdtempSync(join(tmpdir(), 'inputs-')), 'shared.md')
    writeFileSync(outside, '# Shared')
    utimesSync(outside, new Date('2025-06-01T00:00:00Z'), new Date('2025-06-01T00:00:00Z'))
    expect(newestInput(dir, [outside])).toBe(Date.parse('2025-06-01T00:00:00Z'))
  })

  it('record which entry file each PDF was printed from, one PDF at a time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdfs-'))
    expect(pdfEntry(dir, 'slides.pdf')).toBeUndefined()
    recordPdfEntry(dir, 'slides.pdf', 'slides.md')
    recordPdfEntry(dir, 'handout.pdf', 'slides.md')
    // `npm run export -- --deck short.md` prints the slides alone: the handout stays slides.md's.
    recordPdfEntry(dir, 'slides.pdf', 'short.md')
    expect(pdfEntry(dir, 'slides.pdf')).toBe('short.md')
    expect(pdfEntry(dir, 'handout.pdf')).toBe('slides.md')
  })
})
