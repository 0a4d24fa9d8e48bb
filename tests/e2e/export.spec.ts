import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { INPUTS_RECORD, inputsRecord } from '../../lib/buildInputs'
import { loadDeck } from '../../lib/deck'
import { deckReminders } from '../../lib/deckCheck'
import { formatFinding } from '../../lib/finding'
import { pageCount, pageTexts } from '../support/pdf'
import { copyProject, projectRoot, runScript } from '../support/project'
import { expect, test } from './fixtures'

const dist = resolve(process.env.DIST_DIR ?? 'dist')

test.describe('npm run export', () => {
  test.setTimeout(180_000)

  test('prints a current dist/ without building it again, and the PDF is the deck', async () => {
    test.skip(dist !== join(projectRoot, 'dist'), 'export reuses the project\'s own dist/')
    const dir = mkdtempSync(join(tmpdir(), 'export-'))
    try {
      const out = join(dir, 'slides.pdf')
      const r = runScript(projectRoot, 'export.ts', ['--out', out])
      expect(r.code, r.output).toBe(0)
      expect(r.stdout).toContain('dist/ is current')
      expect(r.stdout).not.toContain('build the site')
      const deck = await loadDeck(join(projectRoot, 'slides.md'))
      expect(pageCount(out)).toBe(deck.slides.length)
      const texts = pageTexts(out)
      expect(texts[0]).toContain(String(deck.headmatter.title))
      expect(texts.at(-1)).toContain(deck.slides.at(-1)!.title)
      // The template's stand-ins this deck still has (the presenter's name...), last in the
      // output; a fork with its own has none (fork.spec checks that side).
      for (const reminder of deckReminders(deck))
        expect(r.stdout.split('Before you present')[1], 'the reminders come last').toContain(formatFinding(reminder))
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('refuses a dist/ that is not this deck, even when its record says it is, and writes nothing', async () => {
    const dir = copyProject()
    try {
      cpSync(dist, join(dir, 'dist'), { recursive: true })
      // A slide fewer than the built site has...
      const section = join(dir, 'slides/07-summary.md')
      const text = readFileSync(section, 'utf8')
      writeFileSync(section, `${text.slice(0, text.lastIndexOf('\n---\n'))}\n`)
      const deck = await loadDeck(join(dir, 'slides.md'))
      // ...and a record forged to say dist/ was built from it (the check after printing must catch it).
      writeFileSync(join(dir, 'dist', INPUTS_RECORD), JSON.stringify(inputsRecord(dir, '/', deck.slides.map(s => s.file), deck.entry)))
      const before = readFileSync(join(dir, 'dist/slides.pdf'))
      const r = runScript(dir, 'export.ts')
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/the built site is not this version of the deck: it printed \d+ slides where the deck has \d+/)
      expect(readFileSync(join(dir, 'dist/slides.pdf')).equals(before)).toBe(true)
      expect(existsSync(join(dir, 'dist/slides.pdf.partial'))).toBe(false)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
