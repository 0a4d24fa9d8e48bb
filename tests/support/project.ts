import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { copyProject as copyDir } from '../../lib/devLoop'

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** The talk's entry files: slides.md, and the 20-minute short.md where a fork keeps it (the README lets it go). */
export const entryFiles = ['slides.md', 'short.md'].filter(f => existsSync(join(projectRoot, f)))

/**
 * A copy of the project as a forker would have it (the files git tracks or would track),
 * sharing node_modules, in a temporary folder that tests may break at will. Nothing lies
 * beside it: what the copy needs must be in the repository.
 */
export function copyProject({ withTests = false } = {}): string {
  return copyDir(projectRoot, f => !withTests && f.startsWith('tests/'))
}

export function runScript(dir: string, script: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [
    '--import',
    'tsx',
    join(dir, 'scripts', script),
    ...args,
  ], {
    cwd: dir,
    encoding: 'utf8',
    // Not Vitest's variables: under them vite.config.ts adds a Vue plugin for component tests,
    // which Slidev's own build must not get.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
      FORCE_COLOR: '0',
      ...env,
    },
    timeout: 600_000,
  })
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    output: r.stdout + r.stderr,
  }
}
