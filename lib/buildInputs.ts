/**
 * What a built site was built from, so that `npm run export` and `npm run handout` print a
 * current dist/ instead of building the site again, and never print a stale one: every file
 * of the project that can change the site (the deck, its components, setup, styles, lib,
 * public/, the bibliography, Vite's config, the lock file that pins Slidev) is hashed, with
 * the base path. Too much counts rather than too little: an edit to README.md costs one
 * rebuild; a missed input would print an old deck.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

/** Never inputs: outputs, caches, dependencies (package-lock.json stands for them), tests, docs. */
const NOT_INPUTS = new Set([
  'node_modules',
  'dist',
  'tests',
  'docs',
  'test-results',
  'playwright-report',
  'bench-results',
  'coverage',
])

/** The record beside the built site. A dotfile: GitHub Pages' upload leaves it out. */
export const INPUTS_RECORD = '.build-inputs.json'

export interface InputsRecord {
  hash: string
  base: string
  /**
   * The entry file the site was built from, relative to the root: slides.md and short.md are
   * two decks of the same files (a site built with --deck short.md is not slides.md's).
   */
  entry: string
}

/** Files under `root` that can change the built site, relative and sorted. */
export function inputFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    }
    catch (error) {
      // A folder removed while it was read (a test's scratch copy, a build's staging folder).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return
      throw error
    }
    for (const e of entries) {
      // Dotfiles and dot-folders (.git, .tmp, .slidev, .github) are tooling, not the deck.
      if (e.name.startsWith('.') || (dir === root && NOT_INPUTS.has(e.name)))
        continue
      const path = join(dir, e.name)
      if (e.isDirectory())
        walk(path)
      else if (e.isFile())
        out.push(relative(root, path))
    }
  }
  walk(root)
  return out.sort()
}

/** The inputs as absolute paths: the project's, plus files from outside the root the deck imports. */
function inputPaths(root: string, extra: readonly string[]): string[] {
  return [
    ...new Set([
      ...inputFiles(root).map(f => join(root, f)),
      ...extra.map(f => resolve(root, f)),
    ]),
  ].sort()
}

/** One hash of the inputs' names and contents, for the site built from `entry` for `base`. */
export function inputsRecord(root: string, base: string, extra: readonly string[], entry: string): InputsRecord {
  const h = createHash('sha256')
  for (const f of inputPaths(root, extra)) {
    h.update(`${relative(root, f)}\0`)
    h.update(readFileSync(f))
    h.update('\0')
  }
  return {
    hash: h.digest('hex'),
    base,
    entry: relative(root, resolve(root, entry)).replaceAll('\\', '/'),
  }
}

/**
 * When the inputs were last changed (ms since the epoch, the newest modification time): a PDF
 * written before that may not show an edit. By time, not by the record: `npm run export`
 * prints a stale dist/ from a fresh build elsewhere and leaves dist/'s record as it was.
 */
export function newestInput(root: string, extra: readonly string[] = []): number {
  let newest = 0
  for (const f of inputPaths(root, extra)) {
    try {
      newest = Math.max(newest, statSync(f).mtimeMs)
    }
    catch {
      // Deleted since the folder was read (an editor's safe write renames over the file).
    }
  }
  return newest
}

/**
 * Which entry file each PDF in a folder was printed from (`npm run build`, `export` and
 * `handout` write it beside the PDF): the dev server's links must not offer short.md's PDF as
 * slides.md's. The site's own record cannot say: export and handout write a PDF alone.
 */
export const PDF_ENTRIES = '.pdf-entries.json'

function readPdfEntries(dir: string): Record<string, string> {
  try {
    const found = JSON.parse(readFileSync(join(dir, PDF_ENTRIES), 'utf8')) as unknown
    return found && typeof found === 'object'
      ? found as Record<string, string>
      : {}
  }
  catch {
    return {}
  }
}

/** The entry file `pdf` (a file name in `dir`) was printed from; undefined when not recorded. */
export function pdfEntry(dir: string, pdf: string): string | undefined {
  const entry = readPdfEntries(dir)[pdf]
  return typeof entry === 'string'
    ? entry
    : undefined
}

/** Records that `pdf` in `dir` was printed from `entry` (relative to the project root). */
export function recordPdfEntry(dir: string, pdf: string, entry: string): void {
  writeFileSync(join(dir, PDF_ENTRIES), `${JSON.stringify({
    ...readPdfEntries(dir),
    [pdf]: entry,
  })}\n`)
}

/** True when `siteDir` holds a site built from exactly these inputs, for this entry file and base. */
export function isCurrent(siteDir: string, record: InputsRecord): boolean {
  const file = join(siteDir, INPUTS_RECORD)
  if (!existsSync(file) || !existsSync(join(siteDir, 'index.html')))
    return false
  try {
    const found = JSON.parse(readFileSync(file, 'utf8')) as Partial<InputsRecord>
    return found.hash === record.hash && found.base === record.base && found.entry === record.entry
  }
  catch {
    return false
  }
}
