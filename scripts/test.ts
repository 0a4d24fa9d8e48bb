// npm test: everything that checks the project, ending in one line CI can read:
// "tests: N passed, N failed". Unit and component tests (Vitest), then end-to-end and PDF
// tests (Playwright + Chromium) against the built deck, building it first if needed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { cli } from './_cli'

// Anything else (a spec file, or Playwright's own options after `--`) goes to Playwright.
const { values: flags, positionals } = cli('npm test -- [--unit] [--skip-lint] [--skip-typecheck] [spec files] [-- playwright options]', {
  'unit': { type: 'boolean' },
  'skip-lint': { type: 'boolean' },
  'skip-typecheck': { type: 'boolean' },
}, process.argv.slice(2), true)
const root = resolve('.')
const tmp = join(root, '.tmp')
mkdirSync(tmp, { recursive: true })
const bin = (name: string) => join(root, 'node_modules/.bin', name)
const tally = { passed: 0, failed: 0, skipped: 0 }
let broken = false

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      ...env,
    },
  })
  return r.status ?? 1
}

// Unit and component tests.
const vitestJson = join(tmp, 'vitest.json')
rmSync(vitestJson, { force: true })
const vitestCode = run('unit and component tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
])
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'))
  tally.passed += r.numPassedTests
  tally.failed += r.numFailedTests
  tally.skipped += r.numPendingTests + (r.numTodoTests ?? 0)
}
// A runner that exits non-zero failed, whatever its report counts: Playwright that cannot
// start its web server writes a report of zero tests and exits 1.
if (vitestCode !== 0)
  broken = true

// Lint and type checks: the components and scripts a fork edits must keep compiling and
// keep the Slidev ecosystem's style (`npm run lint:fix` repairs most of what lint reports).
if (!flags['skip-lint']) {
  const code = run('lint (eslint, @antfu/eslint-config)', bin('eslint'), ['.'])
  code === 0
    ? tally.passed++
    : tally.failed++
}
if (!flags['skip-typecheck']) {
  const code = run('type check (vue-tsc)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'])
  code === 0
    ? tally.passed++
    : tally.failed++
}

// End-to-end tests need the built deck.
if (!flags.unit) {
  if (!['index.html', 'slides.pdf', 'handout.pdf'].every(f => existsSync(join(root, 'dist', f)))) {
    const code = run('build (dist/ is missing)', process.execPath, ['--import', 'tsx', 'scripts/build.ts'])
    if (code !== 0)
      broken = true
  }
  const pwJson = join(tmp, 'playwright.json')
  rmSync(pwJson, { force: true })
  const pwArgs = [
    'test',
    '-c',
    'tests/e2e/playwright.config.ts',
    '--reporter=list,json',
    // A spec named on the command line runs alone: its @timed tests otherwise wait for the
    // whole suite they depend on (tests/e2e/playwright.config.ts).
    ...(positionals.some(p => !p.startsWith('-'))
      ? ['--no-deps']
      : []),
    ...positionals,
  ]
  const pwCode = run('end-to-end and PDF tests (playwright + chromium)', bin('playwright'), pwArgs, { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson })
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats
    tally.passed += s.expected + (s.flaky ?? 0)
    tally.failed += s.unexpected
    tally.skipped += s.skipped
  }
  if (pwCode !== 0)
    broken = true
}

console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`)
if (broken)
  console.log('A test runner failed or could not run; see its output above.')
process.exit(tally.failed > 0 || broken
  ? 1
  : 0)
