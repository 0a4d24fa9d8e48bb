import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'
import { copyProject, runScript } from '../support/project'

// Apart from build-errors.test.ts so that Vitest runs the files side by side: each case
// runs a real build or export, a process of its own.

describe('npm run build and npm run export on bad references', () => {
  // Both fail in the checks, before anything is built: quick.
  it('a citation key that is not in the bibliography: file:line, exit 1, no dist/', async () => {
    const dir = copyProject()
    // A citation in whichever section file the talk imports first (a fork may have cut any
    // section), its key mistyped.
    const cited = (await loadDeck(join(dir, 'slides.md'))).slides.find(s => s.file.startsWith('slides/') && /\[@\w/.test(s.content))!
    expect(cited, 'a slide of a section file cites').toBeTruthy()
    const path = join(dir, cited.file)
    const text = readFileSync(path, 'utf8')
    const key = /\[@([\w-]+)/.exec(text)![1]
    writeFileSync(path, text.replace(`[@${key}`, `[@${key}zz`))
    for (const script of ['build.ts', 'export.ts']) {
      const r = runScript(dir, script)
      expect(r.code, script).toBe(1)
      expect(r.stderr, script).toMatch(new RegExp(`${cited.file}:\\d+:\\d+: error: citation key '${key}zz'.*${key}`))
      expect(existsSync(join(dir, 'dist')), script).toBe(false)
    }
  }, 120_000)

  it('a malformed BibTeX entry: the file and line of the entry, exit 1, no dist/', () => {
    const dir = copyProject()
    const bib = join(dir, 'references.bib')
    const text = readFileSync(bib, 'utf8')
    const line = text.slice(0, text.indexOf('@article{petrenko2003,')).split('\n').length
    // An entry whose braces do not balance: a title missing its closing brace.
    writeFileSync(bib, text.replace(/(@article\{petrenko2003,[\s\S]*?title\s*=\s*\{[^}]*)\}/, '$1'))
    for (const script of ['build.ts', 'export.ts']) {
      const r = runScript(dir, script)
      expect(r.code, script).toBe(1)
      expect(r.stderr, script).toContain(`references.bib:${line}:1: error: BibTeX syntax error`)
      expect(existsSync(join(dir, 'dist')), script).toBe(false)
    }
  }, 120_000)

  it('export: a missing browser is said before any work, and nothing is written', () => {
    const dir = copyProject()
    const r = runScript(dir, 'export.ts', [], { CHROMIUM_PATH: '/nope' })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('CHROMIUM_PATH is set to "/nope"')
    expect(existsSync(join(dir, 'dist'))).toBe(false)
    expect(existsSync(join(dir, '.tmp'))).toBe(false)
  }, 120_000)
})
