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
    // The references' own count, named as theirs: a bare "0 error(s)" printed just before the
    // build stopped read as the build's.
    expect(r.stdout).toMatch(/^references: \d+ citations .*; 0 errors, \d+ warnings \[/m)
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

  it('names the line of a talk title with an unquoted colon, says to quote it, and reports nothing that follows from it', () => {
    const dir = copyProject()
    const entry = join(dir, 'slides.md')
    const text = readFileSync(entry, 'utf8')
    const at = text.split('\n').findIndex(l => l.startsWith('title:')) + 1
    expect(at).toBeGreaterThan(0)
    writeFileSync(entry, text.replace(/^title: .*$/m, 'title: Glutamate and chronic pain: a fork'))
    const r = runScript(dir, 'build.ts')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(new RegExp(`slides\\.md:${at}:\\d+: broken frontmatter: .*needs quotes, e\\.g\\. title: "`))
    // Not a stack trace, and not the addon's components going missing with the lost headmatter.
    expect(r.stderr).not.toMatch(/TypeError|unknown component/)
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
