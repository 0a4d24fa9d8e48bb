import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyProject, runScript } from '../support/project'

/** The first section file slides.md imports: any deck made from this project has one. */
function firstSection(dir: string): string {
  const src = readFileSync(join(dir, 'slides.md'), 'utf8').match(/^src:\s*\.?\/?(\S+?\.md)\s*$/m)
  expect(src, 'slides.md imports no section file').not.toBeNull()
  return src![1]!
}

// Each case breaks a copy of the project the way a lecturer might, runs the real build and
// expects a message naming the file and line, a non-zero exit and no dist/.
describe('npm run build on bad input', () => {
  it('names the file and line of a slide that uses an unknown component', () => {
    const dir = copyProject()
    const section = firstSection(dir)
    const file = join(dir, section)
    const lines = readFileSync(file, 'utf8').split('\n')
    const at = lines.length + 2
    writeFileSync(file, `${lines.join('\n')}\n\n<MgBlockChanel :step="$clicks" />\n`)
    const r = runScript(dir, 'build.ts')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${section}:${at}:1: unknown component <MgBlockChanel>`)
    expect(r.stderr).toContain('Did you mean <MgBlockChannel>')
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  }, 120_000)

  it('names the file and line of broken frontmatter', () => {
    const dir = copyProject()
    const section = firstSection(dir)
    const file = join(dir, section)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\nclicks: [4\n'))
    const r = runScript(dir, 'build.ts')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(new RegExp(`${section.replaceAll('.', '\\.')}:\\d+:\\d+: broken frontmatter`))
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  }, 120_000)

  it('says what to install when the browser is missing', () => {
    const dir = copyProject()
    const r = runScript(dir, 'build.ts', [], { CHROMIUM_PATH: '/nonexistent/chromium' })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('CHROMIUM_PATH is set to "/nonexistent/chromium"')
    expect(r.stderr).toContain('npx playwright install chromium')
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  }, 120_000)
})

describe('npm run build when a slide fails to render', () => {
  // A deck of three slides is enough to find a component that throws: the project's own
  // headmatter and title slide, then a section of two slides, the second one broken.
  it('names the slide whose component throws, and leaves no dist/', () => {
    const dir = copyProject()
    writeFileSync(join(dir, 'components/BrokenDiagram.vue'), `<script setup lang="ts">\nthrow new Error('BrokenDiagram cannot draw')\n</script>\n\n<template><div /></template>\n`)
    const entry = readFileSync(join(dir, 'slides.md'), 'utf8')
    // Headmatter and title slide only: the slide separator after the headmatter's closing `---`.
    const titleSlide = entry.slice(0, entry.indexOf('\n---\n', entry.indexOf('\n---\n', 4) + 5))
    writeFileSync(join(dir, 'slides.md'), `${titleSlide}\n---\nsrc: ./slides/broken.md\n---\n`)
    writeFileSync(join(dir, 'slides/broken.md'), `# Works\n\nA plain slide.\n\n<!--\nNotes of a plain slide.\n-->\n\n---\n\n# Throws\n\n<BrokenDiagram />\n\n<!--\nNotes of the broken slide.\n-->\n`)
    const r = runScript(dir, 'build.ts')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/these slides fail to render:\n\s+slides\/broken\.md:\d+: slide 3 "Throws": .*BrokenDiagram cannot draw/)
    expect(r.stderr, 'only the broken slide is named').not.toContain('"Works"')
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  }, 300_000)
})

describe('npm run build and npm run export on bad references', () => {
  // Both fail in the checks, before anything is built: quick.
  it('a citation key that is not in the bibliography: file:line, exit 1, no dist/', () => {
    const dir = copyProject()
    const file = join(dir, 'slides/03-visceral-pain.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('[@petrenko2003]', '[@petrenko2030]'))
    for (const script of ['build.ts', 'export.ts']) {
      const r = runScript(dir, script)
      expect(r.code, script).toBe(1)
      expect(r.stderr, script).toMatch(/slides\/03-visceral-pain\.md:\d+:\d+: error: citation key 'petrenko2030'.*petrenko2003/)
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
