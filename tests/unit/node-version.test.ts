import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// package.json's `engines.node` is what the README promises lecturers. It must be the truth:
// not lower than what Slidev itself needs (a lower floor installs, then fails to build), and
// met by the Node that publishes the deck and by the Node these tests run on.
const root = process.cwd()
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'))

/** `[major, minor]` of a lower bound written `>=X.Y[.Z]`, the only form this project declares. */
function floor(range: string, what: string): [number, number] {
  const m = /^>=\s*(\d+)\.(\d+)(?:\.\d+)?$/.exec(range.trim())
  if (!m)
    throw new Error(`${what}: engines.node '${range}' is not of the form '>=X.Y'`)
  return [
    Number(m[1]),
    Number(m[2]),
  ]
}
const atLeast = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1])

describe('the supported Node versions', () => {
  const ours = floor(readJson('package.json').engines.node, 'package.json')

  it('are not lower than what Slidev needs', () => {
    const slidev = floor(readJson('node_modules/@slidev/cli/package.json').engines.node, '@slidev/cli')
    expect(atLeast(ours, slidev), `package.json engines.node ${ours.join('.')} < @slidev/cli's ${slidev.join('.')}`).toBe(true)
  })

  it('include the Node the Pages workflow builds with', () => {
    const workflow = parse(readFileSync(join(root, '.github/workflows/pages.yml'), 'utf8'))
    const setup = workflow.jobs.build.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node'))
    const major = Number(setup.with['node-version'])
    // A bare major means its newest release, which is above any X.Y floor of that major.
    expect(major, 'pages.yml node-version').toBeGreaterThanOrEqual(ours[0])
  })

  it('include the Node these tests run on', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
    expect(atLeast([major, minor], ours), `Node ${process.versions.node}`).toBe(true)
  })
})
