// npm test: everything that checks the project, ending in one line CI can read:
// "tests: N passed, N failed". Unit and component tests (Vitest), then end-to-end and PDF
// tests (Playwright + Chromium) against the built deck, building it first if needed.
import type { ChildProcess } from 'node:child_process'
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
// What the suites put in the system's temporary folder (copies of the project, forks' builds,
// browser profiles) goes into one folder of this run, removed when it ends, however it ends:
// a run used to leave a copy of the project behind for each test that made one.
// The folder is named after this process: a run killed outright (SIGKILL, a closed terminal
// on some systems) cannot remove it, and the next run removes those whose process is gone.
const runTmp = mkdtempSync(join(tmpdir(), `nmda-test-${process.pid}-`))
function remove(folder: string) {
  try {
    // Retried: a runner's workers stopped by a signal may still be writing there for a moment.
    rmSync(folder, {
      recursive: true,
      force: true,
      maxRetries: 5,
      retryDelay: 200,
    })
  }
  catch (error) {
    console.error(`Could not remove ${folder}: ${(error as Error).message}`)
  }
}
/** Whether process `pid` still runs (another user's counts as running: it cannot be asked). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}
for (const name of readdirSync(tmpdir())) {
  const pid = Number(/^nmda-test-(\d+)-/.exec(name)?.[1])
  if (pid && pid !== process.pid && !running(pid))
    remove(join(tmpdir(), name))
}
process.on('exit', () => remove(runTmp))
// Ctrl-C reaches the runner too (one process group), which stops; then this run ends, its
// folder removed. Runners are awaited, not run synchronously: `tsx`, which npm test runs
// this script with, kills a script that does not answer a signal within 60 ms.
let stopped = false
const runners = new Set<ChildProcess>()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopped = true
    // A signal sent to this script alone (kill PID) stops the runners as well.
    for (const child of runners)
      child.kill(signal)
  })
}
const bin = (name: string) => join(root, 'node_modules/.bin', name)
const tally = { passed: 0, failed: 0, skipped: 0 }
let broken = false

/**
 * Runs a runner to its end. `quiet`: its output is held and printed, under its label, when it
 * ends, so that two runners side by side do not mix their lines.
 */
async function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}, quiet = false): Promise<number> {
  if (stopped)
    return 130
  if (!quiet)
    console.log(`\n▶ ${label}`)
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: quiet
      ? ['ignore', 'pipe', 'pipe']
      : 'inherit',
    env: {
      ...process.env,
      TMPDIR: runTmp,
      TMP: runTmp,
      TEMP: runTmp,
      ...env,
    },
  })
  runners.add(child)
  const output: Buffer[] = []
  child.stdout?.on('data', (b: Buffer) => output.push(b))
  child.stderr?.on('data', (b: Buffer) => output.push(b))
  return new Promise(resolve => child.on('close', (code) => {
    runners.delete(child)
    if (quiet)
      process.stdout.write(`\n▶ ${label}\n${Buffer.concat(output).toString()}`)
    resolve(stopped
      ? 130
      : code ?? 1)
  }))
}

// Unit and component tests.
const vitestJson = join(tmp, 'vitest.json')
rmSync(vitestJson, { force: true })
const vitestCode = await run('unit and component tests (vitest)', bin('vitest'), [
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
// Side by side: each is one process on one core, and much of either is reading files.
const checks = await Promise.all([
  flags['skip-lint'] || run('lint (eslint, @antfu/eslint-config)', bin('eslint'), ['.'], {}, true),
  flags['skip-typecheck'] || run('type check (vue-tsc)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'], {}, true),
])
for (const code of checks.filter(c => c !== true)) {
  code === 0
    ? tally.passed++
    : tally.failed++
}

// End-to-end tests need the built deck.
if (!flags.unit) {
  if (!['index.html', 'slides.pdf', 'handout.pdf'].every(f => existsSync(join(root, 'dist', f)))) {
    const code = await run('build (dist/ is missing)', process.execPath, ['--import', 'tsx', 'scripts/build.ts'])
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
  const pwCode = await run('end-to-end and PDF tests (playwright + chromium)', bin('playwright'), pwArgs, { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson })
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
process.exit(stopped
  ? 130
  : tally.failed > 0 || broken
    ? 1
    : 0)
