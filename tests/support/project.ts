import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/**
 * A copy of the project as a forker would have it (the files git tracks or would track),
 * sharing node_modules, in a temporary folder that tests may break at will. Nothing lies
 * beside it: what the copy needs must be in the repository.
 */
export function copyProject({ withTests = false } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nmda-fork-'))
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' })
    .split('\n')
    .filter(f => f && (withTests || !f.startsWith('tests/')))
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true })
    try {
      cpSync(join(projectRoot, f), join(dir, f))
    }
    catch {} // listed but deleted in the working tree
  }
  linkModules(join(projectRoot, 'node_modules'), join(dir, 'node_modules'))
  // A fork is a git checkout; the tests list its files the way git does.
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

/**
 * node_modules as hard links: about a second, no space, and its files lie inside the copy as
 * in a real clone (Vite's dev server refuses files outside the project, which a symlinked
 * node_modules would be). A symlink where the temporary folder is on another file system.
 */
function linkModules(from: string, to: string): void {
  try {
    execFileSync('cp', ['-al', from, to], { stdio: 'ignore' })
  }
  catch {
    rmSync(to, { recursive: true, force: true })
    symlinkSync(from, to)
  }
}

export function runScript(dir: string, script: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'scripts', script), ...args], {
    cwd: dir,
    encoding: 'utf8',
    // Not Vitest's variables: under them vite.config.ts adds a Vue plugin for component tests,
    // which Slidev's own build must not get.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), FORCE_COLOR: '0', ...env },
    timeout: 600_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr }
}
