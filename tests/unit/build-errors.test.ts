import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyProject, runScript } from '../support/project'

// Each case breaks a copy of the project the way a lecturer might, runs the real build and
// expects a message naming the file and line, a non-zero exit and no dist/.
describe('npm run build on bad input', () => {
  it('names the file and line of a slide that uses an unknown component', () => {
    const dir = copyProject()
    const file = join(dir, 'slides/03-visceral-pain.md')
    const lines = readFileSync(file, 'utf8').split('\n')
    const at = lines.length + 2
    writeFileSync(file, `${lines.join('\n')}\n\n<MgBlockChanel :step="$clicks" />\n`)
    const r = runScript(dir, 'build.ts')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`slides/03-visceral-pain.md:${at}:1: unknown component <MgBlockChanel>`)
    expect(r.stderr).toContain('Did you mean <MgBlockChannel>')
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  }, 120_000)

  it('names the file and line of broken frontmatter', () => {
    const dir = copyProject()
    const file = join(dir, 'slides/03-visceral-pain.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\nclicks: [4\n'))
    const r = runScript(dir, 'build.ts')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/slides\/03-visceral-pain\.md:\d+:\d+: broken frontmatter/)
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
  it('names the slide whose component throws, and leaves no dist/', () => {
    const dir = copyProject()
    writeFileSync(join(dir, 'components/BrokenDiagram.vue'), `<script setup lang="ts">\nthrow new Error('BrokenDiagram cannot draw')\n</script>\n\n<template><div /></template>\n`)
    const file = join(dir, 'slides/03-visceral-pain.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n<BrokenDiagram />\n`)
    const r = runScript(dir, 'build.ts')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/these slides fail to render:\n\s+slides\/03-visceral-pain\.md:\d+: slide \d+ "NMDA Receptor Activation and Visceral Pain": .*BrokenDiagram cannot draw/)
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  }, 300_000)
})
