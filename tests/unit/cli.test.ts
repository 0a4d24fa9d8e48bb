import { describe, expect, it } from 'vitest'
import { projectRoot, runScript } from '../support/project'

// Every script reads its options with the one parser of scripts/_cli.ts. These fail before
// any work starts, so they are quick.
describe('the scripts\' command line', () => {
  for (const script of [
    'build.ts',
    'export.ts',
    'handout.ts',
    'preview.ts',
  ]) {
    it(`${script}: an unknown option is an error that shows the usage`, () => {
      const r = runScript(projectRoot, script, ['--with-clickz'])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('Unknown option \'--with-clickz\'')
      expect(r.stderr).toMatch(/usage: npm (run|test)/)
    }, 60_000)
  }

  it('an option that takes a value does not take the next option as its value', () => {
    const r = runScript(projectRoot, 'export.ts', ['--out', '--base', '/sub/'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Option \'--out\' argument is ambiguous')
  }, 60_000)

  it('--help prints the usage and does nothing else', () => {
    const r = runScript(projectRoot, 'build.ts', ['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('usage: npm run build -- [--out dist] [--base /sub/path/]')
    expect(r.stdout).not.toContain('Building')
  }, 60_000)
})
