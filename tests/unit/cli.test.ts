import type { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
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
    // What each option does, not only its name (a lecturer met a bare usage line).
    expect(r.stdout).toMatch(/^ {2}--out <value> +the folder to build into/m)
    expect(r.stdout).toMatch(/^ {2}--deck <value> +the entry file to build/m)
    expect(r.stdout).not.toContain('Building')
  }, 60_000)

  // What a lecturer opens after `npm run preview`: every address it prints answers, the
  // handout's among them (it once listed the slides PDF alone).
  it('npm run preview prints the site, the presenter view and the PDFs there are, each served', async () => {
    expect(await previewed(['slides.pdf', 'handout.pdf'])).toEqual(['slides.pdf', 'handout.pdf'])
    // After `npm run export` alone: no handout to offer.
    expect(await previewed(['slides.pdf'])).toEqual(['slides.pdf'])
  }, 60_000)
})

/** The PDFs `npm run preview` lists for a site holding `pdfs`, every address it prints fetched. */
async function previewed(pdfs: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'preview-'))
  for (const f of ['index.html', ...pdfs])
    writeFileSync(join(dir, f), f)
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    join(projectRoot, 'scripts/preview.ts'),
    '--dir',
    dir,
    '--port',
    '0',
  ], { cwd: projectRoot })
  try {
    let out = ''
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b
        if (out.includes('Ctrl+C'))
          resolve()
      })
      child.on('exit', code => reject(new Error(`preview exited (${code}): ${out}`)))
    })
    const urls = [
      ...out.matchAll(/https?:\/\/\S+/g),
    ].map(m => m[0])
    for (const url of urls)
      expect((await fetch(url)).status, url).toBe(200)
    return urls.filter(u => /\.pdf$/.test(u)).map(u => u.split('/').at(-1)!)
  }
  finally {
    child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}
