import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyProject, runScript } from '../support/project'

// Apart from build-errors.test.ts so that Vitest runs the files side by side: each case
// runs a real build or export, a process of its own.

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
