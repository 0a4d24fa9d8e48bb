import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { copyProject, projectRoot, runScript } from '../support/project'

// scripts/test.ts (npm test) sums the runners' reports into the line CI reads, and fails when
// a runner exits non-zero even if its report counts no failure: Playwright that could not
// start its web server wrote a report of zero tests, exited 1, and npm test passed.

/**
 * Vitest's JSON report of three passed tests, written where npm test asks; exits $FAKE_EXIT.
 * Before that it leaves a folder in the temporary folder, as the suites' copies of the project do.
 */
const FAKE_VITEST = `#!/bin/sh
made=$(mktemp -d) && touch "$made/left-behind" && echo "made $made"
for a in "$@"; do
  case "$a" in
    --outputFile=*) printf '{"numPassedTests":3,"numFailedTests":0,"numPendingTests":0}' > "\${a#--outputFile=}" ;;
  esac
done
exit "$FAKE_EXIT"
`

/**
 * A lint or type check that passes only if the other one (`partner`) starts while it runs,
 * and prints a line of its own: run one after the other, the first gives up after 10 s.
 */
function fakeCheck(name: string, partner: string): string {
  return `#!/bin/sh
touch "$FAKE_DIR/${name}"
i=0
while [ ! -f "$FAKE_DIR/${partner}" ]; do
  i=$((i+1)); [ $i -gt 100 ] && echo "${name}: ${partner} did not start beside me" && exit 1
  sleep 0.1
done
echo "${name} says: all clean"
`
}

/** A copy of the project whose node_modules/.bin has the fakes given (vitest: the one above). */
function projectWithFakes(fakes: Record<string, string> = { vitest: FAKE_VITEST }): string {
  const dir = copyProject()
  const modules = join(dir, 'node_modules')
  // The copy's node_modules is hard links to ours, or a symlink to it on another file system:
  // either way writing over an entry would change our own, so the entry is replaced.
  if (lstatSync(modules).isSymbolicLink()) {
    const shared = join(projectRoot, 'node_modules')
    rmSync(modules)
    mkdirSync(join(modules, '.bin'), { recursive: true })
    for (const name of readdirSync(shared).filter(n => n !== '.bin'))
      symlinkSync(join(shared, name), join(modules, name))
  }
  for (const [name, script] of Object.entries(fakes)) {
    const bin = join(modules, '.bin', name)
    rmSync(bin, { force: true })
    writeFileSync(bin, script)
    chmodSync(bin, 0o755)
  }
  return dir
}

/** The folder the fake runner made: inside this run's own temporary folder, and gone after it. */
function expectNothingLeft(stdout: string) {
  const made = stdout.match(/^made (\S+)$/m)?.[1]
  expect(made, stdout).toMatch(/[/\\]nmda-test-[^/\\]+[/\\]/)
  expect(existsSync(made!)).toBe(false)
}

describe('npm test\'s verdict', () => {
  const dir = projectWithFakes()
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const unitOnly = [
    '--unit',
    '--skip-lint',
    '--skip-typecheck',
  ]

  it('fails when a runner exits non-zero, even though its report counts no failure', () => {
    const r = runScript(dir, 'test.ts', unitOnly, { FAKE_EXIT: '1' })
    expect(r.stdout).toContain('tests: 3 passed, 0 failed, 0 skipped')
    expect(r.stdout).toContain('A test runner failed or could not run')
    expect(r.code, r.output).toBe(1)
    expectNothingLeft(r.stdout)
  }, 60_000)

  it('passes when the runner exits 0 with the same report', () => {
    const r = runScript(dir, 'test.ts', unitOnly, { FAKE_EXIT: '0' })
    expect(r.stdout).toContain('tests: 3 passed, 0 failed, 0 skipped')
    expect(r.stdout).not.toContain('A test runner failed')
    expect(r.code, r.output).toBe(0)
    expectNothingLeft(r.stdout)
  }, 60_000)

  it('removes what a run killed outright left behind, and nothing of a run still going', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sweep-'))
    try {
      // A process that has ended: its number is free (and not reused within these few ms).
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
      const killed = join(tmp, `nmda-test-${gone}-aBc123`)
      const going = join(tmp, `nmda-test-${process.pid}-dEf456`)
      const other = join(tmp, 'nmda-fork-xyz')
      for (const folder of [killed, going, other]) {
        mkdirSync(folder)
        writeFileSync(join(folder, 'left-behind'), '')
      }
      const r = runScript(dir, 'test.ts', unitOnly, { FAKE_EXIT: '0', TMPDIR: tmp })
      expect(r.code, r.output).toBe(0)
      expect(existsSync(killed), 'the killed run\'s folder').toBe(false)
      expect(existsSync(going), 'the folder of a run still going').toBe(true)
      expect(existsSync(other), 'a folder npm test did not make').toBe(true)
      // and its own folder, gone at its end
      expect(readdirSync(tmp).filter(n => n.startsWith('nmda-test-'))).toEqual([`nmda-test-${process.pid}-dEf456`])
    }
    finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('npm test\'s lint and type check', () => {
  const dir = projectWithFakes({
    'vitest': FAKE_VITEST,
    'eslint': fakeCheck('eslint', 'vue-tsc'),
    'vue-tsc': fakeCheck('vue-tsc', 'eslint'),
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('run side by side, each counted and its output printed whole under its own label', () => {
    const fakes = mkdtempSync(join(tmpdir(), 'checks-'))
    try {
      const r = runScript(dir, 'test.ts', ['--unit'], { FAKE_EXIT: '0', FAKE_DIR: fakes })
      expect(r.code, r.output).toBe(0)
      // vitest's 3, then one each for lint and the type check
      expect(r.stdout).toContain('tests: 5 passed, 0 failed, 0 skipped')
      expect(r.stdout).toMatch(/▶ lint \(eslint[^\n]*\)\neslint says: all clean\n/)
      expect(r.stdout).toMatch(/▶ type check \(vue-tsc\)\nvue-tsc says: all clean\n/)
    }
    finally {
      rmSync(fakes, { recursive: true, force: true })
    }
  }, 60_000)
})
